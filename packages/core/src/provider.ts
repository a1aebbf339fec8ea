import type { Flow, FlowPreview, FlowSummary } from './model/flow.js';
import type { Page } from './model/page.js';
import type { Template, TemplateCategory, TemplateStatus, TemplateSummary } from './model/template.js';

/** The read operations every provider implements; also the keys of rate budgets and hooks. */
export const OPERATIONS = [
  'flows.get',
  'flows.list',
  'flows.preview',
  'templates.list',
  'templates.get',
] as const;
export type Operation = (typeof OPERATIONS)[number];

export type TemplateFilter = 'name' | 'language' | 'status' | 'category';

/** What a vendor can do, and how. Data, not prose: the client and the README read it. */
export interface ProviderCapabilities {
  readonly flows: {
    readonly list: {
      /** Whether list items carry `status` (CAMS ListFlow does not). */
      readonly includesStatus: boolean;
      readonly maxPageSize: number;
      readonly defaultPageSize: number;
      readonly reportsTotal: boolean;
    };
  };
  readonly templates: {
    readonly list: {
      readonly filters: readonly TemplateFilter[];
      /** Whether list items carry components; if not, `withComponents` fetches each template. */
      readonly includesComponents: boolean;
      readonly maxPageSize: number;
      readonly defaultPageSize: number;
      readonly reportsTotal: boolean;
    };
    readonly get: {
      /** `native`: one vendor call; `scan`: the client pages through the list to find the id. */
      readonly byId: 'native' | 'scan';
      readonly byNameAndLanguage: 'native';
    };
  };
  /** The vendor's documented budget per operation, in requests per second; absent: none known. */
  readonly rateLimits: Readonly<Partial<Record<Operation, number>>>;
}

/** What the client hands an adapter for one attempt. */
export interface ProviderCallContext {
  /**
   * Aborts on the caller's signal or when this attempt's timeout expires. Made on first read:
   * Node.js takes several microseconds to create an AbortSignal, so on a hot path prefer
   * `onAbort`, which tells of the same abort without one.
   */
  readonly signal: AbortSignal;
  /** 1 for the first attempt. */
  readonly attempt: number;
  /** This attempt's time budget; adapters pass it to their transport. */
  readonly timeoutMs: number;
  /**
   * Calls `listener` once with the reason when this attempt is aborted, as `signal` would, at
   * once if it already is. Returns the function that removes the listener. The core client races
   * every attempt against its timeout and the caller's signal anyway: an adapter listens only to
   * stop work in flight.
   */
  onAbort(listener: (reason: unknown) => void): () => void;
}

/** One vendor response: the mapped value and what the vendor said about the call. */
export interface ProviderResult<T> {
  readonly value: T;
  readonly requestId?: string;
  readonly httpStatusCode?: number;
}

export interface GetFlowRequest {
  readonly id: string;
}

export interface ListRequest {
  /** Already validated against the capabilities' `maxPageSize`. */
  readonly pageSize: number;
  /** The vendor's own cursor, already checked to belong to this provider. */
  readonly cursor?: string;
}

export type ListFlowsRequest = ListRequest;

export interface ListTemplatesRequest extends ListRequest {
  readonly name?: string;
  readonly language?: string;
  readonly status?: Exclude<TemplateStatus, 'UNKNOWN'>;
  readonly category?: Exclude<TemplateCategory, 'UNKNOWN'>;
}

export type GetTemplateRequest =
  | { readonly id: string }
  | { readonly name: string; readonly language: string };

/**
 * The contract between the client and a vendor adapter. Each `do*` method makes exactly one
 * vendor request: no retry, no sleep, no pagination loop. Those live once, in the client.
 */
export interface ProviderV1 {
  readonly specificationVersion: 'v1';
  readonly id: string;
  readonly capabilities: ProviderCapabilities;
  doGetFlow(request: GetFlowRequest, context: ProviderCallContext): Promise<ProviderResult<Flow>>;
  doListFlows(
    request: ListFlowsRequest,
    context: ProviderCallContext,
  ): Promise<ProviderResult<Page<FlowSummary>>>;
  doGetFlowPreview(
    request: GetFlowRequest,
    context: ProviderCallContext,
  ): Promise<ProviderResult<FlowPreview>>;
  doListTemplates(
    request: ListTemplatesRequest,
    context: ProviderCallContext,
  ): Promise<ProviderResult<Page<TemplateSummary | Template>>>;
  /** Only called with `{ id }` when `capabilities.templates.get.byId` is `native`. */
  doGetTemplate(request: GetTemplateRequest, context: ProviderCallContext): Promise<ProviderResult<Template>>;
}
