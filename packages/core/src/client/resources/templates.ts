import { NotFoundError } from '../../errors/error-classes.js';
import { parseCallOptions } from '../../model/inputs/call-options.js';
import {
  parseListQuery,
  parseTemplateFilters,
  parseWithComponents,
  TEMPLATE_LIST_KEYS,
  type TemplateListQuery,
} from '../../model/inputs/list-query.js';
import type { TemplateChanges } from '../../model/inputs/template-changes.js';
import type { TemplateDeleteReference } from '../../model/inputs/template-delete-reference.js';
import type { TemplateDraft } from '../../model/inputs/template-draft.js';
import type { TemplateMediaInput } from '../../model/inputs/template-media.js';
import { parseTemplateReference, type TemplateReference } from '../../model/inputs/template-reference.js';
import { parseWaitOptions } from '../../model/inputs/wait-options.js';
import { attachMetadata, type WithMetadata } from '../../model/metadata.js';
import type { Page } from '../../model/page.js';
import {
  TEMPLATE_STATUSES,
  type Template,
  type TemplateStatus,
  type TemplateSummary,
} from '../../model/template.js';
import type { TemplateDeletion, TemplateMedia, TemplateWriteResult } from '../../model/template-writes.js';
import type { ProviderV1 } from '../../provider/provider-v1.js';
import type { GetTemplateRequest } from '../../provider/requests.js';
import { pageFetcher } from '../pagination/page-fetcher.js';
import { type ClientPage, Paginated } from '../pagination/paginated.js';
import type { CallOptions, OperationRunner } from '../pipeline/operation-runner.js';
import { type WaitForStatusOptions, waitForStatus } from '../waiting/wait-for-status.js';
import { createTemplate } from '../writes/create-template.js';
import { deleteTemplate } from '../writes/delete-template.js';
import type { TemplateWriteContext } from '../writes/template-write-context.js';
import { updateTemplate } from '../writes/update-template.js';
import { uploadTemplateMedia } from '../writes/upload-template-media.js';

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

  /** What the writes use: the provider, the runner, and this resource's own reads. */
  private readonly writes: TemplateWriteContext;

  /** @internal Made by the client. */
  constructor(
    private readonly provider: ProviderV1,
    private readonly runner: OperationRunner,
  ) {
    this.writes = {
      provider,
      runner,
      get: (request, call) => this.get(request, call),
      list: (query) => this.listTemplates(query),
    };
  }

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
   * @throws InvalidRequestError naming the option at fault, before anything is read: `until` not
   *   a non-empty array of `TEMPLATE_STATUSES`, a `timeoutMs`, `pollIntervalMs` or
   *   `maxPollIntervalMs` that is not a positive whole number of milliseconds, `events` not async
   *   iterable, `signal` not an AbortSignal, an unknown key; StatusWaitTimeoutError with
   *   `lastStatus` after `timeoutMs` (10 minutes by default); NotFoundError when there is no such
   *   template; the signal's reason when it aborts.
   */
  async waitForStatus(
    reference: TemplateReference,
    options: WaitForStatusOptions<TemplateStatus> = {},
  ): Promise<WithMetadata<Template>> {
    const request = parseTemplateReference(reference, 'templates.waitForStatus');
    const checked = parseWaitOptions<TemplateStatus>(options, TEMPLATE_STATUSES, 'templates.waitForStatus');
    const { signal, until } = checked;
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
      options: checked,
    });
  }

  /**
   * Creates a template. The draft is checked before anything is sent: its shape (a field the draft
   * does not have, at any depth, is refused), then WhatsApp's rules and the vendor's own
   * (`validateTemplateDraft` with this provider). Errors stop the call; warnings ride on the result.
   * A create is sent once: after an unknown outcome (a timeout, a reset) the client reads the
   * template by name and language, and a template found as asked is the result, with
   * `$metadata.reconciled: true`; absent, the create is sent again.
   *
   * @param draft The template, e.g. `toTemplateDraft(templateFromAnotherVendor)`.
   * @returns `{ id, name, language, category, status, warnings }`; `status` is the vendor's first
   *   report, usually `PENDING` while Meta reviews it (see `waitForStatus`).
   * @throws TemplateValidationError (`issues`) or InvalidRequestError (`field`) for a bad draft,
   *   UnsupportedOperationError when the vendor cannot create templates — all before any request;
   *   ConflictError (`state`: the existing template's status) when the name and language are taken,
   *   or found with other content after a lost answer; otherwise the vendor's error, whose `outcome`
   *   says whether the create may have been applied.
   */
  async create(draft: TemplateDraft, options?: CallOptions): Promise<WithMetadata<TemplateWriteResult>> {
    return await createTemplate(this.writes, draft, options);
  }

  /**
   * Replaces a template's components (and its category or time to live, when given). The template
   * is read first — the vendors edit by their own id (NXCloud) or by code, name and language
   * (CAMS) — and the draft the changes make of it (its name and language, `category` or its current
   * one) is checked offline before the edit is sent. Retried like a read; after an unknown outcome,
   * a read that finds the template as asked is success (`$metadata.reconciled: true`).
   *
   * @param changes `{ components, category?, messageSendTtlSeconds? }` (seconds; `-1`: 30 days).
   * @throws InvalidRequestError or TemplateValidationError for bad changes (a shape error before any
   *   request, a rule error after the read and before the edit); UnsupportedOperationError when the
   *   vendor cannot edit templates; NotFoundError when there is no such template; ConflictError
   *   (`state`: the status read, `cause`: the vendor's refusal) when the vendor refuses to edit the
   *   template in its status (CAMS edits only templates under review or rejected;
   *   `capabilities.templates.update.refusedStatuses`).
   */
  async update(
    reference: TemplateReference,
    changes: TemplateChanges,
    options?: CallOptions,
  ): Promise<WithMetadata<TemplateWriteResult>> {
    return await updateTemplate(this.writes, reference, changes, options);
  }

  /**
   * Deletes templates, in the scopes the vendor has (`capabilities.templates.delete.scopes`):
   * `{ name }` deletes every language of a name — in one call where the vendor deletes by name
   * (NXCloud), or by listing the name's templates and deleting each where it deletes one template
   * at a time (CAMS); `{ name, language }` and `{ id }` delete one template, read first for its id
   * or its name and language. Retried like a read; after an unknown outcome, a "not found" or a
   * read that no longer finds the template is success (`$metadata.reconciled: true`). When several
   * templates are deleted, `$metadata` adds up their attempts and carries the last request id.
   *
   * @returns `{ deleted: [{ name, language?, id? }] }`, `language` absent when the vendor deleted
   *   every language of the name in one call.
   * @throws UnsupportedOperationError before any request when the vendor cannot delete in that
   *   scope (NXCloud deletes whole names only: use `{ name }`); NotFoundError when nothing matches,
   *   on every vendor (a refusal the adapter cannot classify is confirmed by looking the name up;
   *   the refusal is then the `cause`).
   */
  async delete(
    reference: TemplateDeleteReference,
    options?: CallOptions,
  ): Promise<WithMetadata<TemplateDeletion>> {
    return await deleteTemplate(this.writes, reference, options);
  }

  /**
   * Uploads a header sample (an image, a video or a document) and returns what a draft takes back:
   * `{ handle }` for `example.headerHandle` (NXCloud's uploadTemplateFile) or `{ url }` for
   * `example.headerUrl` (CAMS: the file hosted where CAMS fetches it).
   *
   * @param media `{ data, mimeType, fileName? }`: `image/jpeg` or `image/png` up to 5 MB, `video/mp4`
   *   up to 16 MB, `application/pdf` up to 100 MB (MB of 1,048,576 bytes; WhatsApp's header media
   *   limits); `fileName` defaults to `header-sample.<extension>`.
   * @throws InvalidRequestError (`field`: `data`, `mimeType`, `fileName`) or
   *   UnsupportedOperationError, before any request.
   */
  async uploadMedia(media: TemplateMediaInput, options?: CallOptions): Promise<WithMetadata<TemplateMedia>> {
    return await uploadTemplateMedia(this.writes, media, options);
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
