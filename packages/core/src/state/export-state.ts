import type { CallOptions } from '../client/pipeline/operation-runner.js';
import type { FlowsResource } from '../client/resources/flows.js';
import type { TemplatesResource } from '../client/resources/templates.js';
import { NotFoundError, UnsupportedOperationError } from '../errors/error-classes.js';
import type { FlowStatus } from '../model/flow.js';
import type { FlowJsonDocument } from '../model/flow-writes.js';
import { toTemplateDraft } from '../model/inputs/to-template-draft.js';
import type { TemplateStatus } from '../model/template.js';
import { flowIdsToNames } from './flow-button-references.js';
import { type FlowDraft, type FlowDraftStatus, STATE_FILE_VERSION, type StateFile } from './state-file.js';
import type { VendorFacts } from './vendor-facts.js';

/** Flows read at once (each a get and a Flow JSON download); the client's rate limits still pace them. */
const DEFAULT_CONCURRENCY = 4;

/** Templates on their way out: the state no longer has them. */
const GONE: readonly TemplateStatus[] = ['DELETED', 'PENDING_DELETION'];

/** What a flow's status is as a wish; Meta's health states are a published flow's. */
const FLOW_DRAFT_STATUS: Partial<Record<FlowStatus, FlowDraftStatus>> = {
  DRAFT: 'DRAFT',
  PUBLISHED: 'PUBLISHED',
  BLOCKED: 'PUBLISHED',
  THROTTLED: 'PUBLISHED',
  DEPRECATED: 'DEPRECATED',
};

/** The reads `exportState` makes: a `WhatsAppClient` has them all. */
export interface StateReader {
  readonly templates: Pick<TemplatesResource, 'list'>;
  readonly flows: Pick<FlowsResource, 'list' | 'get'> & {
    /** Used where the client has it, to export each flow's Flow JSON. */
    readonly getJson?: (id: string, options?: CallOptions) => Promise<FlowJsonDocument>;
  };
}

/** How far an export has got: the item just read and the counts so far. */
export interface ExportProgress {
  readonly kind: 'template' | 'flow';
  readonly name: string;
  readonly templates: number;
  readonly flows: number;
}

export interface ExportStateOptions {
  /** Stops the export: the pending read rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  /** Called after each template and each flow is read. */
  readonly onProgress?: (progress: ExportProgress) => void;
  /** Export only templates or only flows; the other section is left out of the state. */
  readonly only?: 'templates' | 'flows';
  /** Flows read at once; default 4. */
  readonly concurrency?: number;
}

/**
 * Everything a vendor has, as a state file: each template as a draft (`toTemplateDraft` of
 * `templates.list({ withComponents: true })`), each flow as a FlowDraft (from `flows.list` and a
 * `flows.get` each, for its status and endpoint), with its Flow JSON where the client can read it
 * (`flows.getJson`; a flow without one has none). Deterministic: templates sorted by name and
 * language, flows by name.
 *
 * Vendor-neutral, so that it can be planned against another vendor: templates being deleted
 * (`DELETED`, `PENDING_DELETION`) are left out; a flow's `BLOCKED` or `THROTTLED` status (its
 * health) is `PUBLISHED`; a FLOW button names its flow by `flowName` instead of the vendor's
 * `flowId` when the flow is among the account's flows.
 *
 * @throws What the reads throw (the client's typed errors); the signal's reason when aborted.
 */
export async function exportState(client: StateReader, options: ExportStateOptions = {}): Promise<StateFile> {
  return (await exportStateWithFacts(client, options)).state;
}

/** A state, and what the vendor assigns that the state file leaves out. */
export interface StateExport {
  readonly state: StateFile;
  /**
   * The exported templates' statuses and the account's flow ids (left out when `only:
   * 'templates'` could not list the flows): give them to `planChanges` (`facts`) with `state` as
   * the current state.
   */
  readonly facts: VendorFacts;
}

/**
 * `exportState`, and, from the same reads, what the vendor assigns that a state file leaves out
 * (`VendorFacts`): each exported template's status, so that a plan lists an edit the vendor
 * refuses in that status (CAMS: APPROVED, PAUSED, DISABLED) as unsupported; every flow's id, so
 * that a plan checks a FLOW button's `flowId` against the target's flows.
 *
 * @throws As `exportState`.
 */
export async function exportStateWithFacts(
  client: StateReader,
  options: ExportStateOptions = {},
): Promise<StateExport> {
  const { signal, onProgress, only } = options;
  const templateStatuses: { name: string; language: string; status: TemplateStatus }[] = [];
  const call: CallOptions = signal ? { signal } : {};
  const counts = { templates: 0, flows: 0 };
  const state: StateFile = { version: STATE_FILE_VERSION };

  // Every flow's name is needed for the templates' FLOW buttons, even when flows are not exported;
  // then a failure to list them only leaves the buttons with the vendor's ids.
  let flowsListed = true;
  const summaries = await client.flows
    .list(call)
    .toArray()
    .catch((error: unknown) => {
      if (only === 'templates' && !signal?.aborted) {
        flowsListed = false;
        return [];
      }
      throw error;
    });
  const flowNames = new Map(summaries.map((flow) => [flow.id, flow.name]));

  if (only !== 'flows') {
    const templates = [];
    for await (const template of client.templates.list({ withComponents: true, ...call })) {
      if (GONE.includes(template.status)) continue;
      templates.push(flowIdsToNames(toTemplateDraft(template), flowNames));
      templateStatuses.push({ name: template.name, language: template.language, status: template.status });
      counts.templates++;
      onProgress?.({ kind: 'template', name: template.name, ...counts });
    }
    state.templates = templates.sort((a, b) => compare(a.name, b.name) || compare(a.language, b.language));
  }

  if (only !== 'templates') {
    const flows: FlowDraft[] = new Array(summaries.length);
    const reader = new FlowJsonReader(client.flows.getJson?.bind(client.flows), call);
    let next = 0;
    const worker = async () => {
      while (next < summaries.length) {
        const index = next++;
        const summary = summaries[index]!;
        signal?.throwIfAborted();
        const flow = await client.flows.get(summary.id, call);
        const status = FLOW_DRAFT_STATUS[flow.status];
        const flowJson = await reader.read(flow.id);
        flows[index] = {
          name: flow.name,
          categories: [...flow.categories],
          ...(flow.endpointUri !== undefined && { endpointUri: flow.endpointUri }),
          ...(flowJson !== undefined && { flowJson }),
          ...(status !== undefined && { status }),
        };
        counts.flows++;
        onProgress?.({ kind: 'flow', name: flow.name, ...counts });
      }
    };
    const concurrency = Math.max(1, Math.min(options.concurrency ?? DEFAULT_CONCURRENCY, summaries.length));
    await Promise.all(Array.from({ length: concurrency }, worker));
    state.flows = flows.sort((a, b) => compare(a.name, b.name));
  }
  // Where the flows could not be listed, their ids are unknown, not none.
  const flowIds = flowsListed ? { flowIds: summaries.map(({ name, id }) => ({ name, id })) } : {};
  return { state, facts: { templateStatuses, ...flowIds } };
}

/**
 * Reads Flow JSON where the client and the vendor can: a flow without one has none (NotFound),
 * and a vendor that cannot serve it is not asked again.
 */
class FlowJsonReader {
  private available: boolean;

  constructor(
    private readonly getJson: StateReader['flows']['getJson'],
    private readonly call: CallOptions,
  ) {
    this.available = getJson !== undefined;
  }

  async read(id: string): Promise<FlowDraft['flowJson']> {
    if (!this.available || this.getJson === undefined) return undefined;
    try {
      const { json, text } = await this.getJson(id, this.call);
      if (typeof json === 'object' && json !== null && !Array.isArray(json))
        return json as Record<string, unknown>;
      return text.trim() === '' ? undefined : text;
    } catch (error) {
      if (NotFoundError.isInstance(error)) return undefined;
      if (UnsupportedOperationError.isInstance(error)) {
        this.available = false;
        return undefined;
      }
      throw error;
    }
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
