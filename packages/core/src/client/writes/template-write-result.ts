import { attachMetadata, type ResponseMetadata, type WithMetadata } from '../../model/metadata.js';
import type { Template } from '../../model/template.js';
import type { CreatedTemplate, TemplateWriteResult } from '../../model/template-writes.js';
import type { TemplateDraftIssue } from '../../validation/template-draft/template-issues.js';

/** The write's result with the draft's warnings, keeping the call's `$metadata`. */
export function withWarnings(
  written: WithMetadata<CreatedTemplate>,
  warnings: TemplateDraftIssue[],
): WithMetadata<TemplateWriteResult> {
  const { id, name, language, category, status } = written;
  return attachMetadata({ id, name, language, category, status, warnings }, written.$metadata);
}

/** What a write reports, taken from a template read back when the write's own answer was lost. */
export function createdFrom(template: Template): CreatedTemplate {
  const { id, name, language, category, status } = template;
  return { id, name, language, category, status };
}

/** The `$metadata` fields a read carries over to the write it confirmed. */
export function readMetadata(metadata: ResponseMetadata): { requestId?: string; httpStatusCode?: number } {
  return {
    ...(metadata.requestId !== undefined && { requestId: metadata.requestId }),
    ...(metadata.httpStatusCode !== undefined && { httpStatusCode: metadata.httpStatusCode }),
  };
}
