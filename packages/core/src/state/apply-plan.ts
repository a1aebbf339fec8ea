import type { CallOptions } from '../client/pipeline/operation-runner.js';
import { ConflictError, InvalidRequestError, StatusWaitTimeoutError } from '../errors/error-classes.js';
import type { FlowCategory, FlowValidationError } from '../model/flow.js';
import type { TemplateStatus } from '../model/template.js';
import type { TemplateDraftIssue } from '../validation/template-draft/template-issues.js';
import { flowNamesIn, flowNamesToIds } from './flow-button-references.js';
import type { FlowCreate, FlowUpdate, Plan, TemplateCreate, TemplateDelete, TemplateUpdate } from './plan.js';
import type { FlowDraft } from './state-file.js';
import type { StateWriter } from './state-writer.js';

/** Items carried out at once by default; the client's rate limits pace the requests underneath. */
export const DEFAULT_APPLY_CONCURRENCY = 4;

/** The most items carried out at once. */
export const MAX_APPLY_CONCURRENCY = 16;

/** What became of one item of the plan. */
export type ApplyItemStatus = 'created' | 'updated' | 'deleted' | 'failed' | 'skipped';

export interface ApplyItemResult {
  readonly kind: 'template' | 'flow';
  readonly name: string;
  /** Templates only. */
  readonly language?: string;
  readonly action: 'create' | 'update' | 'delete';
  /**
   * `failed`: the vendor or the client refused, or the call's outcome is unknown (see `error`);
   * `skipped`: not attempted, because the run was aborted first.
   */
  readonly status: ApplyItemStatus;
  /** Why it failed: the client's typed error (`BspError`, with `outcome` and the vendor's request id). */
  readonly error?: unknown;
  /** The vendor's id of what was created or changed. */
  readonly id?: string;
  /**
   * A created or edited template's review status as the vendor reported it (`PENDING` while Meta
   * reviews it), or as it ended with `wait`.
   */
  readonly reviewStatus?: TemplateStatus;
  /** The write's outcome was unknown at first, and a read found it applied. */
  readonly reconciled?: true;
  /**
   * Offline validation's warnings (templates); or, for a flow created or updated as a draft, the
   * validation errors the vendor reported for the Flow JSON it received (the plan checks the
   * JSON offline first, but the vendor's checks may find more): the item is `created` or
   * `updated`, since the JSON was stored, and cannot be published until they are fixed. A flow
   * to publish whose JSON the vendor finds errors in is `failed` (the client's error).
   */
  readonly warnings?: readonly (TemplateDraftIssue | FlowValidationError)[];
}

export interface ApplyProgress {
  readonly item: ApplyItemResult;
  /** Items finished so far, this one included. */
  readonly done: number;
  readonly total: number;
}

export interface ApplyPlanOptions {
  /**
   * Stops the run cleanly: no item starts after it aborts (the rest are `skipped`), and the items
   * already started finish, so that each is reported as it truly ended. Their calls are not
   * given the signal (a template created or a flow half uploaded would otherwise be reported
   * `failed` though the vendor applied it); the client's own timeouts bound them. Waiting for a
   * review (`wait`) stops at once, and the item is reported with the status the vendor gave.
   */
  readonly signal?: AbortSignal;
  /** Called as each item finishes, skipped items included. */
  readonly onProgress?: (progress: ApplyProgress) => void;
  /** Items carried out at once: a whole number from 1 to 16; default 4. */
  readonly concurrency?: number;
  /**
   * Wait for Meta's review of each template created or edited (`templates.waitForStatus`), and
   * report the status it ends in; `timeoutMs` per template (default the client's, 10 minutes).
   * By default templates under review are reported as `PENDING`, not waited for.
   */
  readonly wait?: boolean | { readonly timeoutMs?: number };
}

export interface ApplyReport {
  readonly provider: string;
  /** Every create, update and delete of the plan, in the order they finished. */
  readonly items: readonly ApplyItemResult[];
  /** Whether the signal aborted the run: items not yet attempted then are `skipped`. */
  readonly aborted: boolean;
  readonly counts: Readonly<Record<ApplyItemStatus, number>>;
}

/** One unit of work: the items it reports, carried out or skipped. */
interface Task {
  run(): Promise<ApplyItemResult[]>;
  /** What it reports when it is not attempted; sends nothing. */
  skip(): ApplyItemResult[];
}

/** A task for one item. */
function task(
  base: Pick<ApplyItemResult, 'kind' | 'name' | 'language' | 'action'>,
  work: () => Promise<Omit<ApplyItemResult, 'kind' | 'name' | 'language' | 'action'>>,
): Task {
  return {
    run: async () => {
      try {
        return [{ ...base, ...(await work()) }];
      } catch (error) {
        return [{ ...base, status: 'failed', error }];
      }
    },
    skip: () => [{ ...base, status: 'skipped' }],
  };
}

/**
 * Carries out a plan's creates, updates and deletes through the client (so under its rate
 * budgets, retries and write reconciliation), `concurrency` items at once, in an order that
 * respects what items depend on: flows are created and changed first (a template's FLOW button
 * needs its flow), then templates, then templates are deleted, then flows. `unsupported` and
 * `unchanged` items are not touched.
 *
 * Every item is reported, through `onProgress` as it finishes and in the result: `created`,
 * `updated`, `deleted`, or `failed` with the client's typed error; a failure does not stop the
 * others. Stops cleanly on abort: no item starts after the signal aborts (those left are
 * `skipped`), and the items in flight finish and are reported as they ended. Templates still under review are reported with their status, not waited for, unless
 * `wait` says so.
 *
 * Resumable: after a partial run (aborted, or with failures), planning again against a fresh
 * `exportState` and applying that plan finishes the job without duplicates — what was done shows
 * as unchanged, and a write whose outcome was unknown is reconciled by the client. After a complete
 * run, a new plan is empty. A flow created but not yet given its JSON or published is finished by
 * the next plan's update.
 *
 * Flows and FLOW buttons are named by name: the target's flow ids are read once with `flows.list`
 * when the plan needs them, and a FLOW button's `flowName` is sent as the target's `flowId`.
 *
 * @returns The report; it resolves even when items failed or the run was aborted.
 * @throws InvalidRequestError, before anything is sent, when the plan was made for another provider
 *   (field `plan.provider`), or `concurrency` is not a whole number from 1 to 16 (field `concurrency`).
 */
export async function applyPlan(
  client: StateWriter,
  plan: Plan,
  options: ApplyPlanOptions = {},
): Promise<ApplyReport> {
  const providerId = client.provider.id;
  if (plan.provider !== undefined && plan.provider !== providerId) {
    throw new InvalidRequestError(
      `The plan was made for ${plan.provider}, not ${providerId}: plan again against ${providerId}.`,
      { field: 'plan.provider' },
    );
  }
  const concurrency = options.concurrency ?? DEFAULT_APPLY_CONCURRENCY;
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > MAX_APPLY_CONCURRENCY) {
    throw new InvalidRequestError(
      `\`concurrency\` must be a whole number from 1 to ${MAX_APPLY_CONCURRENCY}, not ${String(concurrency)}.`,
      { field: 'concurrency' },
    );
  }
  const { signal } = options;
  const total = plan.create.length + plan.update.length + plan.delete.length;
  const items: ApplyItemResult[] = [];
  const report = (result: ApplyItemResult) => {
    items.push(result);
    options.onProgress?.({ item: result, done: items.length, total });
  };
  const run = new PlanRun(client, options);

  const flowCreates = plan.create.filter((item): item is FlowCreate => item.kind === 'flow');
  const flowUpdates = plan.update.filter((item): item is FlowUpdate => item.kind === 'flow');
  const templateCreates = plan.create.filter((item): item is TemplateCreate => item.kind === 'template');
  const templateUpdates = plan.update.filter((item): item is TemplateUpdate => item.kind === 'template');
  const templateDeletes = plan.delete.filter((item): item is TemplateDelete => item.kind === 'template');
  const flowDeletes = plan.delete.flatMap((item) => (item.kind === 'flow' ? [item.name] : []));

  const needsFlowIds =
    flowUpdates.length > 0 ||
    flowDeletes.length > 0 ||
    [...templateCreates, ...templateUpdates].some((item) => flowNamesIn(item.draft).length > 0);
  const phases: Task[][] = [
    [...flowCreates.map((item) => run.createFlow(item)), ...flowUpdates.map((item) => run.updateFlow(item))],
    [
      ...templateCreates.map((item) => run.createTemplate(item)),
      ...templateUpdates.map((item) => run.updateTemplate(item)),
    ],
    deleteTemplateTasks(templateDeletes, run),
    flowDeletes.map((name) => run.deleteFlow(name)),
  ];

  const stopped = () => signal?.aborted === true;
  if (needsFlowIds && !stopped()) {
    try {
      await run.readFlowIds();
    } catch (error) {
      // Only the items that need a flow's id fail for it.
      if (!stopped()) run.flowIdsUnavailable(error);
    }
  }
  for (const phase of phases) await runTasks(phase, concurrency, stopped, report);
  const aborted = stopped();
  const counts = { created: 0, updated: 0, deleted: 0, failed: 0, skipped: 0 };
  for (const item of items) counts[item.status]++;
  return { provider: providerId, items, aborted, counts };
}

/** One delete per template, or per name where the vendor deletes every language of a name at once. */
function deleteTemplateTasks(deletes: readonly TemplateDelete[], run: PlanRun): Task[] {
  const groups: TemplateDelete[][] = [];
  const byName = new Map<string, TemplateDelete[]>();
  for (const item of deletes) {
    const group = item.scope === 'name' ? byName.get(item.name) : undefined;
    if (group !== undefined) {
      group.push(item);
      continue;
    }
    const created = [item];
    if (item.scope === 'name') byName.set(item.name, created);
    groups.push(created);
  }
  return groups.map((group) => run.deleteTemplates(group));
}

/** Runs tasks `concurrency` at a time; once `stopped`, the rest are reported as skipped. */
async function runTasks(
  tasks: readonly Task[],
  concurrency: number,
  stopped: () => boolean,
  report: (result: ApplyItemResult) => void,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const current = tasks[next++]!;
      const results = stopped() ? current.skip() : await current.run();
      for (const result of results) report(result);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, tasks.length) }, worker));
}

/** The state of one run: its client, its call options, and the target's flow ids by name. */
class PlanRun {
  private readonly flowIds = new Map<string, string>();
  private flowIdsError: unknown;
  /**
   * The options of an item's calls: no signal, so that an item once started finishes and is
   * reported as it ended (see `ApplyPlanOptions.signal`).
   */
  private readonly call: CallOptions = {};

  constructor(
    private readonly client: StateWriter,
    private readonly options: ApplyPlanOptions,
  ) {}

  /** A read before any item starts: the signal stops it. */
  async readFlowIds(): Promise<void> {
    const { signal } = this.options;
    for await (const flow of this.client.flows.list(signal ? { signal } : {}))
      this.flowIds.set(flow.name, flow.id);
  }

  /** The flows could not be listed: items that need an id fail with that error. */
  flowIdsUnavailable(error: unknown): void {
    this.flowIdsError = error;
  }

  createFlow(item: FlowCreate): Task {
    const { draft } = item;
    const publish = draft.status === 'PUBLISHED';
    return task({ kind: 'flow', name: item.name, action: 'create' }, async () => {
      const flow = await this.client.flows.create(
        {
          name: draft.name,
          categories: [...draft.categories] as FlowCategory[],
          ...(draft.endpointUri !== undefined && { endpointUri: draft.endpointUri }),
          ...(draft.flowJson !== undefined && { flowJson: draft.flowJson }),
          ...(publish && { publish: true }),
          // A draft may hold work in progress; a flow to publish must pass.
          ...(draft.flowJson !== undefined && { validate: publish ? 'error' : 'warn' }),
        },
        this.call,
      );
      this.flowIds.set(draft.name, flow.id);
      const warnings = flow.validationErrors ?? [];
      return {
        status: 'created',
        id: flow.id,
        ...reconciled(flow),
        ...(warnings.length > 0 && { warnings }),
      };
    });
  }

  updateFlow(item: FlowUpdate): Task {
    const { draft, steps } = item;
    return task({ kind: 'flow', name: item.name, action: 'update' }, async () => {
      const id = this.flowId(item.name);
      let warnings: readonly FlowValidationError[] = [];
      for (const step of steps) {
        if (step === 'metadata') {
          const categories = [...draft.categories] as FlowCategory[];
          const endpoint = draft.endpointUri !== undefined ? { endpointUri: draft.endpointUri } : {};
          await this.client.flows.update(id, { categories, ...endpoint }, this.call);
        } else if (step === 'json' && draft.flowJson !== undefined) {
          const publish = steps.includes('publish') || draft.status === 'PUBLISHED';
          const validate = publish ? 'error' : 'warn';
          warnings = (await this.client.flows.updateJson(id, draft.flowJson, { ...this.call, validate }))
            .validationErrors;
        } else if (step === 'publish') {
          if (warnings.length > 0) throw unpublishable(draft, warnings);
          // An edited published flow is a draft again under Meta's current API; not at every vendor.
          const edited = item.current.status !== 'DRAFT';
          if (!edited || (await this.client.flows.get(id, this.call)).status !== 'PUBLISHED') {
            await this.client.flows.publish(id, this.call);
          }
        } else if (step === 'deprecate') {
          await this.client.flows.deprecate(id, this.call);
        }
      }
      return { status: 'updated', id, ...(warnings.length > 0 && { warnings }) };
    });
  }

  deleteFlow(name: string): Task {
    return task({ kind: 'flow', name, action: 'delete' }, async () => {
      const id = this.flowId(name);
      await this.client.flows.delete(id, this.call);
      return { status: 'deleted', id };
    });
  }

  createTemplate(item: TemplateCreate): Task {
    const { name, language, warnings } = item;
    return task({ kind: 'template', name, language, action: 'create' }, async () => {
      const created = await this.client.templates.create(flowNamesToIds(item.draft, this.flowIds), this.call);
      return {
        status: 'created',
        id: created.id,
        reviewStatus: await this.review(item, created.status),
        ...reconciled(created),
        ...(warnings.length > 0 && { warnings }),
      };
    });
  }

  updateTemplate(item: TemplateUpdate): Task {
    const { name, language, warnings } = item;
    return task({ kind: 'template', name, language, action: 'update' }, async () => {
      const draft = flowNamesToIds(item.draft, this.flowIds);
      const ttl = draft.messageSendTtlSeconds;
      const updated = await this.client.templates.update(
        { name, language },
        {
          category: draft.category,
          components: draft.components,
          ...(ttl !== undefined && { messageSendTtlSeconds: ttl }),
        },
        this.call,
      );
      return {
        status: 'updated',
        id: updated.id,
        reviewStatus: await this.review(item, updated.status),
        ...reconciled(updated),
        ...(warnings.length > 0 && { warnings }),
      };
    });
  }

  /** One delete for the group: one template, or every language of a name (one call). */
  deleteTemplates(group: readonly TemplateDelete[]): Task {
    const bases = group.map(
      ({ name, language }) => ({ kind: 'template', name, language, action: 'delete' }) as const,
    );
    const first = group[0]!;
    const reference =
      first.scope === 'name' ? { name: first.name } : { name: first.name, language: first.language };
    return {
      run: async () => {
        try {
          await this.client.templates.delete(reference, this.call);
          return bases.map((base) => ({ ...base, status: 'deleted' }));
        } catch (error) {
          return bases.map((base) => ({ ...base, status: 'failed', error }));
        }
      },
      skip: () => bases.map((base) => ({ ...base, status: 'skipped' })),
    };
  }

  /** The status a template under review ends in, when the run waits for it; else the one reported. */
  private async review(
    item: { name: string; language: string },
    reported: TemplateStatus,
  ): Promise<TemplateStatus> {
    const { wait } = this.options;
    if (wait === undefined || wait === false || (reported !== 'PENDING' && reported !== 'IN_APPEAL'))
      return reported;
    const timeoutMs = typeof wait === 'object' ? wait.timeoutMs : undefined;
    const { signal } = this.options;
    if (signal?.aborted) return reported;
    try {
      const template = await this.client.templates.waitForStatus(
        { name: item.name, language: item.language },
        { ...(signal && { signal }), ...(timeoutMs !== undefined && { timeoutMs }) },
      );
      return template.status;
    } catch (error) {
      if (StatusWaitTimeoutError.isInstance(error) && error.lastStatus !== undefined)
        return error.lastStatus as TemplateStatus;
      // The write is done; only the wait was stopped.
      if (signal?.aborted) return reported;
      throw error;
    }
  }

  private flowId(name: string): string {
    const id = this.flowIds.get(name);
    if (id !== undefined) return id;
    if (this.flowIdsError !== undefined) throw this.flowIdsError;
    throw new ConflictError(`The flow '${name}' is no longer at the vendor: plan again.`, {
      state: 'ABSENT',
    });
  }
}

function reconciled(result: object): { reconciled?: true } {
  const metadata = (result as { $metadata?: { reconciled?: true } }).$metadata;
  return metadata?.reconciled === true ? { reconciled: true } : {};
}

/** Meta publishes no flow whose JSON has validation errors. */
function unpublishable(draft: FlowDraft, errors: readonly FlowValidationError[]): ConflictError {
  const named = errors
    .slice(0, 3)
    .map((error) => error.message)
    .join('; ');
  return new ConflictError(
    `The vendor found ${errors.length} validation error${errors.length === 1 ? '' : 's'} in the Flow JSON of '${draft.name}', which is not published: ${named}`,
    { state: 'DRAFT' },
  );
}
