// A provider for core's own tests, built to the core contract (no vendor wire involved): each
// operation answers from a queue of scripted responses, and every call is recorded.
import type { Flow, FlowPreview, FlowSummary } from '../model/flow.js';
import type { Page } from '../model/page.js';
import type { Template, TemplateSummary } from '../model/template.js';
import type { CreatedTemplate, TemplateMedia } from '../model/template-writes.js';
import type { ProviderCallContext, ProviderResult } from '../provider/call-context.js';
import type { ProviderCapabilities } from '../provider/capabilities.js';
import type { ProviderV1 } from '../provider/provider-v1.js';

type Step<T> = ProviderResult<T> | Error | ((context: ProviderCallContext) => Promise<ProviderResult<T>>);

export const testCapabilities: ProviderCapabilities = {
  flows: { list: { includesStatus: true, maxPageSize: 50, defaultPageSize: 10, reportsTotal: false } },
  templates: {
    list: {
      filters: ['name', 'language'],
      includesComponents: false,
      maxPageSize: 100,
      defaultPageSize: 20,
      reportsTotal: true,
    },
    get: { byId: 'native', byNameAndLanguage: 'native' },
  },
  rateLimits: {},
};

export function flow(id: string): Flow {
  return {
    provider: 'scripted',
    raw: { id },
    id,
    name: `flow ${id}`,
    status: 'DRAFT',
    categories: ['OTHER'],
    validationErrors: [],
  };
}

export function flowSummary(id: string): FlowSummary {
  return { provider: 'scripted', raw: { id }, id, name: `flow ${id}`, categories: ['OTHER'] };
}

export function template(name: string, language = 'en_US'): Template {
  return {
    provider: 'scripted',
    raw: { name },
    id: `${name}-${language}`,
    name,
    language,
    category: 'UTILITY',
    status: 'APPROVED',
    components: [{ type: 'BODY', text: `Hello from ${name}` }],
  };
}

export function summaryOf({ components: _components, ...summary }: Template): TemplateSummary {
  return summary;
}

export class ScriptedProvider implements ProviderV1 {
  readonly specificationVersion = 'v1' as const;
  readonly id = 'scripted';
  readonly calls: { operation: string; request: unknown; context: ProviderCallContext }[] = [];
  readonly script = {
    getFlow: [] as Step<Flow>[],
    listFlows: [] as Step<Page<FlowSummary>>[],
    preview: [] as Step<FlowPreview>[],
    listTemplates: [] as Step<Page<TemplateSummary | Template>>[],
    getTemplate: [] as Step<Template>[],
    createTemplate: [] as Step<CreatedTemplate>[],
    updateTemplate: [] as Step<CreatedTemplate>[],
    deleteTemplate: [] as Step<object>[],
    uploadTemplateMedia: [] as Step<TemplateMedia>[],
  };

  /**
   * @param omit Template write methods this provider lacks, as a vendor that cannot do them.
   */
  constructor(
    readonly capabilities: ProviderCapabilities = testCapabilities,
    omit: readonly ('doCreate' | 'doUpdate' | 'doDelete' | 'doUploadMedia')[] = [],
  ) {
    for (const method of omit) delete (this.templates as Record<string, unknown>)[method];
  }

  readonly flows = {
    doGet: (request: unknown, context: ProviderCallContext) => this.next('getFlow', request, context),
    doList: (request: unknown, context: ProviderCallContext) => this.next('listFlows', request, context),
    doGetPreview: (request: unknown, context: ProviderCallContext) => this.next('preview', request, context),
  };
  readonly templates = {
    doList: (request: unknown, context: ProviderCallContext) => this.next('listTemplates', request, context),
    doGet: (request: unknown, context: ProviderCallContext) => this.next('getTemplate', request, context),
    doCreate: (request: unknown, context: ProviderCallContext) =>
      this.next('createTemplate', request, context),
    doUpdate: (request: unknown, context: ProviderCallContext) =>
      this.next('updateTemplate', request, context),
    doDelete: (request: unknown, context: ProviderCallContext) =>
      this.next('deleteTemplate', request, context),
    doUploadMedia: (request: unknown, context: ProviderCallContext) =>
      this.next('uploadTemplateMedia', request, context),
  };

  private async next<K extends keyof ScriptedProvider['script']>(
    operation: K,
    request: unknown,
    context: ProviderCallContext,
  ): Promise<ScriptedProvider['script'][K][number] extends Step<infer T> ? ProviderResult<T> : never> {
    this.calls.push({ operation, request, context });
    const step = this.script[operation].shift();
    if (step === undefined) throw new Error(`no scripted answer left for ${operation}`);
    if (step instanceof Error) throw step;
    // biome-ignore lint/suspicious/noExplicitAny: the queue's element type is tied to K above
    return (typeof step === 'function' ? await step(context) : step) as any;
  }
}
