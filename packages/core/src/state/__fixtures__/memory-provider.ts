// An in-memory vendor for the state tests, built to the provider specification (no wire): it
// keeps templates and flows, enforces Meta's flow lifecycle and unique names, and can be told to
// fail a given operation. Every write is counted, so a test can tell what was sent.
import { ConflictError, NotFoundError } from '../../errors/error-classes.js';
import type { Flow, FlowStatus, FlowSummary } from '../../model/flow.js';
import type { TemplateDraft } from '../../model/inputs/template-draft.js';
import type { Template, TemplateStatus } from '../../model/template.js';
import type { ProviderCallContext, ProviderResult } from '../../provider/call-context.js';
import type { ProviderCapabilities } from '../../provider/capabilities.js';
import type { ProviderV1 } from '../../provider/provider-v1.js';
import { capabilities } from './state-examples.js';

interface StoredFlow {
  flow: Flow;
  json?: string;
}

const ok = <T>(value: T): Promise<ProviderResult<T>> => Promise.resolve({ value });

export class MemoryProvider implements ProviderV1 {
  readonly specificationVersion = 'v1' as const;
  readonly capabilities: ProviderCapabilities;
  /** Writes received, by operation, e.g. `templates.create`. */
  readonly writes = new Map<string, number>();
  /** Writes received, in order, as `<operation> <name or id>`, e.g. `templates.create order_update`. */
  readonly log: string[] = [];
  /** The status a new template starts in. */
  createdTemplateStatus: TemplateStatus = 'PENDING';
  /**
   * Whether an edit sends a published flow back to DRAFT, as Meta's current Flows API documents;
   * `false` keeps it published, as some vendors may.
   */
  editUnpublishes = true;
  /** When set, reading a PENDING template by itself ends its review in this status (a quick review). */
  reviewOnRead: TemplateStatus | undefined;
  private readonly templateStore = new Map<string, Template>();
  private readonly flowStore = new Map<string, StoredFlow>();
  private readonly faults = new Map<string, (() => Error)[]>();
  private readonly lostAnswers = new Map<string, () => Error>();
  private nextId = 1000;

  constructor(
    readonly id = 'memory',
    options: { deleteScopes?: readonly ('name' | 'language')[] } = {},
  ) {
    this.capabilities = capabilities(options.deleteScopes);
  }

  /**
   * The next call of `operation` (`templates.create` or `flows.create`) is carried out, and its
   * answer lost: it throws what `error` makes, as a timeout after sending would.
   */
  loseAnswer(operation: string, error: () => Error): void {
    this.lostAnswers.set(operation, error);
  }

  /** The next `times` calls of `operation` (e.g. `flows.publish`) throw what `error` makes. */
  fail(operation: string, error: () => Error, times = 1): void {
    const queue = this.faults.get(operation) ?? [];
    for (let i = 0; i < times; i++) queue.push(error);
    this.faults.set(operation, queue);
  }

  addTemplate(draft: TemplateDraft, status: TemplateStatus = 'APPROVED'): Template {
    const template = toTemplate(draft, String(this.nextId++), status, this.id);
    this.templateStore.set(key(template), template);
    return template;
  }

  addFlow(input: {
    name: string;
    status?: FlowStatus;
    categories?: Flow['categories'];
    json?: unknown;
    endpointUri?: string;
  }): Flow {
    const flow: Flow = {
      provider: this.id,
      raw: {},
      id: String(this.nextId++),
      name: input.name,
      status: input.status ?? 'DRAFT',
      categories: input.categories ?? ['OTHER'],
      validationErrors: [],
      ...(input.endpointUri !== undefined && { endpointUri: input.endpointUri }),
    };
    this.flowStore.set(flow.id, {
      flow,
      ...(input.json !== undefined && {
        json: typeof input.json === 'string' ? input.json : JSON.stringify(input.json),
      }),
    });
    return flow;
  }

  get templateList(): Template[] {
    return [...this.templateStore.values()];
  }

  get flowList(): { flow: Flow; json?: string }[] {
    return [...this.flowStore.values()];
  }

  readonly templates: ProviderV1['templates'] = {
    doList: async (request, context) => {
      await this.enter('templates.list', context);
      const items = this.templateList.filter(
        (template) =>
          (request.name === undefined || template.name === request.name) &&
          (request.language === undefined || template.language === request.language),
      );
      return ok({ items: items.map((template) => structuredClone(template)) });
    },
    doGet: async (request, context) => {
      await this.enter('templates.get', context);
      const found =
        'id' in request
          ? this.templateList.find((template) => template.id === request.id)
          : this.templateStore.get(key(request));
      if (found === undefined) throw new NotFoundError('no such template', { provider: this.id });
      if (this.reviewOnRead !== undefined && found.status === 'PENDING') found.status = this.reviewOnRead;
      return ok(structuredClone(found));
    },
    doCreate: async ({ draft }, context) => {
      await this.enter('templates.create', context, draft.name);
      if (this.templateStore.has(key(draft))) {
        throw new ConflictError('name taken', { provider: this.id, state: 'APPROVED' });
      }
      const { id, name, language, category, status } = this.addTemplate(draft, this.createdTemplateStatus);
      this.answer('templates.create');
      return ok({ id, name, language, category, status });
    },
    doUpdate: async (request, context) => {
      await this.enter('templates.update', context, request.name);
      const existing = this.templateStore.get(key(request));
      if (existing === undefined) throw new NotFoundError('no such template', { provider: this.id });
      const draft: TemplateDraft = {
        name: request.name,
        language: request.language,
        category: request.category,
        components: request.components,
        ...(request.messageSendTtlSeconds !== undefined && {
          messageSendTtlSeconds: request.messageSendTtlSeconds,
        }),
      };
      const updated = toTemplate(draft, existing.id, this.createdTemplateStatus, this.id);
      this.templateStore.set(key(updated), updated);
      const { id, name, language, category, status } = updated;
      return ok({ id, name, language, category, status });
    },
    doDelete: async (request, context) => {
      await this.enter('templates.delete', context, request.name);
      const doomed = this.templateList.filter(
        (template) =>
          template.name === request.name &&
          (request.scope === 'name' || template.language === request.language),
      );
      if (doomed.length === 0) throw new NotFoundError('no such template', { provider: this.id });
      for (const template of doomed) this.templateStore.delete(key(template));
      return ok({});
    },
  };

  readonly flows: ProviderV1['flows'] = {
    doList: async (_request, context) => {
      await this.enter('flows.list', context);
      const items: FlowSummary[] = this.flowList.map(({ flow }) => ({
        provider: this.id,
        raw: {},
        id: flow.id,
        name: flow.name,
        categories: [...flow.categories],
        status: flow.status,
      }));
      return ok({ items });
    },
    doGet: async ({ id }, context) => {
      await this.enter('flows.get', context);
      return ok(structuredClone(this.stored(id).flow));
    },
    doGetPreview: async ({ id }, context) => {
      await this.enter('flows.preview', context);
      return ok({
        provider: this.id,
        raw: {},
        flowId: this.stored(id).flow.id,
        url: `https://preview.example/${id}`,
      });
    },
    doGetJson: async ({ id }, context) => {
      await this.enter('flows.getJson', context);
      const { json } = this.stored(id);
      if (json === undefined) throw new NotFoundError('the flow has no Flow JSON', { provider: this.id });
      let parsed: unknown;
      try {
        parsed = JSON.parse(json);
      } catch {
        parsed = undefined;
      }
      return ok({ json: parsed, text: json });
    },
    doCreate: async (request, context) => {
      await this.enter('flows.create', context, request.name);
      if (this.flowList.some(({ flow }) => flow.name === request.name)) {
        throw new ConflictError('flow name taken', { provider: this.id });
      }
      const clone = request.cloneFlowId === undefined ? undefined : this.stored(request.cloneFlowId);
      const flow = this.addFlow({
        name: request.name,
        categories: [...request.categories],
        ...(request.endpointUri !== undefined && { endpointUri: request.endpointUri }),
        ...(clone?.json !== undefined && { json: clone.json }),
      });
      this.answer('flows.create');
      return ok({ id: flow.id });
    },
    doUpdate: async (request, context) => {
      await this.enter('flows.update', context, request.id);
      const stored = this.stored(request.id);
      this.edit(stored);
      if (request.name !== undefined) stored.flow.name = request.name;
      if (request.categories !== undefined) stored.flow.categories = [...request.categories];
      if (request.endpointUri !== undefined) stored.flow.endpointUri = request.endpointUri;
      return ok({ id: request.id });
    },
    doUpdateJson: async ({ id, text }, context) => {
      await this.enter('flows.updateJson', context, id);
      const stored = this.stored(id);
      this.edit(stored);
      stored.json = text;
      return ok({ validationErrors: [] });
    },
    doPublish: async ({ id }, context) => this.transition('flows.publish', id, context, 'DRAFT', 'PUBLISHED'),
    doDeprecate: async ({ id }, context) =>
      this.transition('flows.deprecate', id, context, 'PUBLISHED', 'DEPRECATED'),
    doDelete: async ({ id }, context) => {
      await this.enter('flows.delete', context, id);
      const stored = this.stored(id);
      if (stored.flow.status !== 'DRAFT')
        throw new ConflictError('not a draft', { provider: this.id, state: stored.flow.status });
      this.flowStore.delete(id);
      return ok({ id });
    },
  };

  private async transition(
    operation: string,
    id: string,
    context: ProviderCallContext,
    from: FlowStatus,
    to: FlowStatus,
  ): Promise<ProviderResult<{ id: string }>> {
    await this.enter(operation, context, id);
    const stored = this.stored(id);
    if (stored.flow.status !== from)
      throw new ConflictError(`not ${from}`, { provider: this.id, state: stored.flow.status });
    stored.flow.status = to;
    return ok({ id });
  }

  /** Throws the lost answer set for `operation`, once. */
  private answer(operation: string): void {
    const lost = this.lostAnswers.get(operation);
    if (lost === undefined) return;
    this.lostAnswers.delete(operation);
    throw lost();
  }

  /** Meta's lifecycle for an edit: a deprecated flow refuses it, a published one becomes a draft. */
  private edit(stored: StoredFlow): void {
    if (stored.flow.status === 'DEPRECATED') {
      throw new ConflictError('deprecated', { provider: this.id, state: 'DEPRECATED' });
    }
    if (stored.flow.status === 'PUBLISHED' && this.editUnpublishes) stored.flow.status = 'DRAFT';
  }

  private stored(id: string): StoredFlow {
    const stored = this.flowStore.get(id);
    if (stored === undefined) throw new NotFoundError(`no flow ${id}`, { provider: this.id });
    return stored;
  }

  private async enter(operation: string, context: ProviderCallContext, write?: string): Promise<void> {
    context.signal.throwIfAborted();
    const fault = this.faults.get(operation)?.shift();
    if (fault !== undefined) throw fault();
    if (write === undefined) return;
    this.writes.set(operation, (this.writes.get(operation) ?? 0) + 1);
    this.log.push(`${operation} ${write}`);
  }
}

function key(template: { name: string; language: string }): string {
  return `${template.name}\u0000${template.language}`;
}

/** A draft as a vendor would store it: a FLOW button by name gets an id, a media sample link becomes `mediaUrl`. */
function toTemplate(draft: TemplateDraft, id: string, status: TemplateStatus, provider: string): Template {
  const { components, ...rest } = structuredClone(draft);
  return {
    ...rest,
    provider,
    raw: {},
    id,
    status,
    components: components.map((component) => {
      if (component.type !== 'HEADER' || component.example?.headerUrl === undefined) return component;
      const { headerUrl, ...example } = component.example;
      return { ...component, mediaUrl: headerUrl, example };
    }) as Template['components'],
  };
}
