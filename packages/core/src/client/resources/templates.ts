import { NotFoundError } from '../../errors/error-classes.js';
import { parseCallOptions } from '../../model/inputs/call-options.js';
import {
  parseListQuery,
  parseTemplateFilters,
  parseWithComponents,
  TEMPLATE_LIST_KEYS,
  type TemplateListQuery,
} from '../../model/inputs/list-query.js';
import { parseTemplateReference, type TemplateReference } from '../../model/inputs/template-reference.js';
import { attachMetadata, type WithMetadata } from '../../model/metadata.js';
import type { Page } from '../../model/page.js';
import type { Template, TemplateStatus, TemplateSummary } from '../../model/template.js';
import type { ProviderV1 } from '../../provider/provider-v1.js';
import type { GetTemplateRequest } from '../../provider/requests.js';
import { pageFetcher } from '../pagination/page-fetcher.js';
import { type ClientPage, Paginated } from '../pagination/paginated.js';
import type { CallOptions, OperationRunner } from '../pipeline/operation-runner.js';
import { type WaitForStatusOptions, waitForStatus } from '../waiting/wait-for-status.js';

/** Details fetched at once for `withComponents`; the rate limiter still paces them. */
const DETAIL_CONCURRENCY = 4;

/** Statuses a template leaves by itself: Meta is still reviewing it. */
const UNDER_REVIEW: readonly TemplateStatus[] = ['PENDING', 'IN_APPEAL'];

/** `client.templates`: message templates. */
export class TemplatesResource {
  /**
   * Every template of the account, paged lazily (see `Paginated`), filtered by what the vendor
   * can filter on (`capabilities.templates.list.filters`). With `withComponents: true` the items
   * are full Templates on every vendor: where the vendor's list omits components, each template
   * is fetched in turn, under the rate limit.
   *
   * @throws InvalidRequestError at once for a bad query; UnsupportedOperationError for a filter
   *   the vendor lacks (both before any request).
   */
  readonly list = ((query?: TemplateListQuery) => this.listTemplates(query)) as {
    (query: TemplateListQuery & { withComponents: true }): Paginated<Template>;
    (query?: TemplateListQuery): Paginated<TemplateSummary>;
  };

  /** @internal Made by the client. */
  constructor(
    private readonly provider: ProviderV1,
    private readonly runner: OperationRunner,
  ) {}

  /**
   * One template with its components, by the vendor's id or by name and language. Where the
   * vendor cannot get by id (`capabilities.templates.get.byId` is `scan`), the list is paged
   * through to find it.
   *
   * @throws NotFoundError when there is no such template; InvalidRequestError for a bad reference.
   */
  async get(reference: TemplateReference, options?: CallOptions): Promise<WithMetadata<Template>> {
    const request = parseTemplateReference(reference, 'templates.get');
    const call = parseCallOptions(options);
    if ('id' in request && this.provider.capabilities.templates.get.byId === 'scan') {
      return this.scanForTemplate(request.id, call);
    }
    return await this.fetchTemplate(request, call);
  }

  /**
   * Reads a template until it reaches a status in `until` — by default any status but `PENDING`
   * and `IN_APPEAL`, i.e. until Meta's review is over — and returns it. Reads pause with capped
   * back-off (2 s doubling to 60 s by default) under the client's rate limits; with `events` (a
   * `createWebhookEventStream()` fed by a webhook receiver) a status event about the template
   * ends a pause at once.
   *
   * @throws StatusWaitTimeoutError with `lastStatus` after `timeoutMs` (10 minutes by default);
   *   NotFoundError when there is no such template; the signal's reason when it aborts.
   */
  async waitForStatus(
    reference: TemplateReference,
    options: WaitForStatusOptions<TemplateStatus> = {},
  ): Promise<WithMetadata<Template>> {
    const request = parseTemplateReference(reference, 'templates.waitForStatus');
    const { signal, until } = options;
    const call = parseCallOptions({ signal });
    return waitForStatus({
      what: `Template ${'id' in request ? request.id : `${request.name} (${request.language})`}`,
      provider: this.provider.id,
      clock: this.runner.clock,
      read: () => this.get(request, call),
      isDone: (template) =>
        until === undefined ? !UNDER_REVIEW.includes(template.status) : until.includes(template.status),
      isAbout: (event, last) =>
        event.type === 'template.status' &&
        (event.templateRef.id === last.id ||
          (event.templateRef.name === last.name && event.templateRef.language === last.language)),
      options,
    });
  }

  private listTemplates(query: TemplateListQuery | undefined): Paginated<TemplateSummary | Template> {
    const { capabilities, id: providerId } = this.provider;
    const parsed = parseListQuery(
      query,
      'templates.list',
      TEMPLATE_LIST_KEYS,
      capabilities.templates.list,
      providerId,
    );
    const raw = query as Record<string, unknown> | undefined;
    const filters = raw === undefined ? {} : parseTemplateFilters(raw, capabilities, providerId);
    const withComponents = raw !== undefined && parseWithComponents(raw);
    const fetchPage = pageFetcher<TemplateSummary | Template>(
      this.runner,
      providerId,
      'templates.list',
      parsed,
      { ...filters },
      (request, ctx) => this.provider.templates.doList({ ...request, ...filters }, ctx),
    );
    if (!withComponents || capabilities.templates.list.includesComponents) {
      return new Paginated(fetchPage, parsed.limits);
    }
    return new Paginated(
      async (cursor) => this.withDetails(await fetchPage(cursor), parsed.call),
      parsed.limits,
    );
  }

  private fetchTemplate(request: GetTemplateRequest, options: CallOptions): Promise<WithMetadata<Template>> {
    // Hooks get their own copy of the request, so one cannot change what the adapter receives.
    return this.runner.run(
      'templates.get',
      { ...request },
      (ctx) => this.provider.templates.doGet(request, ctx),
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

  /** Fetches each listed template in full, by the vendor's id where it can get by id. */
  private async withDetails(
    page: ClientPage<TemplateSummary | Template>,
    options: CallOptions,
  ): Promise<ClientPage<Template>> {
    const byId = this.provider.capabilities.templates.get.byId === 'native';
    const details: WithMetadata<Template>[] = new Array(page.items.length);
    let next = 0;
    const worker = async () => {
      while (next < page.items.length) {
        const index = next++;
        const summary = page.items[index]!;
        const request = byId ? { id: summary.id } : { name: summary.name, language: summary.language };
        details[index] = await this.fetchTemplate(request, options);
      }
    };
    await Promise.all(Array.from({ length: Math.min(DETAIL_CONCURRENCY, page.items.length) }, worker));
    const result: Page<WithMetadata<Template>> = {
      items: details,
      ...(page.nextCursor !== undefined && { nextCursor: page.nextCursor }),
      ...(page.total !== undefined && { total: page.total }),
    };
    return attachMetadata(result, page.$metadata);
  }
}
