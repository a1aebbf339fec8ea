import { ConflictError } from '../../errors/error-classes.js';
import {
  FLOW_STATUSES,
  type Flow,
  type FlowPreview,
  type FlowStatus,
  type FlowSummary,
  type FlowValidationError,
} from '../../model/flow.js';
import type { FlowJsonDocument, FlowJsonUpdate, FlowWriteAck } from '../../model/flow-writes.js';
import { parseCallOptions } from '../../model/inputs/call-options.js';
import { requireFlowJson } from '../../model/inputs/flow-json-input.js';
import {
  type FlowChanges,
  type FlowCreateInput,
  type FlowJsonWriteOptions,
  parseFlowChanges,
  parseFlowCreateInput,
  parseFlowJsonWriteOptions,
} from '../../model/inputs/flow-write-inputs.js';
import { requireIdentifier } from '../../model/inputs/input-checks.js';
import { PAGINATION_KEYS, type PaginationOptions, parseListQuery } from '../../model/inputs/list-query.js';
import { parseWaitOptions } from '../../model/inputs/wait-options.js';
import { attachMetadata, type ResponseMetadata, type WithMetadata } from '../../model/metadata.js';
import type { ProviderCallContext, ProviderResult } from '../../provider/call-context.js';
import type { ProviderV1 } from '../../provider/provider-v1.js';
import { checkFlowJsonBeforeWrite } from '../../validation/flow-json/check-flow-json-before-write.js';
import { pageFetcher } from '../pagination/page-fetcher.js';
import { Paginated } from '../pagination/paginated.js';
import type { CallOptions, OperationRunner, Reconcile } from '../pipeline/operation-runner.js';
import { type WaitForStatusOptions, waitForStatus } from '../waiting/wait-for-status.js';
import { confirmFlowNameTaken } from '../writes/confirm-flow-name-taken.js';
import { confirmFlowStateConflict } from '../writes/confirm-flow-state-conflict.js';
import { findFlowByName } from '../writes/find-flow-by-name.js';
import { type FlowStateWrite, PUBLISHED_STATUSES } from '../writes/flow-state-rules.js';
import {
  reconcileByStatus,
  reconcileDelete,
  reconcileJsonUpdate,
  reconcileUpdate,
} from '../writes/flow-write-reconcilers.js';
import { type FlowCreateStep, noteFlowCreated } from '../writes/note-flow-created.js';
import { reconcileFlowCreate } from '../writes/reconcile-flow-create.js';
import { requireProviderMethod } from '../writes/unsupported-write.js';

/** How many validation errors a refused publish names in its message; all are in `details`. */
const ERRORS_IN_MESSAGE = 3;

/**
 * `client.flows`: WhatsApp Flows.
 *
 * Writes follow Meta's rules for a flow's status (publish only a DRAFT, deprecate only a
 * PUBLISHED flow, delete only a DRAFT), but the client does not read the status before sending a
 * write to refuse it early: the vendor is the authority. A status read first can be stale by the
 * time the write arrives (another process, Meta's health monitor), Meta's rules have changed
 * before (a published flow's Flow JSON may now be updated), and the read would cost a request,
 * rate limited on CAMS, on every write. Instead, a refusal the adapter cannot classify is
 * confirmed afterwards by a read: if the flow's status forbids the write, the refusal is a
 * ConflictError with that status as `state`.
 */
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
    return await this.fetchFlow(requireIdentifier(id, 'id'), parseCallOptions(options));
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
   * A flow's Flow JSON as the vendor serves it: `{ json, text }`, `text` exactly as stored and
   * `json` its parse (`undefined` when the text is not JSON). Both vendors answer with a link that
   * the adapter downloads within the response size limit and the attempt's timeout.
   *
   * @throws UnsupportedOperationError when the vendor cannot serve it (before sending);
   *   NotFoundError when there is no such flow; InvalidRequestError for a malformed id.
   */
  async getJson(id: string, options?: CallOptions): Promise<WithMetadata<FlowJsonDocument>> {
    const request = { id: requireIdentifier(id, 'id') };
    const call = parseCallOptions(options);
    const doGetJson = requireProviderMethod(this.provider, 'flows', 'doGetJson', 'flows.getJson');
    return await this.runner.run('flows.getJson', { ...request }, (ctx) => doGetJson(request, ctx), call);
  }

  /**
   * Creates a flow, then, as asked, uploads its Flow JSON, publishes it, and reads it back:
   * vendor calls `create` → `updateJson` (with `flowJson`) → `publish` (with `publish: true`) →
   * `get`. The Flow JSON is checked offline before anything is sent (`validate`: `'error'` by
   * default refuses it, `'warn'` sends it, `'off'` skips the check); an object is sent as
   * `JSON.stringify` writes it, a string byte-for-byte.
   *
   * The result is the flow as read at the end. Its `validationErrors` are those the vendor
   * reported for the uploaded Flow JSON, or, when it reported none, those offline validation
   * found with `validate: 'warn'`. `$metadata` is the create request's (`requestId`, `attempts`),
   * with `totalRetryDelayMs` summed over every step and `reconciled: true` if any write was found
   * applied by a read after an unknown outcome.
   *
   * A create whose outcome is unknown (a timeout after sending) is not sent again blindly: the
   * flow is looked for by its name; found as asked, the call carries on with it.
   *
   * @throws InvalidRequestError naming the field, InvalidFlowJsonError (with every error), or
   *   UnsupportedOperationError when the vendor lacks a step asked for — all before any request.
   *   ConflictError when the name is taken (`details.flowId`: the flow holding it), or when the
   *   vendor reported validation errors and `publish` was asked (`state: 'DRAFT'`; the errors are
   *   in the message and `details.validationErrors`; publishing is not attempted). Once the flow
   *   exists, any error of a later step says so in its message, carries
   *   `details: { flowId, created: true, step }` and has `outcome: 'unknown'` (something was
   *   applied: never `not-sent` or `failed`, which would invite a blind retry): carry on with that
   *   flow rather than creating it again.
   */
  async create(
    input: FlowCreateInput,
    options?: CallOptions,
  ): Promise<WithMetadata<Flow & { validationErrors?: FlowValidationError[] }>> {
    const { request, flowJson, publish, validate } = parseFlowCreateInput(input);
    const call = parseCallOptions(options);
    const offlineErrors = flowJson ? checkFlowJsonBeforeWrite(flowJson.given, { validate }) : [];
    // Every step asked for must be possible before the first is sent: no half-made flow.
    const doCreate = requireProviderMethod(this.provider, 'flows', 'doCreate', 'flows.create');
    const doUpdateJson =
      flowJson && requireProviderMethod(this.provider, 'flows', 'doUpdateJson', 'flows.updateJson');
    const doPublish = publish && requireProviderMethod(this.provider, 'flows', 'doPublish', 'flows.publish');

    const findByName = (name: string) => findFlowByName(this.allFlows(call), name);
    let created: WithMetadata<{ id: string }>;
    try {
      created = await this.runner.run(
        'flows.create',
        { ...request },
        (ctx) => doCreate(request, ctx),
        call,
        reconcileFlowCreate(request, findByName, (id) => this.fetchFlow(id, call)),
      );
    } catch (error) {
      return await confirmFlowNameTaken(error, request.name, findByName, call.signal);
    }

    const id = created.id;
    const steps: ResponseMetadata[] = [created.$metadata];
    let step: FlowCreateStep = 'updateJson';
    try {
      let vendorErrors: readonly FlowValidationError[] = [];
      if (flowJson && doUpdateJson) {
        const upload = await this.sendFlowJson(doUpdateJson, id, flowJson.text, call);
        steps.push(upload.$metadata);
        vendorErrors = upload.validationErrors;
      }
      if (doPublish) {
        step = 'publish';
        if (vendorErrors.length > 0) throw publishRefusedForErrors(this.provider.id, id, vendorErrors);
        const published = await this.stateWrite(
          'flows.publish',
          id,
          call,
          (ctx) => doPublish({ id }, ctx),
          reconcileByStatus(id, () => this.fetchFlow(id, call), PUBLISHED_STATUSES),
        );
        steps.push(published.$metadata);
      }
      step = 'get';
      const flow = await this.fetchFlow(id, call);
      steps.push(flow.$metadata);
      const validationErrors = flowJson
        ? [...(vendorErrors.length > 0 ? vendorErrors : offlineErrors)]
        : flow.validationErrors;
      return attachMetadata({ ...flow, validationErrors }, combinedMetadata(steps));
    } catch (error) {
      throw noteFlowCreated(error, id, request.name, step);
    }
  }

  /**
   * Changes a flow's name, categories or endpoint; only the fields given are sent (at least one).
   * Meta moves a PUBLISHED flow back to DRAFT when it is changed; read the flow afterwards for
   * its status.
   *
   * @throws InvalidRequestError naming the field; UnsupportedOperationError when the vendor
   *   cannot (both before sending); NotFoundError; ConflictError (`state`) when the vendor
   *   refuses because of the flow's status (a DEPRECATED flow is final).
   */
  async update(id: string, changes: FlowChanges, options?: CallOptions): Promise<WithMetadata<FlowWriteAck>> {
    const flowId = requireIdentifier(id, 'id');
    const request = parseFlowChanges(flowId, changes);
    const call = parseCallOptions(options);
    const doUpdate = requireProviderMethod(this.provider, 'flows', 'doUpdate', 'flows.update');
    return await this.stateWrite(
      'flows.update',
      flowId,
      call,
      (ctx) => doUpdate(request, ctx),
      reconcileUpdate(request, () => this.fetchFlow(flowId, call)),
      { ...request },
    );
  }

  /**
   * Uploads a flow's Flow JSON: an object (sent as `JSON.stringify` writes it) or a string (sent
   * byte-for-byte). It is checked offline first: with `validate: 'error'` (the default) a Flow
   * JSON with errors is refused before sending; `'warn'` sends it anyway; `'off'` skips the check.
   *
   * @returns `{ validationErrors }`: the vendor's (Meta's, through NXCloud), which must all be
   *   fixed before the flow can be published; when the vendor reported none (CAMS never does),
   *   those offline validation found with `validate: 'warn'`.
   * @throws InvalidRequestError naming the field or option, InvalidFlowJsonError (every error in
   *   `validationErrors`), UnsupportedOperationError — all before sending; NotFoundError;
   *   ConflictError (`state`) when the vendor refuses because of the flow's status.
   */
  async updateJson(
    id: string,
    flowJson: object | string,
    options?: FlowJsonWriteOptions,
  ): Promise<WithMetadata<FlowJsonUpdate>> {
    const flowId = requireIdentifier(id, 'id');
    const text = requireFlowJson(flowJson);
    const { call, validate } = parseFlowJsonWriteOptions(options);
    const offlineErrors = checkFlowJsonBeforeWrite(flowJson, { validate });
    const doUpdateJson = requireProviderMethod(this.provider, 'flows', 'doUpdateJson', 'flows.updateJson');
    const sent = await this.sendFlowJson(doUpdateJson, flowId, text, call);
    const validationErrors = sent.validationErrors.length > 0 ? [...sent.validationErrors] : offlineErrors;
    return attachMetadata({ validationErrors }, sent.$metadata);
  }

  /**
   * Publishes a DRAFT flow: it can then be sent to users. Irreversible.
   *
   * @throws UnsupportedOperationError when the vendor cannot (before sending); NotFoundError;
   *   ConflictError (`state`) when the flow is not a DRAFT.
   */
  async publish(id: string, options?: CallOptions): Promise<WithMetadata<FlowWriteAck>> {
    const flowId = requireIdentifier(id, 'id');
    const call = parseCallOptions(options);
    const doPublish = requireProviderMethod(this.provider, 'flows', 'doPublish', 'flows.publish');
    return await this.stateWrite(
      'flows.publish',
      flowId,
      call,
      (ctx) => doPublish({ id: flowId }, ctx),
      reconcileByStatus(flowId, () => this.fetchFlow(flowId, call), PUBLISHED_STATUSES),
    );
  }

  /**
   * Deprecates a PUBLISHED flow: it can no longer be sent or opened. Final.
   *
   * @throws UnsupportedOperationError when the vendor cannot (before sending); NotFoundError;
   *   ConflictError (`state`) when the flow is not PUBLISHED.
   */
  async deprecate(id: string, options?: CallOptions): Promise<WithMetadata<FlowWriteAck>> {
    const flowId = requireIdentifier(id, 'id');
    const call = parseCallOptions(options);
    const doDeprecate = requireProviderMethod(this.provider, 'flows', 'doDeprecate', 'flows.deprecate');
    return await this.stateWrite(
      'flows.deprecate',
      flowId,
      call,
      (ctx) => doDeprecate({ id: flowId }, ctx),
      reconcileByStatus(flowId, () => this.fetchFlow(flowId, call), ['DEPRECATED']),
    );
  }

  /**
   * Deletes a DRAFT flow.
   *
   * @throws UnsupportedOperationError when the vendor cannot (before sending); NotFoundError
   *   (unless an earlier attempt of this call, whose answer was lost, deleted it: then the call
   *   succeeds with `$metadata.reconciled: true`); ConflictError (`state`) when the flow is not a
   *   DRAFT.
   */
  async delete(id: string, options?: CallOptions): Promise<WithMetadata<FlowWriteAck>> {
    const flowId = requireIdentifier(id, 'id');
    const call = parseCallOptions(options);
    const doDelete = requireProviderMethod(this.provider, 'flows', 'doDelete', 'flows.delete');
    return await this.stateWrite(
      'flows.delete',
      flowId,
      call,
      (ctx) => doDelete({ id: flowId }, ctx),
      reconcileDelete(flowId, () => this.fetchFlow(flowId, call)),
    );
  }

  /**
   * Reads a flow until its status is one of `until` — by default, until it differs from the status
   * it had when the wait began (a flow changes status only by a write or Meta's own action) — and
   * returns it. Reads pause with capped back-off (2 s doubling to 60 s by default) under the
   * client's rate limits; with `events` (a `createWebhookEventStream()` fed by a webhook receiver)
   * a `flow.status` event about the flow ends a pause at once.
   *
   * @throws InvalidRequestError naming the option at fault, before anything is read: `until` not
   *   a non-empty array of `FLOW_STATUSES`, a `timeoutMs`, `pollIntervalMs` or `maxPollIntervalMs`
   *   that is not a positive whole number of milliseconds, `events` not async iterable, `signal`
   *   not an AbortSignal, an unknown key; StatusWaitTimeoutError with `lastStatus` after
   *   `timeoutMs` (10 minutes by default); NotFoundError when there is no such flow; the signal's
   *   reason when it aborts.
   */
  async waitForStatus(
    id: string,
    options: WaitForStatusOptions<FlowStatus> = {},
  ): Promise<WithMetadata<Flow>> {
    const flowId = requireIdentifier(id, 'id');
    const checked = parseWaitOptions<FlowStatus>(options, FLOW_STATUSES, 'flows.waitForStatus');
    const { signal, until } = checked;
    const call = parseCallOptions({ signal });
    return waitForStatus({
      what: `Flow ${flowId}`,
      provider: this.provider.id,
      clock: this.runner.clock,
      read: () => this.fetchFlow(flowId, call),
      isDone: (flow, first) =>
        until === undefined ? flow.status !== first.status : until.includes(flow.status),
      isAbout: (event) => event.type === 'flow.status' && event.flowId === flowId,
      options: checked,
    });
  }

  private fetchFlow(id: string, call: CallOptions): Promise<WithMetadata<Flow>> {
    // Hooks get their own copy of the request, so one cannot change what the adapter receives.
    const request = { id };
    return this.runner.run('flows.get', { id }, (ctx) => this.provider.flows.doGet(request, ctx), call);
  }

  /** Every flow, in the largest pages the vendor serves, for looking one up by name. */
  private allFlows(call: CallOptions): Paginated<FlowSummary> {
    const { maxPageSize } = this.provider.capabilities.flows.list;
    return this.list({ pageSize: maxPageSize, ...call });
  }

  /** The upload of a Flow JSON, as `updateJson` and `create` send it: the vendor's answer as it is. */
  private sendFlowJson(
    doUpdateJson: NonNullable<ProviderV1['flows']['doUpdateJson']>,
    id: string,
    text: string,
    call: CallOptions,
  ): Promise<WithMetadata<FlowJsonUpdate>> {
    const doGetJson = this.provider.flows.doGetJson;
    const readJson =
      doGetJson &&
      (() =>
        this.runner.run(
          'flows.getJson',
          { id },
          (ctx) => doGetJson.call(this.provider.flows, { id }, ctx),
          call,
        ));
    return this.stateWrite(
      'flows.updateJson',
      id,
      call,
      (ctx) => doUpdateJson({ id, text }, ctx),
      reconcileJsonUpdate(text, readJson, () => this.fetchFlow(id, call)),
      { id },
    );
  }

  /**
   * Runs a write that the flow's status can refuse: retried and reconciled by the runner, and a
   * refusal the adapter could not classify confirmed by a read of the status.
   */
  private async stateWrite<T extends object>(
    operation: FlowStateWrite,
    id: string,
    call: CallOptions,
    send: (context: ProviderCallContext) => Promise<ProviderResult<T>>,
    reconcile: Reconcile<T>,
    hookRequest: Readonly<Record<string, unknown>> = { id },
  ): Promise<WithMetadata<T>> {
    try {
      return await this.runner.run(operation, hookRequest, send, call, reconcile);
    } catch (error) {
      return await confirmFlowStateConflict(
        error,
        operation,
        id,
        () => this.fetchFlow(id, call),
        call.signal,
      );
    }
  }
}

/** Publishing is not attempted while the vendor reports validation errors: Meta would refuse it. */
function publishRefusedForErrors(
  providerId: string,
  id: string,
  validationErrors: readonly FlowValidationError[],
): ConflictError {
  const named = validationErrors.slice(0, ERRORS_IN_MESSAGE).map((error) => {
    const path = error.pointers?.[0]?.path;
    return `${error.error ?? 'ERROR'}${path ? ` at ${path}` : ''}: ${error.message}`;
  });
  const more = validationErrors.length - named.length;
  return new ConflictError(
    `Flow ${id} was not published: ${providerId} reported ${validationErrors.length} validation error${validationErrors.length === 1 ? '' : 's'} in its Flow JSON: ${named.join('; ')}${more > 0 ? `; and ${more} more` : ''}`,
    {
      provider: providerId,
      state: 'DRAFT',
      outcome: 'not-sent',
      details: { flowId: id, validationErrors },
    },
  );
}

/**
 * The `$metadata` of a call made of several requests: the first request's (the write the call is
 * named for), with the retry delays of every step and `reconciled` if any step was reconciled.
 */
function combinedMetadata(steps: readonly ResponseMetadata[]): ResponseMetadata {
  const [first, ...rest] = steps as [ResponseMetadata, ...ResponseMetadata[]];
  const reconciled = steps.some((step) => step.reconciled === true);
  return {
    ...first,
    totalRetryDelayMs: first.totalRetryDelayMs + rest.reduce((sum, step) => sum + step.totalRetryDelayMs, 0),
    ...(reconciled && { reconciled: true }),
  };
}
