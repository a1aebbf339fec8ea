// A vendor held in memory, built to the core contract (no vendor wire involved), for the client's
// template write tests and for running the template write contract in core: templates are stored
// by name and language, listed in pages, and changed by the writes; faults are scheduled per
// operation, before or after the write is applied.
import type { BspError } from '../errors/bsp-error.js';
import { InvalidRequestError, NotFoundError } from '../errors/error-classes.js';
import type { TemplateDraft } from '../model/inputs/template-draft.js';
import type { Page } from '../model/page.js';
import type { Template, TemplateStatus, TemplateSummary } from '../model/template.js';
import type { TemplateComponent } from '../model/template-component.js';
import type { CreatedTemplate, TemplateMedia } from '../model/template-writes.js';
import type { ProviderCallContext, ProviderResult } from '../provider/call-context.js';
import type { ProviderCapabilities, TemplateFilter } from '../provider/capabilities.js';
import type { ProviderV1 } from '../provider/provider-v1.js';
import type {
  CreateTemplateRequest,
  DeleteTemplateRequest,
  GetTemplateRequest,
  ListTemplatesRequest,
  UpdateTemplateRequest,
  UploadTemplateMediaRequest,
} from '../provider/requests.js';
import { testCapabilities } from './scripted-provider.js';

export type FakeOperation = 'list' | 'get' | 'create' | 'update' | 'delete' | 'uploadMedia';

/** What the next call of an operation does instead of answering: throw, with the write applied or not. */
export interface Fault {
  readonly error: BspError;
  /** The write takes effect and only its answer is lost. */
  readonly applied?: boolean;
}

export interface FakeVendorOptions {
  readonly id?: string;
  readonly deleteScopes?: readonly ('name' | 'language')[];
  readonly filters?: readonly TemplateFilter[];
  /** The vendor's largest page; small, so that a listing takes several pages. */
  readonly maxPageSize?: number;
  /**
   * Statuses the vendor refuses to edit a template in, as CAMS does approved ones: with a failure
   * the adapter cannot classify, declared in `capabilities.templates.update.refusedStatuses`.
   */
  readonly refusesUpdateIn?: readonly TemplateStatus[];
}

export class FakeTemplateVendor implements ProviderV1 {
  readonly specificationVersion = 'v1' as const;
  readonly id: string;
  readonly capabilities: ProviderCapabilities;
  /** Calls made, per operation, faults included. */
  readonly received: Record<FakeOperation, number> = {
    list: 0,
    get: 0,
    create: 0,
    update: 0,
    delete: 0,
    uploadMedia: 0,
  };
  /** Every write request, in order, as the adapter received it. */
  readonly writes: { operation: FakeOperation; request: unknown }[] = [];
  private readonly store = new Map<string, Template>();
  private readonly faults = new Map<FakeOperation, Fault[]>();
  private readonly refusesUpdateIn: readonly TemplateStatus[];
  private lastId = 100;

  constructor(options: FakeVendorOptions = {}) {
    this.id = options.id ?? 'fake';
    const list = {
      ...testCapabilities.templates.list,
      filters: options.filters ?? ['name', 'language'],
      maxPageSize: options.maxPageSize ?? 2,
      defaultPageSize: Math.min(2, options.maxPageSize ?? 2),
    };
    this.capabilities = {
      ...testCapabilities,
      templates: {
        ...testCapabilities.templates,
        list,
        delete: { scopes: options.deleteScopes ?? ['language'] },
        ...(options.refusesUpdateIn && { update: { refusedStatuses: options.refusesUpdateIn } }),
      },
    };
    this.refusesUpdateIn = options.refusesUpdateIn ?? [];
  }

  /** Puts a template in the store, as if created earlier and reviewed. */
  seed(draft: TemplateDraft, status: TemplateStatus = 'APPROVED'): Template {
    const template = this.templateFrom(draft, this.newId(), status);
    this.store.set(key(draft.name, draft.language), template);
    return template;
  }

  /** The next call of `operation` fails with `fault` (several calls: several faults, in order). */
  fail(operation: FakeOperation, fault: Fault): this {
    this.faults.set(operation, [...(this.faults.get(operation) ?? []), fault]);
    return this;
  }

  has(name: string, language: string): boolean {
    return this.store.has(key(name, language));
  }

  readonly flows = {
    doGet: async (): Promise<never> => {
      throw new NotFoundError('the fake vendor has no flows', { provider: this.id });
    },
    doList: async () => ({ value: { items: [] } }),
    doGetPreview: async (): Promise<never> => {
      throw new NotFoundError('the fake vendor has no flows', { provider: this.id });
    },
  };

  readonly templates = {
    doList: (request: ListTemplatesRequest, _context: ProviderCallContext) =>
      this.answer('list', () => {
        const all = [...this.store.values()]
          .filter((t) => request.name === undefined || t.name.includes(request.name))
          .filter((t) => request.language === undefined || t.language === request.language)
          .sort((a, b) => Number(a.id) - Number(b.id));
        const start = request.cursor === undefined ? 0 : Number(request.cursor);
        const items = all.slice(start, start + request.pageSize).map(summaryOf);
        const next = start + request.pageSize;
        const page: Page<TemplateSummary> = {
          items,
          total: all.length,
          ...(next < all.length && { nextCursor: String(next) }),
        };
        return page;
      }),
    doGet: (request: GetTemplateRequest, _context: ProviderCallContext) =>
      this.answer('get', () => structuredClone(this.find(request))),
    doCreate: (request: CreateTemplateRequest, _context: ProviderCallContext) => {
      this.writes.push({ operation: 'create', request });
      return this.answer('create', () => {
        const { draft } = request;
        if (this.has(draft.name, draft.language)) {
          // As NXCloud relays Meta's duplicate: a refusal the adapter cannot tell from any other.
          throw new InvalidRequestError('fake: the request was refused', {
            provider: this.id,
            vendorCode: 'Refused',
            outcome: 'failed',
          });
        }
        const template = this.templateFrom(draft, this.newId(), 'PENDING');
        this.store.set(key(draft.name, draft.language), template);
        return created(template);
      });
    },
    doUpdate: (request: UpdateTemplateRequest, _context: ProviderCallContext) => {
      this.writes.push({ operation: 'update', request });
      return this.answer('update', () => {
        const current = this.find({ id: request.id });
        if (this.refusesUpdateIn.includes(current.status)) {
          // As CAMS refuses an approved template's edit: with a code it documents nowhere.
          throw new InvalidRequestError('fake: the template cannot be modified', {
            provider: this.id,
            vendorCode: 'ModifyRefused',
            requestId: `update-${this.received.update}`,
            outcome: 'failed',
          });
        }
        const template: Template = {
          ...current,
          category: request.category,
          components: structuredClone(request.components) as TemplateComponent[],
          status: 'PENDING',
        };
        this.store.set(key(template.name, template.language), template);
        return created(template);
      });
    },
    doDelete: (request: DeleteTemplateRequest, _context: ProviderCallContext) => {
      this.writes.push({ operation: 'delete', request });
      return this.answer('delete', () => {
        const doomed = [...this.store.entries()].filter(([, t]) =>
          request.scope === 'name' ? t.name === request.name : t.id === request.id,
        );
        if (doomed.length === 0) {
          throw new NotFoundError('fake: no such template', { provider: this.id });
        }
        for (const [at] of doomed) this.store.delete(at);
        return {};
      });
    },
    doUploadMedia: (request: UploadTemplateMediaRequest, _context: ProviderCallContext) => {
      this.writes.push({ operation: 'uploadMedia', request });
      return this.answer('uploadMedia', (): TemplateMedia => ({ handle: `h-${request.data.byteLength}` }));
    },
  };

  private async answer<T>(operation: FakeOperation, apply: () => T): Promise<ProviderResult<T>> {
    this.received[operation] += 1;
    const fault = this.faults.get(operation)?.shift();
    if (fault !== undefined) {
      if (fault.applied) apply();
      throw fault.error;
    }
    return { value: apply(), requestId: `${operation}-${this.received[operation]}` };
  }

  /** Ids count up from 101, so tests know them. */
  private newId(): string {
    this.lastId += 1;
    return String(this.lastId);
  }

  private find(request: GetTemplateRequest): Template {
    const found =
      'id' in request
        ? [...this.store.values()].find((t) => t.id === request.id)
        : this.store.get(key(request.name, request.language));
    if (found === undefined) throw new NotFoundError('fake: no such template', { provider: this.id });
    return found;
  }

  private templateFrom(draft: TemplateDraft, id: string, status: TemplateStatus): Template {
    return {
      provider: this.id,
      raw: { id },
      id,
      name: draft.name,
      language: draft.language,
      category: draft.category,
      status,
      // Draft components read back as the vendor stores them: close enough to the read model here.
      components: structuredClone(draft.components) as TemplateComponent[],
    };
  }
}

function key(name: string, language: string): string {
  return `${name}\u0000${language}`;
}

function summaryOf({ components: _components, ...summary }: Template): TemplateSummary {
  return summary;
}

function created({ id, name, language, category, status }: Template): CreatedTemplate {
  return { id, name, language, category, status };
}
