/*
 * The variables of a template text: `{{1}}`, `{{2}}`… (positional) or `{{first_name}}` (named).
 * One reading of the syntax for the adapters (which pair vendor samples with variables) and the
 * draft validation (which checks their placement), so that both agree on what a variable is.
 */

/**
 * `{{` + a name (no braces; not blank) + `}}`, spaces around the name allowed as Meta's editor
 * allows them.
 */
const VARIABLE = /\{\{\s*([^{}\s](?:[^{}]*[^{}\s])?)\s*\}\}/g;
const POSITIONAL_NAME = /^\d+$/;

/** One occurrence of a variable: its name and where it stands in the text (UTF-16 offsets, end exclusive). */
export interface TemplateVariable {
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

/** Every variable occurrence in `text`, in order. */
export function findTemplateVariables(text: string): TemplateVariable[] {
  return Array.from(text.matchAll(VARIABLE), (match) => ({
    name: match[1] ?? '',
    start: match.index,
    end: match.index + match[0].length,
  }));
}

/** The distinct variable names of `text`, in order of first appearance. */
export function templateVariableNames(text: string): string[] {
  return [...new Set(findTemplateVariables(text).map((variable) => variable.name))];
}

/** Whether a variable name is positional (`1`, `2`…) rather than named. */
export function isPositionalVariable(name: string): boolean {
  return POSITIONAL_NAME.test(name);
}
