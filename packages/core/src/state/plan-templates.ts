import type { TemplateDraft } from '../model/inputs/template-draft.js';
import type { TemplateDraftIssue } from '../validation/template-draft/template-issues.js';
import { validateTemplateDraft } from '../validation/template-draft/validate-template-draft.js';
import { deepEqual } from './deep-equal.js';
import { fieldChanges } from './field-changes.js';
import { flowIdsIn, flowNamesIn } from './flow-button-references.js';
import { normalizeTemplateDraft } from './normalize-template-draft.js';
import type { UnsupportedReason } from './plan.js';
import { lacksMethod, missingWrite, type PlanBuilder, type PlanSettings } from './plan-target.js';

/** What `templates.update` can change; anything else needs a new template. */
const UPDATABLE_FIELDS: ReadonlySet<string> = new Set(['category', 'components', 'messageSendTtlSeconds']);

/** A template's identity on every vendor. */
export function templateKey(template: { name: string; language: string }): string {
  return `${template.language}\u0000${template.name}`;
}

/** Plans the templates: identity `(name, language)`. */
export function planTemplates(
  desired: readonly TemplateDraft[],
  current: readonly TemplateDraft[],
  settings: PlanSettings,
  plan: PlanBuilder,
): void {
  const { target } = settings;
  const currentByKey = new Map<string, TemplateDraft>();
  for (const template of current) currentByKey.set(templateKey(template), template);
  const wanted = new Set<string>();

  desired.forEach((draft, index) => {
    const key = templateKey(draft);
    wanted.add(key);
    const at = `templates[${index}]`;
    const { name, language } = draft;
    const existing = currentByKey.get(key);
    if (existing === undefined) {
      const reasons: UnsupportedReason[] = [];
      if (target !== undefined && lacksMethod(target, 'templates', 'doCreate'))
        reasons.push(missingWrite(target, 'create templates'));
      const warnings = validation(draft, settings, reasons);
      flowReferences(draft, settings, reasons);
      if (reasons.length > 0)
        plan.unsupported.push({ kind: 'template', name, language, at, action: 'create', reasons });
      else plan.create.push({ kind: 'template', name, language, at, draft, warnings });
      return;
    }
    const wantedForm = normalizeTemplateDraft(draft);
    const currentForm = normalizeTemplateDraft(existing);
    if (deepEqual(wantedForm, currentForm)) {
      plan.unchanged.push({ kind: 'template', name, language, at });
      return;
    }
    const changes = fieldChanges(wantedForm, currentForm);
    const reasons: UnsupportedReason[] = [];
    if (target !== undefined && lacksMethod(target, 'templates', 'doUpdate'))
      reasons.push(missingWrite(target, 'edit templates'));
    for (const field of new Set(changes.map((change) => change.path.split(/[.[]/, 1)[0]!))) {
      if (!UPDATABLE_FIELDS.has(field)) {
        reasons.push({
          path: field,
          code: 'FIELD_NOT_UPDATABLE',
          message: `An edit cannot change ${field}; create the template under another name instead.`,
        });
      }
    }
    const status = settings.templateStatuses?.get(key);
    if (status !== undefined && target?.capabilities.templates.update?.refusedStatuses?.includes(status)) {
      reasons.push({
        path: '',
        code: 'TEMPLATE_NOT_EDITABLE',
        message: `${target.id} does not edit a template that is ${status}: create it under a new name, or delete it and create it again (Meta may keep the name for a while after a delete).`,
      });
    }
    const warnings = validation(draft, settings, reasons);
    flowReferences(draft, settings, reasons);
    if (reasons.length > 0) {
      plan.unsupported.push({ kind: 'template', name, language, at, action: 'update', reasons });
    } else {
      plan.update.push({ kind: 'template', name, language, at, draft, current: existing, changes, warnings });
    }
  });

  if (!settings.prune) return;
  const scopes = target?.capabilities.templates.delete?.scopes;
  const byLanguage = scopes === undefined || scopes.includes('language');
  const wantedNames = new Set(desired.map((template) => template.name));
  for (const template of current) {
    if (wanted.has(templateKey(template))) continue;
    const { name, language } = template;
    const reasons: UnsupportedReason[] = [];
    if (target !== undefined && lacksMethod(target, 'templates', 'doDelete'))
      reasons.push(missingWrite(target, 'delete templates'));
    if (!byLanguage && wantedNames.has(name)) {
      reasons.push({
        path: '',
        code: 'DELETE_SCOPE',
        message: `${target?.id} deletes every language of a template name at once, and other languages of '${name}' are still wanted.`,
      });
    }
    if (reasons.length > 0)
      plan.unsupported.push({ kind: 'template', name, language, action: 'delete', reasons });
    else plan.delete.push({ kind: 'template', name, language, scope: byLanguage ? 'language' : 'name' });
  }
}

/**
 * Offline validation of a draft about to be sent, with the target's own rules: errors become
 * reasons, warnings are returned.
 */
function validation(
  draft: TemplateDraft,
  settings: PlanSettings,
  reasons: UnsupportedReason[],
): TemplateDraftIssue[] {
  if (!settings.validate) return [];
  const issues = validateTemplateDraft(draft, settings.target ? { provider: settings.target } : {});
  const warnings: TemplateDraftIssue[] = [];
  for (const issue of issues) {
    if (issue.severity === 'error')
      reasons.push({ path: issue.path, code: issue.code, message: issue.message });
    else warnings.push(issue);
  }
  return warnings;
}

/**
 * A FLOW button's flow, named by name, must be at the vendor or be made by the plan; named by
 * id, it must be one of the target's flows, where the vendor facts give their ids (an id is the
 * vendor's own: another vendor's id names no flow here).
 */
function flowReferences(draft: TemplateDraft, settings: PlanSettings, reasons: UnsupportedReason[]): void {
  const { flows, flowIds } = settings;
  if (flowIds !== undefined) {
    for (const id of new Set(flowIdsIn(draft))) {
      if (!flowIds.has(id)) {
        reasons.push({
          path: 'components',
          code: 'FLOW_REFERENCE',
          message: `A FLOW button names the flow id '${id}', which is not one of ${settings.target?.id ?? 'the vendor'}'s flows (an id from another vendor?): name the flow by flowName instead.`,
        });
      }
    }
  }
  if (flows === undefined) return;
  for (const name of new Set(flowNamesIn(draft))) {
    if (!flows.has(name)) {
      reasons.push({
        path: 'components',
        code: 'FLOW_REFERENCE',
        message: `A FLOW button names the flow '${name}', which the vendor does not have and the plan does not create.`,
      });
    }
  }
}
