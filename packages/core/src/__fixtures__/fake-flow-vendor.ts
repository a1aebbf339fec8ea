// A vendor for core's own tests of flow writes, built to the core contract (no vendor wire
// involved): an in-memory account of flows kept by Meta's state rules (WhatsApp Flows "Lifecycle
// of a Flow"), whose every call is recorded and any of whose calls can be made to fail, before or
// after it is applied (an answer lost on the way back).
import type { ClientSettings } from '../client/client-settings.js';
import { createClient } from '../client/create-client.js';
import type { BspError } from '../errors/bsp-error.js';
import {
  ConflictError,
  InvalidRequestError,
  NotFoundError,
  ProviderUnavailableError,
} from '../errors/error-classes.js';
import type { Flow, FlowCategory, FlowStatus, FlowSummary, FlowValidationError } from '../model/flow.js';
import type { ProviderCallContext, ProviderResult } from '../provider/call-context.js';
import type { FlowsProvider, ProviderV1 } from '../provider/provider-v1.js';
import type {
  CreateFlowRequest,
  GetFlowRequest,
  ListFlowsRequest,
  UpdateFlowJsonRequest,
  UpdateFlowRequest,
} from '../provider/requests.js';
import { FakeClock } from '../testing/fake-clock.js';
import { validateFlowJson } from '../validation/flow-json/validate-flow-json.js';
import { testCapabilities } from './scripted-provider.js';

export const FAKE_PROVIDER_ID = 'fake';

export interface StoredFlow {
  id: string;
  name: string;
  status: FlowStatus;
  categories: FlowCategory[];
  endpointUri?: string;
  jsonText?: string;
  validationErrors: FlowValidationError[];
}

export type FlowMethod = keyof FlowsProvider;

interface Fault {
  readonly error: () => BspError;
  /** Apply the call first, then fail: the vendor did the work but its answer was lost. */
  readonly afterApplying: boolean;
}

/** An answer lost after the request was sent: a reset, or a timeout. */
export const lostAnswer = () =>
  new ProviderUnavailableError('socket hang up', { provider: FAKE_PROVIDER_ID, outcome: 'unknown' });

export class FakeFlowVendor {
  readonly flows = new Map<string, StoredFlow>();
  readonly calls: { method: FlowMethod; request: unknown; attempt: number }[] = [];
  /**
   * Whether refusals by Meta's rules come as ConflictError (an adapter that knows the vendor's
   * codes) or as an InvalidRequestError with outcome `failed` (one that cannot classify them).
   */
  classifiesRefusals = true;
  /** Reports of the Flow JSON uploaded; Meta's checks by default (core's offline rules stand in). */
  validate: (text: string) => FlowValidationError[] = (text) => validateFlowJson(text);
  /** Called before each call is handled, e.g. to change the account between two calls. */
  beforeCall: ((method: FlowMethod) => void) | undefined;
  private readonly faults = new Map<FlowMethod, Fault[]>();
  private nextId = 1000;
  private nextRequest = 1;

  /** Makes the next call of `method` fail with `error()`; queued faults are used in order. */
  fail(method: FlowMethod, error: () => BspError, { afterApplying = false } = {}): this {
    const queue = this.faults.get(method) ?? [];
    queue.push({ error, afterApplying });
    this.faults.set(method, queue);
    return this;
  }

  seed(flow: Partial<StoredFlow> & { name: string }): StoredFlow {
    const stored: StoredFlow = {
      id: String(this.nextId++),
      status: 'DRAFT',
      categories: ['OTHER'],
      validationErrors: [],
      ...flow,
    };
    this.flows.set(stored.id, stored);
    return stored;
  }

  /** The id the next flow made will get. */
  nextFlowId(): string {
    return String(this.nextId);
  }

  /** The methods called, in order. */
  methods(): FlowMethod[] {
    return this.calls.map((call) => call.method);
  }

  callsOf(method: FlowMethod): unknown[] {
    return this.calls.filter((call) => call.method === method).map((call) => call.request);
  }

  /** The provider, without the methods in `omit` (a vendor that cannot do those operations). */
  provider({ omit = [] }: { omit?: readonly FlowMethod[] } = {}): ProviderV1 {
    const all: Required<FlowsProvider> = {
      doGet: (request, context) => this.call('doGet', request, context, () => this.read(request.id)),
      doList: (request, context) => this.call('doList', request, context, () => this.page(request)),
      doGetPreview: (request, context) =>
        this.call('doGetPreview', request, context, () => ({
          provider: FAKE_PROVIDER_ID,
          raw: {},
          flowId: this.stored(request.id).id,
          url: `https://preview.example/${request.id}`,
        })),
      doGetJson: (request, context) => this.call('doGetJson', request, context, () => this.json(request)),
      doCreate: (request, context) => this.call('doCreate', request, context, () => this.create(request)),
      doUpdate: (request, context) => this.call('doUpdate', request, context, () => this.update(request)),
      doUpdateJson: (request, context) =>
        this.call('doUpdateJson', request, context, () => this.updateJson(request)),
      doPublish: (request, context) =>
        this.call('doPublish', request, context, () => this.move(request, 'DRAFT', 'PUBLISHED')),
      doDeprecate: (request, context) =>
        this.call('doDeprecate', request, context, () => this.move(request, 'PUBLISHED', 'DEPRECATED')),
      doDelete: (request, context) => this.call('doDelete', request, context, () => this.remove(request)),
    };
    const flows = Object.fromEntries(
      Object.entries(all).filter(([method]) => !omit.includes(method as FlowMethod)),
    ) as unknown as FlowsProvider;
    return {
      specificationVersion: 'v1',
      id: FAKE_PROVIDER_ID,
      capabilities: testCapabilities,
      flows,
      templates: {
        doList: async () => ({ value: { items: [] } }),
        doGet: async () => {
          throw new NotFoundError('no templates here', { provider: FAKE_PROVIDER_ID });
        },
      },
    };
  }

  private async call<T>(
    method: FlowMethod,
    request: unknown,
    context: ProviderCallContext,
    apply: () => T,
  ): Promise<ProviderResult<T>> {
    this.calls.push({ method, request, attempt: context.attempt });
    this.beforeCall?.(method);
    const fault = this.faults.get(method)?.shift();
    if (fault && !fault.afterApplying) throw fault.error();
    const value = apply();
    if (fault) throw fault.error();
    return { value, requestId: `fake-${this.nextRequest++}`, httpStatusCode: 200 };
  }

  private stored(id: string): StoredFlow {
    const flow = this.flows.get(id);
    if (flow === undefined) {
      throw new NotFoundError(`no flow ${id}`, { provider: FAKE_PROVIDER_ID, vendorCode: 100 });
    }
    return flow;
  }

  private read(id: string): Flow {
    const { jsonText: _jsonText, ...flow } = this.stored(id);
    return {
      provider: FAKE_PROVIDER_ID,
      raw: { ...flow },
      ...flow,
      categories: [...flow.categories],
      validationErrors: [...flow.validationErrors],
    };
  }

  private page(request: ListFlowsRequest) {
    const all = [...this.flows.values()];
    const start = request.cursor === undefined ? 0 : Number(request.cursor);
    const items: FlowSummary[] = all.slice(start, start + request.pageSize).map((flow) => ({
      provider: FAKE_PROVIDER_ID,
      raw: { id: flow.id },
      id: flow.id,
      name: flow.name,
      categories: [...flow.categories],
      status: flow.status,
    }));
    const next = start + request.pageSize;
    return next < all.length ? { items, nextCursor: String(next) } : { items };
  }

  private json(request: GetFlowRequest) {
    const { jsonText } = this.stored(request.id);
    if (jsonText === undefined) {
      throw new NotFoundError(`flow ${request.id} has no Flow JSON`, { provider: FAKE_PROVIDER_ID });
    }
    let json: unknown;
    try {
      json = JSON.parse(jsonText);
    } catch {
      json = undefined;
    }
    return { json, text: jsonText };
  }

  private refusal(message: string, state: FlowStatus): BspError {
    return this.classifiesRefusals
      ? new ConflictError(message, { provider: FAKE_PROVIDER_ID, state, vendorCode: 139001 })
      : new InvalidRequestError(message, {
          provider: FAKE_PROVIDER_ID,
          outcome: 'failed',
          vendorCode: 139001,
        });
  }

  private create(request: CreateFlowRequest) {
    const taken = [...this.flows.values()].find((flow) => flow.name === request.name);
    if (taken) {
      throw this.classifiesRefusals
        ? new ConflictError('Flow name is not unique', { provider: FAKE_PROVIDER_ID, vendorCode: 100 })
        : new InvalidRequestError('Flow name is not unique', {
            provider: FAKE_PROVIDER_ID,
            outcome: 'failed',
            vendorCode: 100,
          });
    }
    const source = request.cloneFlowId === undefined ? undefined : this.stored(request.cloneFlowId);
    const flow = this.seed({
      name: request.name,
      categories: [...request.categories],
      ...(request.endpointUri !== undefined && { endpointUri: request.endpointUri }),
      ...(source?.jsonText !== undefined && { jsonText: source.jsonText }),
      validationErrors: source ? [...source.validationErrors] : [],
    });
    return { id: flow.id };
  }

  private update(request: UpdateFlowRequest) {
    const flow = this.stored(request.id);
    if (flow.status === 'DEPRECATED') throw this.refusal('Flow is deprecated', flow.status);
    if (request.name !== undefined) flow.name = request.name;
    if (request.categories !== undefined) flow.categories = [...request.categories];
    if (request.endpointUri !== undefined) flow.endpointUri = request.endpointUri;
    if (flow.status === 'PUBLISHED') flow.status = 'DRAFT';
    return { id: flow.id };
  }

  private updateJson(request: UpdateFlowJsonRequest) {
    const flow = this.stored(request.id);
    if (flow.status === 'DEPRECATED') throw this.refusal('Flow is deprecated', flow.status);
    flow.jsonText = request.text;
    flow.validationErrors = this.validate(request.text);
    if (flow.status === 'PUBLISHED') flow.status = 'DRAFT';
    return { validationErrors: [...flow.validationErrors] };
  }

  private move(request: GetFlowRequest, from: FlowStatus, to: FlowStatus) {
    const flow = this.stored(request.id);
    if (flow.status !== from) throw this.refusal(`Flow is ${flow.status}, not ${from}`, flow.status);
    if (to === 'PUBLISHED' && (flow.jsonText === undefined || flow.validationErrors.length > 0)) {
      throw new InvalidRequestError('Flow has validation errors', {
        provider: FAKE_PROVIDER_ID,
        outcome: 'failed',
        vendorCode: 139002,
      });
    }
    flow.status = to;
    return { id: flow.id };
  }

  private remove(request: GetFlowRequest) {
    const flow = this.stored(request.id);
    if (flow.status !== 'DRAFT') throw this.refusal(`Flow is ${flow.status}, not DRAFT`, flow.status);
    this.flows.delete(flow.id);
    return { id: flow.id };
  }
}

/** A client over `vendor` with a fake clock (back-off takes no time) and no rate limit. */
export function clientFor(
  vendor: FakeFlowVendor,
  { omit, ...settings }: { omit?: readonly FlowMethod[] } & Omit<ClientSettings, 'clock'> = {},
) {
  const clock = new FakeClock();
  const client = createClient({
    provider: vendor.provider(omit ? { omit } : {}),
    rateLimit: false,
    clock,
    random: () => 0.5,
    ...settings,
  });
  return { client, clock };
}
