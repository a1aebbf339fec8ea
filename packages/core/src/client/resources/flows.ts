import type { Flow, FlowPreview, FlowStatus, FlowSummary } from '../../model/flow.js';
import { parseCallOptions } from '../../model/inputs/call-options.js';
import { requireIdentifier } from '../../model/inputs/input-checks.js';
import { PAGINATION_KEYS, type PaginationOptions, parseListQuery } from '../../model/inputs/list-query.js';
import type { WithMetadata } from '../../model/metadata.js';
import type { ProviderV1 } from '../../provider/provider-v1.js';
import { pageFetcher } from '../pagination/page-fetcher.js';
import { Paginated } from '../pagination/paginated.js';
import type { CallOptions, OperationRunner } from '../pipeline/operation-runner.js';
import { type WaitForStatusOptions, waitForStatus } from '../waiting/wait-for-status.js';

/** `client.flows`: WhatsApp Flows. */
export class FlowsResource {
  /** @internal Made by the client. */
  constructor(
    private readonly provider: ProviderV1,
    private readonly runner: OperationRunner,
  ) {}

  /**
   * One flow by its vendor id, with its status, categories, validation errors and preview.
   *
   * @throws NotFoundError when the vendor has no such flow; InvalidRequestError for a malformed id.
   */
  async get(id: string, options?: CallOptions): Promise<WithMetadata<Flow>> {
    const request = { id: requireIdentifier(id, 'id') };
    // `return await`: an async function that returns a promise settles two microtask turns later.
    return await this.runner.run(
      'flows.get',
      { ...request },
      (ctx) => this.provider.flows.doGet(request, ctx),
      parseCallOptions(options),
    );
  }

  /**
   * Every flow of the account, paged lazily (see `Paginated`). List items carry `status` only
   * where `capabilities.flows.list.includesStatus` says so.
   *
   * @throws InvalidRequestError at once for a bad query (it is checked when `list` is called).
   */
  list(query?: PaginationOptions): Paginated<FlowSummary> {
    const parsed = parseListQuery(
      query,
      'flows.list',
      PAGINATION_KEYS,
      this.provider.capabilities.flows.list,
      this.provider.id,
    );
    const fetchPage = pageFetcher(this.runner, this.provider.id, 'flows.list', parsed, {}, (request, ctx) =>
      this.provider.flows.doList(request, ctx),
    );
    return new Paginated(fetchPage, parsed.limits);
  }

  /**
   * A flow's preview link, valid until `expiresAt`.
   *
   * @throws NotFoundError when the vendor has no such flow.
   */
  async preview(id: string, options?: CallOptions): Promise<WithMetadata<FlowPreview>> {
    const request = { id: requireIdentifier(id, 'id') };
    return await this.runner.run(
      'flows.preview',
      { ...request },
      (ctx) => this.provider.flows.doGetPreview(request, ctx),
      parseCallOptions(options),
    );
  }

  /**
   * Reads a flow until its status is one of `until` — by default, until it differs from the status
   * it had when the wait began (a flow changes status only by a write or Meta's own action) — and
   * returns it. Reads pause with capped back-off (2 s doubling to 60 s by default) under the
   * client's rate limits; with `events` (a `createWebhookEventStream()` fed by a webhook receiver)
   * a `flow.status` event about the flow ends a pause at once.
   *
   * @throws StatusWaitTimeoutError with `lastStatus` after `timeoutMs` (10 minutes by default);
   *   NotFoundError when there is no such flow; the signal's reason when it aborts.
   */
  async waitForStatus(
    id: string,
    options: WaitForStatusOptions<FlowStatus> = {},
  ): Promise<WithMetadata<Flow>> {
    const flowId = requireIdentifier(id, 'id');
    const { signal, until } = options;
    const call = parseCallOptions({ signal });
    return waitForStatus({
      what: `Flow ${flowId}`,
      provider: this.provider.id,
      clock: this.runner.clock,
      read: () => this.get(flowId, call),
      isDone: (flow, first) =>
        until === undefined ? flow.status !== first.status : until.includes(flow.status),
      isAbout: (event) => event.type === 'flow.status' && event.flowId === flowId,
      options,
    });
  }
}
