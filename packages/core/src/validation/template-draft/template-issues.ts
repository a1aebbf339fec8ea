import { TEMPLATE_RULE_CODES, type TemplateIssueSeverity, type TemplateRuleCode } from './rule-codes.js';

/**
 * One problem with a draft: where (`path`, e.g. `components[1].text`,
 * `components[2].buttons[0].url`; `''` for the draft itself), which rule (`code`, stable), what
 * (`message`, readable) and how bad (`severity`: an `error` is refused, a `warning` is told).
 */
export interface TemplateDraftIssue {
  readonly path: string;
  readonly code: TemplateRuleCode;
  readonly message: string;
  readonly severity: TemplateIssueSeverity;
}

/** The issues found so far; the severity of each comes from its code. */
export class TemplateIssues {
  readonly list: TemplateDraftIssue[] = [];

  add(code: TemplateRuleCode, path: string, message: string): void {
    this.list.push({ path, code, message, severity: TEMPLATE_RULE_CODES[code].severity });
  }
}

/** `base.key`, or `key` at the top. */
export function pathOf(base: string, key: string): string {
  return base === '' ? key : `${base}.${key}`;
}
