import type { FlowValidationError, TemplateDraftIssue } from '@whatsapp-bsp/core';
import type { InputDocument } from './input-file.js';
import { renderTable } from './render-table.js';
import type { Style } from './style.js';

/** A template draft's problems, one row each, placed in the file where the value is. */
export function renderTemplateIssues(
  issues: readonly TemplateDraftIssue[],
  file: InputDocument,
  style: Style,
): string {
  if (issues.length === 0) return `${file.path}: no problems found`;
  return renderTable(
    ['WHERE', 'SEVERITY', 'CODE', 'PATH', 'MESSAGE'],
    issues.map((issue) => {
      const place = file.locate(issue.path);
      return [
        place ? `${file.path}:${place.line}:${place.column}` : file.path,
        issue.severity === 'error' ? style.red('error') : style.yellow('warning'),
        issue.code,
        issue.path || '(draft)',
        issue.message,
      ];
    }),
  );
}

/** Flow JSON errors as `FILE:LINE:COLUMN  CODE  PATH  MESSAGE` rows (Meta's positions, 1-based). */
export function renderFlowJsonErrors(errors: readonly FlowValidationError[], path: string): string {
  if (errors.length === 0) return `${path}: no problems found`;
  return renderTable(
    ['WHERE', 'CODE', 'PATH', 'MESSAGE'],
    errors.map((error) => {
      const where =
        error.lineStart !== undefined ? `${path}:${error.lineStart}:${error.columnStart ?? 1}` : path;
      return [where, error.error ?? '', error.pointers?.[0]?.path || '(document)', error.message];
    }),
  );
}
