import { isDeepStrictEqual } from 'node:util';
import type { FlowCategory } from '@whatsapp-bsp/core';
import type { EmulatorFlow } from '@whatsapp-bsp/emulator';
import type { EndState, SubjectContext, SubjectOptions, WriteSubject } from './write-subject.js';

/** The flow writes a user calls on `client.flows`. */
export type FlowWrite =
  | 'flows.create'
  | 'flows.update'
  | 'flows.updateJson'
  | 'flows.publish'
  | 'flows.deprecate'
  | 'flows.delete';

export const FLOW_WRITES: readonly FlowWrite[] = [
  'flows.create',
  'flows.update',
  'flows.updateJson',
  'flows.publish',
  'flows.deprecate',
  'flows.delete',
];

const CATEGORIES: FlowCategory[] = ['SIGN_UP'];
const OTHER_CATEGORIES: FlowCategory[] = ['SURVEY'];

/**
 * A one-screen Flow JSON in the form of Meta's Flow JSON reference, valid by the library's checks
 * and the emulator's, whose heading tells one upload from another.
 */
function flowJson(heading: string): object {
  return {
    version: '7.0',
    screens: [
      {
        id: 'WELCOME',
        title: 'Welcome',
        terminal: true,
        layout: {
          type: 'SingleColumnLayout',
          children: [
            { type: 'TextHeading', text: heading },
            { type: 'Footer', label: 'Done', 'on-click-action': { name: 'complete', payload: {} } },
          ],
        },
      },
    ],
  };
}

/** What the vendor holds of a flow: the fields a write changes. */
function snapshot(flow: EmulatorFlow | undefined): object | undefined {
  return flow && { name: flow.name, status: flow.status, categories: [...flow.categories] };
}

function compare(found: unknown, asked: unknown, before: unknown): EndState {
  if (isDeepStrictEqual(found, asked)) return 'applied';
  if (isDeepStrictEqual(found, before)) return 'unchanged';
  return found === undefined ? 'missing' : 'other content';
}

/** A subject for `operation`, named after `serial` so that no two cells of a lane share one. */
export function flowWriteSubject(
  operation: FlowWrite,
  context: SubjectContext,
  serial: number,
  options: SubjectOptions = {},
): WriteSubject {
  const { emulator } = context;
  const flows = emulator.store.flows;
  /** A DRAFT flow made as a vendor's create makes it, without a request. */
  const draftFlow = (name: string) => emulator.flows.create({ name, categories: CATEGORIES });

  if (operation === 'flows.create') {
    const name = `flow_${serial}`;
    if (options.nameTaken) emulator.flows.create({ name, categories: OTHER_CATEGORIES });
    const named = () => flows.list().filter((flow) => flow.name === name);
    const before = named().map(snapshot);
    return {
      call: (client, call) => client.flows.create({ name, categories: CATEGORIES }, call),
      state: async () => {
        const now = named().map(snapshot);
        // One flow of the name in all: never created twice.
        if (now.length > 1) return `${now.length} flows`;
        return compare(now, [{ name, status: 'DRAFT', categories: CATEGORIES }], before);
      },
    };
  }

  const flow = draftFlow(`${operation.slice('flows.'.length).toLowerCase()}_${serial}`);
  const { id } = flow;
  // Deprecating needs a PUBLISHED flow; Meta publishes only a DRAFT whose Flow JSON is valid.
  if (operation === 'flows.deprecate') emulator.flows.setStatus(id, 'PUBLISHED');
  const before = snapshot(flows.get(id));
  const read = async () => snapshot(flows.get(id));
  switch (operation) {
    case 'flows.update':
      return {
        call: (client, call) => client.flows.update(id, { categories: OTHER_CATEGORIES }, call),
        state: async () => compare(await read(), { ...before, categories: OTHER_CATEGORIES }, before),
      };
    case 'flows.updateJson': {
      const uploaded = flowJson(`Upload ${serial}`);
      const jsonBefore = emulator.flows.json(id);
      return {
        call: (client, call) => client.flows.updateJson(id, uploaded, call),
        state: async () => {
          const served = emulator.flows.json(id);
          if (served === jsonBefore) return 'unchanged';
          return served !== undefined && isDeepStrictEqual(JSON.parse(served), uploaded)
            ? 'applied'
            : 'other content';
        },
      };
    }
    case 'flows.publish':
      return {
        call: (client, call) => client.flows.publish(id, call),
        state: async () => compare(await read(), { ...before, status: 'PUBLISHED' }, before),
      };
    case 'flows.deprecate':
      return {
        call: (client, call) => client.flows.deprecate(id, call),
        state: async () => compare(await read(), { ...before, status: 'DEPRECATED' }, before),
      };
    case 'flows.delete':
      return {
        call: (client, call) => client.flows.delete(id, call),
        state: async () => compare(await read(), undefined, before),
      };
  }
}
