import { InvalidRequestError, NotFoundError } from '../errors/error-classes.js';
import type { Flow, FlowPreview, FlowSummary } from '../model/flow.js';
import { attachMetadata, type WithMetadata } from '../model/metadata.js';
import type { Page } from '../model/page.js';
import type { Template, TemplateSummary } from '../model/template.js';
import type {
  GetTemplateRequest,
  ListRequest,
  Operation,
  ProviderCallContext,
  ProviderResult,
  ProviderV1,
} from '../provider.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { type CallOptions, OperationRunner, type RunnerSettings } from './operation-runner.js';
import { type ClientPage, type FetchPage, Paginated, type PaginationOptions } from './paginated.js';
import {
  optionalPositiveInteger,
  optionalSignal,
  rejectUnknownKeys,
  requireIdentifier,
  requireObject,
  type TemplateFilters,
  validateTemplateFilters,
} from './validate-input.js';

export interface TemplateListQuery extends PaginationOptions, TemplateFilters {
  /** Full templates with components; on vendors whose list omits them, each is fetched in turn. */
  withComponents?: boolean;
}

export type TemplateReference = { id: string } | { name: string; language: string };

const CALL_OPTION_KEYS = ['signal', 'timeoutMs'] as const;
const PAGINATION_KEYS = ['pageSize', 'maxItems', 'cursor', ...CALL_OPTION_KEYS] as const;
const TEMPLATE_LIST_KEYS = [
  ...PAGINATION_KEYS,
  'name',
  'language',
  'status',
  'category',
  'withComponents',
] as const;
const NO_CALL_OPTIONS: CallOptions = Object.freeze({});
/** Details fetched at once for `withComponents`; the rate limiter still paces them. */
const DETAIL_CONCURRENCY = 4;

/**
 * The client users hold: one surface for every vendor. List methods check their query when
 * called and throw at once; the other methods return a promise that rejects.
 */
export class WhatsAppClient {
  readonly flows = {
    get: async (id: string, options?: CallOptions): Promise<WithMetadata<Flow>> => {
      const flowId = requireIdentifier(id, 'id');
      // `return await`: an async function that returns a promise settles two microtask turns later.
      return await this.runner.run(
        'flows.get',
        { id: flowId },
        (ctx) => this.provider.doGetFlow({ id: flowId }, ctx),
        this.callOptions(options),
      );
    },
    list: (query?: PaginationOptions): Paginated<FlowSummary> => {
      const options = this.paginationOptions(query, 'flows.list', PAGINATION_KEYS);
      const fetchPage = this.pageFetcher('flows.list', options, {}, (request, ctx) =>
        this.provider.doListFlows(request, ctx),
      );
      return new Paginated(fetchPage, options.limits);
    },
    preview: async (id: string, options?: CallOptions): Promise<WithMetadata<FlowPreview>> => {
      const flowId = requireIdentifier(id, 'id');
      return await this.runner.run(
        'flows.preview',
        { id: flowId },
        (ctx) => this.provider.doGetFlowPreview({ id: flowId }, ctx),
        this.callOptions(options),
      );
    },
  };

  readonly templates = {
    list: ((query?: TemplateListQuery) => this.listTemplates(query)) as {
      (query: TemplateListQuery & { withComponents: true }): Paginated<Template>;
      (query?: TemplateListQuery): Paginated<TemplateSummary>;
    },
    get: (reference: TemplateReference, options?: CallOptions): Promise<WithMetadata<Template>> =>
      this.getTemplate(reference, options),
  };

  private readonly runner: OperationRunner;

  constructor(
    readonly provider: ProviderV1,
    settings: RunnerSettings,
  ) {
    this.runner = new OperationRunner(settings);
  }

  private listTemplates(query: TemplateListQuery | undefined): Paginated<TemplateSummary | Template> {
    const options = this.paginationOptions(query, 'templates.list', TEMPLATE_LIST_KEYS);
    const raw = requireObject(query, 'templates.list');
    const filters = validateTemplateFilters(raw, this.provider.capabilities, this.provider.id);
    if (raw.withComponents !== undefined && typeof raw.withComponents !== 'boolean') {
      throw new InvalidRequestError('`withComponents` must be a boolean', { field: 'withComponents' });
    }
    const fetchPage = this.pageFetcher<TemplateSummary | Template>(
      'templates.list',
      options,
      { ...filters },
      (request, ctx) => this.provider.doListTemplates({ ...request, ...filters }, ctx),
    );
    const needsDetails =
      raw.withComponents === true && !this.provider.capabilities.templates.list.includesComponents;
    if (!needsDetails) return new Paginated(fetchPage, options.limits);
    return new Paginated(
      async (cursor) => this.withDetails(await fetchPage(cursor), options.call),
      options.limits,
    );
  }

  private async getTemplate(
    reference: TemplateReference,
    options?: CallOptions,
  ): Promise<WithMetadata<Template>> {
    const ref = requireObject(reference, 'templates.get');
    const callOptions = this.callOptions(options);
    if ('id' in ref) {
      rejectUnknownKeys(ref, ['id'], 'templates.get');
      const id = requireIdentifier(ref.id, 'id');
      if (this.provider.capabilities.templates.get.byId === 'scan')
        return this.scanForTemplate(id, callOptions);
      return await this.fetchTemplate({ id }, callOptions);
    }
    rejectUnknownKeys(ref, ['name', 'language'], 'templates.get');
    const name = requireIdentifier(ref.name, 'name');
    const language = requireIdentifier(ref.language, 'language');
    return await this.fetchTemplate({ name, language }, callOptions);
  }

  private fetchTemplate(request: GetTemplateRequest, options: CallOptions): Promise<WithMetadata<Template>> {
    // Hooks get their own copy of the request, so one cannot change what the adapter receives.
    return this.runner.run(
      'templates.get',
      { ...request },
      (ctx) => this.provider.doGetTemplate(request, ctx),
      options,
    );
  }

  /** For vendors without a get-by-id call: page through the list, largest pages first. */
  private async scanForTemplate(id: string, options: CallOptions): Promise<WithMetadata<Template>> {
    const pageSize = this.provider.capabilities.templates.list.maxPageSize;
    const list = this.listTemplates({ pageSize, withComponents: true, ...options }) as Paginated<Template>;
    for await (const template of list) {
      if (template.id === id) return template;
    }
    throw new NotFoundError(`No template with id '${id}' on ${this.provider.id}`, {
      provider: this.provider.id,
      field: 'id',
    });
  }

  /** Fetches one page: the user's opaque cursor in, the vendor's cursor to the adapter, and back. */
  private pageFetcher<T extends object>(
    operation: Operation,
    options: ResolvedPagination,
    request: Readonly<Record<string, unknown>>,
    fetch: (request: ListRequest, context: ProviderCallContext) => Promise<ProviderResult<Page<T>>>,
  ): FetchPage<T> {
    const providerId = this.provider.id;
    return async (cursor) => {
      const vendorRequest: ListRequest = {
        pageSize: options.pageSize,
        ...(cursor !== undefined ? { cursor: decodeCursor(providerId, cursor) } : {}),
      };
      const page = await this.runner.run(
        operation,
        { ...request, ...vendorRequest },
        (ctx) => fetch(vendorRequest, ctx),
        options.call,
      );
      return toClientPage(page, providerId);
    };
  }

  private async withDetails(
    page: ClientPage<TemplateSummary | Template>,
    options: CallOptions,
  ): Promise<ClientPage<Template>> {
    const details: WithMetadata<Template>[] = new Array(page.items.length);
    let next = 0;
    const worker = async () => {
      while (next < page.items.length) {
        const index = next++;
        const summary = page.items[index]!;
        details[index] = await this.getTemplate({ name: summary.name, language: summary.language }, options);
      }
    };
    await Promise.all(Array.from({ length: Math.min(DETAIL_CONCURRENCY, page.items.length) }, worker));
    const result: Page<WithMetadata<Template>> = {
      items: details,
      ...(page.nextCursor !== undefined ? { nextCursor: page.nextCursor } : {}),
      ...(page.total !== undefined ? { total: page.total } : {}),
    };
    return attachMetadata(result, page.$metadata);
  }

  private paginationOptions(query: unknown, what: string, known: readonly string[]): ResolvedPagination {
    const raw = requireObject(query, what);
    rejectUnknownKeys(raw, known, what);
    const capabilities =
      what === 'flows.list'
        ? this.provider.capabilities.flows.list
        : this.provider.capabilities.templates.list;
    const pageSize = optionalPositiveInteger(raw.pageSize, 'pageSize', capabilities.maxPageSize);
    const maxItems = optionalPositiveInteger(raw.maxItems, 'maxItems');
    const cursor = raw.cursor === undefined ? undefined : requireIdentifier(raw.cursor, 'cursor');
    if (cursor !== undefined) decodeCursor(this.provider.id, cursor);
    return {
      // Never ask for more than will be taken: with `withComponents` each extra item costs a call.
      pageSize: Math.min(pageSize ?? capabilities.defaultPageSize, maxItems ?? Number.POSITIVE_INFINITY),
      limits: {
        ...(maxItems !== undefined ? { maxItems } : {}),
        ...(cursor !== undefined ? { cursor } : {}),
      },
      call: this.callOptions({
        signal: raw.signal as AbortSignal | undefined,
        timeoutMs: raw.timeoutMs as number,
      }),
    };
  }

  private callOptions(options: CallOptions | undefined): CallOptions {
    if (options === undefined) return NO_CALL_OPTIONS;
    const raw = requireObject(options, 'call options');
    rejectUnknownKeys(
      Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== undefined)),
      CALL_OPTION_KEYS,
      'call options',
    );
    const signal = optionalSignal(raw.signal);
    const timeoutMs = optionalPositiveInteger(raw.timeoutMs, 'timeoutMs');
    return { ...(signal ? { signal } : {}), ...(timeoutMs !== undefined ? { timeoutMs } : {}) };
  }
}

interface ResolvedPagination {
  pageSize: number;
  limits: { maxItems?: number; cursor?: string };
  call: CallOptions;
}

function toClientPage<T extends object>(page: WithMetadata<Page<T>>, providerId: string): ClientPage<T> {
  const items = page.items.map((item) => attachMetadata(item, page.$metadata));
  const clientPage: Page<WithMetadata<T>> = {
    items,
    ...(page.nextCursor !== undefined ? { nextCursor: encodeCursor(providerId, page.nextCursor) } : {}),
    ...(page.total !== undefined ? { total: page.total } : {}),
  };
  return attachMetadata(clientPage, page.$metadata);
}
