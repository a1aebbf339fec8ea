import type { EmulatorFlow, FlowInput } from '../model.js';
import type { RecordList, RecordView } from './record-list.js';
import {
  deepFreeze,
  requireArray,
  requireObject,
  requireString,
  requireStringArray,
} from './validate-input.js';

/**
 * A flow whose status changed: by a `replace`, or by a vendor's create (`addAsCreated`), when
 * there is no previous flow.
 */
export interface FlowStatusChange {
  /** The flow as it was; absent for a new flow. */
  previous?: EmulatorFlow;
  /** The flow as it is now. */
  current: EmulatorFlow;
}

const byId = (flow: EmulatorFlow) => flow.id;
const byName = (flow: EmulatorFlow) => flow.name;

/**
 * The flows of the emulator, in the order the vendors list them. Records read from it are
 * frozen (or freshly generated): change a flow with `replace`.
 */
export class FlowCollection {
  private readonly statusWatchers = new Set<(change: FlowStatusChange) => void>();
  /** The Flow JSON uploaded for a flow, by flow id, kept as the exact bytes received. */
  private readonly flowJson = new Map<string, Buffer>();

  constructor(
    private readonly records: RecordList<EmulatorFlow>,
    private readonly newId: () => string,
  ) {}

  get count(): number {
    return this.records.length;
  }

  /** Adds a flow at the end of the list; the id is generated when left out. */
  add(input: FlowInput): EmulatorFlow {
    const flow = checkFlow({ ...structuredClone(input), id: input.id ?? this.unusedId() });
    if (this.positionOf(flow.id) !== undefined) throw new Error(`A flow with id ${flow.id} already exists`);
    this.records.append(flow);
    return flow;
  }

  /**
   * Adds a flow as a vendor's create does: like `add`, and the status watchers are told (a new
   * flow has no previous status), which is when NXCloud sends its flows webhook.
   */
  addAsCreated(input: FlowInput): EmulatorFlow {
    const flow = this.add(input);
    for (const watcher of this.statusWatchers) watcher({ current: flow });
    return flow;
  }

  /** Replaces the flow with the same id, keeping its place in the list. */
  replace(flow: EmulatorFlow): EmulatorFlow {
    const checked = checkFlow(structuredClone(flow));
    const position = this.positionOf(checked.id);
    if (position === undefined) throw new Error(`No flow with id ${checked.id}`);
    const current = this.records.at(position);
    this.records.set(position, checked);
    if (checked.status !== current.status) {
      for (const watcher of this.statusWatchers) watcher({ previous: current, current: checked });
    }
    return checked;
  }

  /**
   * Calls `watcher` after every `replace` that changes a flow's status (published, deprecated, or
   * blocked and throttled by Meta, as a test sets it) and after every `addAsCreated`, which is when
   * vendors send their callbacks. Returns a function that stops watching.
   */
  watchStatus(watcher: (change: FlowStatusChange) => void): () => void {
    this.statusWatchers.add(watcher);
    return () => this.statusWatchers.delete(watcher);
  }

  /** Removes a flow and its Flow JSON; returns whether it existed. */
  remove(id: string): boolean {
    const position = this.positionOf(id);
    if (position === undefined) return false;
    this.records.removePositions([position]);
    this.flowJson.delete(id);
    return true;
  }

  /** The Flow JSON uploaded for a flow, byte for byte; undefined when none was (or no such flow). */
  storedJson(id: string): Buffer | undefined {
    return this.flowJson.get(id);
  }

  /** Keeps a copy of a flow's Flow JSON. Throws when there is no such flow. */
  storeJson(id: string, bytes: Uint8Array): void {
    if (this.positionOf(id) === undefined) throw new Error(`No flow with id ${id}`);
    this.flowJson.set(id, Buffer.from(bytes));
  }

  get(id: string): EmulatorFlow | undefined {
    const position = this.positionOf(id);
    return position === undefined ? undefined : this.records.at(position);
  }

  /** Every flow, in list order. This builds them all; for big stores prefer `slice`. */
  list(): EmulatorFlow[] {
    return this.records.all();
  }

  /** The flows at positions [start, end). */
  slice(start: number, end: number): EmulatorFlow[] {
    return this.records.slice(start, end);
  }

  /** All flows, as a view for paging. */
  view(): RecordView<EmulatorFlow> {
    return this.records.view();
  }

  /** The flows named `name`, as a view for paging. */
  named(name: string): RecordView<EmulatorFlow> {
    return this.records.viewOf(this.records.positionsOf('name', byName, name));
  }

  clear(): void {
    this.records.clear();
    this.flowJson.clear();
  }

  private positionOf(id: string): number | undefined {
    return this.records.positionsOf('id', byId, id)[0];
  }

  private unusedId(): string {
    let id = this.newId();
    while (this.positionOf(id) !== undefined) id = this.newId();
    return id;
  }
}

function checkFlow(flow: FlowInput & { id: string }): EmulatorFlow {
  requireObject(flow, 'flow');
  requireString(flow.id, 'flow.id');
  requireString(flow.name, 'flow.name');
  requireString(flow.status, 'flow.status');
  requireStringArray(flow.categories, 'flow.categories');
  if (flow.validationErrors !== undefined) requireArray(flow.validationErrors, 'flow.validationErrors');
  if (flow.preview !== undefined) {
    requireString(flow.preview.url, 'flow.preview.url');
    if (!Number.isFinite(flow.preview.expiresAt)) {
      throw new TypeError('flow.preview.expiresAt must be epoch milliseconds');
    }
  }
  return deepFreeze({ ...flow, validationErrors: flow.validationErrors ?? [] });
}
