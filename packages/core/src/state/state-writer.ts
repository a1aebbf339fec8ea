import type { CallOptions } from '../client/pipeline/operation-runner.js';
import type { WaitForStatusOptions } from '../client/waiting/wait-for-status.js';
import type { Flow, FlowCategory } from '../model/flow.js';
import type { FlowJsonUpdate } from '../model/flow-writes.js';
import type { TemplateDraft } from '../model/inputs/template-draft.js';
import type { Template, TemplateCategory, TemplateStatus } from '../model/template.js';
import type { CreatedTemplate } from '../model/template-writes.js';
import type { FlowJsonValidationMode } from '../validation/flow-json/check-flow-json-before-write.js';
import type { StateReader } from './export-state.js';

/**
 * The calls `applyPlan` makes: a `WhatsAppClient` has them all. Named here, not taken from the
 * client's classes, so that a test or a wrapper (logging, a dry run) can stand in for the client.
 */
export interface StateWriter {
  readonly provider: { readonly id: string };
  readonly templates: {
    create(draft: TemplateDraft, options?: CallOptions): Promise<CreatedTemplate>;
    update(
      reference: { name: string; language: string },
      changes: {
        category?: TemplateCategory;
        components: TemplateDraft['components'];
        messageSendTtlSeconds?: number;
      },
      options?: CallOptions,
    ): Promise<CreatedTemplate>;
    delete(
      reference: { name: string } | { name: string; language: string },
      options?: CallOptions,
    ): Promise<{ deleted: readonly { name: string; language?: string; id?: string }[] }>;
    waitForStatus(
      reference: { name: string; language: string },
      options?: WaitForStatusOptions<TemplateStatus>,
    ): Promise<Template>;
  };
  readonly flows: Pick<StateReader['flows'], 'list' | 'get'> & {
    create(
      input: {
        name: string;
        categories: FlowCategory[];
        endpointUri?: string;
        flowJson?: object | string;
        publish?: boolean;
        validate?: FlowJsonValidationMode;
      },
      options?: CallOptions,
    ): Promise<Pick<Flow, 'id'> & Partial<Pick<Flow, 'status' | 'validationErrors'>>>;
    update(
      id: string,
      changes: { name?: string; categories?: FlowCategory[]; endpointUri?: string },
      options?: CallOptions,
    ): Promise<unknown>;
    updateJson(
      id: string,
      flowJson: object | string,
      options?: CallOptions & { validate?: FlowJsonValidationMode },
    ): Promise<FlowJsonUpdate>;
    publish(id: string, options?: CallOptions): Promise<unknown>;
    deprecate(id: string, options?: CallOptions): Promise<unknown>;
    delete(id: string, options?: CallOptions): Promise<unknown>;
  };
}
