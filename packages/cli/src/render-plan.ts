import type { FieldChange, Plan, PlannedUnsupported, TemplateDraftIssue } from '@whatsapp-bsp/core';
import type { InputDocument } from './input-file.js';
import type { Style } from './style.js';

/** How much of a changed value a line shows. */
const VALUE_WIDTH = 70;
/** How many changed fields an update shows before "and N more". */
const CHANGES_SHOWN = 12;

/** A template as `name (language)`, a flow by its name. */
export function itemLabel(item: { kind: 'template' | 'flow'; name: string; language?: string }): string {
  return item.kind === 'template' ? `template ${item.name} (${item.language})` : `flow ${item.name}`;
}

/**
 * A plan as a person reads it, a line per item: `+` create, `~` update (with the fields that
 * change, desired after current), `-` delete, `!` what the vendor cannot do and why, placed in
 * the state file where the item is; unchanged items only counted.
 */
export function renderPlan(plan: Plan, style: Style, file?: InputDocument): string {
  const lines: string[] = [];
  for (const item of plan.create) {
    const status = item.kind === 'flow' && item.draft.status !== undefined ? ` (${item.draft.status})` : '';
    lines.push(style.cyan(`+ ${itemLabel(item)}${status}`));
    if (item.kind === 'template') lines.push(...warningLines(item.warnings, style));
  }
  for (const item of plan.update) {
    const steps = item.kind === 'flow' ? `: ${item.steps.join(', ')}` : '';
    lines.push(style.yellow(`~ ${itemLabel(item)}${steps}`));
    lines.push(...changeLines(item.changes, style));
    if (item.kind === 'template') lines.push(...warningLines(item.warnings, style));
  }
  for (const item of plan.delete) {
    const scope =
      item.kind === 'template' && item.scope === 'name'
        ? ' (the vendor deletes every language of the name)'
        : '';
    lines.push(style.red(`- ${itemLabel(item)}${scope}`));
  }
  for (const item of plan.unsupported) lines.push(...unsupportedLines(item, style, file));
  if (lines.length > 0) lines.push('');
  lines.push(planSummary(plan, style));
  return lines.join('\n');
}

/** `2 to create, 1 to update, …`, or that there is nothing to do. */
export function planSummary(plan: Plan, style: Style): string {
  const vendor = plan.provider === undefined ? '' : ` on ${plan.provider}`;
  const counts = [
    `${plan.create.length} to create`,
    `${plan.update.length} to update`,
    `${plan.delete.length} to delete`,
    ...(plan.unsupported.length > 0 ? [style.red(`${plan.unsupported.length} unsupported`)] : []),
    `${plan.unchanged.length} unchanged`,
  ];
  const nothing = plan.create.length + plan.update.length + plan.delete.length === 0;
  return `${style.bold(nothing ? `No changes${vendor}.` : `Plan${vendor}:`)} ${counts.join(', ')}.`;
}

function changeLines(changes: readonly FieldChange[], style: Style): string[] {
  const lines = changes.slice(0, CHANGES_SHOWN).map((change) => {
    const current = 'current' in change ? valueText(change.current) : style.dim('(none)');
    const desired = 'desired' in change ? valueText(change.desired) : style.dim('(none)');
    return `    ${change.path}: ${current} → ${desired}`;
  });
  if (changes.length > CHANGES_SHOWN) lines.push(style.dim(`    and ${changes.length - CHANGES_SHOWN} more`));
  return lines;
}

function warningLines(warnings: readonly TemplateDraftIssue[], style: Style): string[] {
  return warnings.map((warning) =>
    style.dim(`    warning ${warning.code}${warning.path ? ` at ${warning.path}` : ''}: ${warning.message}`),
  );
}

function unsupportedLines(item: PlannedUnsupported, style: Style, file: InputDocument | undefined): string[] {
  const verb = { create: 'created', update: 'changed', delete: 'deleted' }[item.action];
  const lines = [style.red(`! ${itemLabel(item)} cannot be ${verb} here`)];
  for (const reason of item.reasons) {
    const at = item.at === undefined ? undefined : joinPath(item.at, reason.path);
    const place = at === undefined || file === undefined ? undefined : file.locate(at);
    const where = place === undefined ? '' : style.dim(` (${file?.path}:${place.line})`);
    lines.push(`    ${reason.code}${reason.path ? ` at ${reason.path}` : ''}: ${reason.message}${where}`);
  }
  return lines;
}

/** The item's place in the file followed by a path within it, as the file locates paths. */
function joinPath(base: string, path: string): string {
  if (path === '') return base;
  return path.startsWith('[') ? `${base}${path}` : `${base}.${path}`;
}

function valueText(value: unknown): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > VALUE_WIDTH ? `${text.slice(0, VALUE_WIDTH - 1)}…` : text;
}
