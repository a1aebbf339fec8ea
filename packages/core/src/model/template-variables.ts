/*
 * The variables of a template text: `{{1}}`, `{{2}}`… (positional) or `{{first_name}}` (named).
 * One reading of the syntax for the adapters (which pair vendor samples with variables) and the
 * draft validation (which checks their placement), so that both agree on what a variable is.
 */

const POSITIONAL_NAME = /^\d+$/;

/** One occurrence of a variable: its name and where it stands in the text (UTF-16 offsets, end exclusive). */
export interface TemplateVariable {
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Every variable occurrence in `text`, in order: `{{`, a name without braces (spaces around it
 * allowed, as Meta's editor allows them; a blank one is no variable), `}}`. Braces that make no
 * variable are skipped, and the search goes on from the next character, so `{{{x}}}` holds `{{x}}`.
 * A scan rather than a regular expression: validation runs it on every text.
 */
export function findTemplateVariables(text: string): TemplateVariable[] {
  const variables: TemplateVariable[] = [];
  let open = text.indexOf('{{');
  while (open >= 0) {
    let close = open + 2;
    while (close < text.length && text[close] !== '{' && text[close] !== '}') close++;
    const name = text.slice(open + 2, close).trim();
    if (name !== '' && text.startsWith('}}', close)) {
      variables.push({ name, start: open, end: close + 2 });
      open = text.indexOf('{{', close + 2);
    } else {
      open = text.indexOf('{{', open + 1);
    }
  }
  return variables;
}

/** The distinct variable names of `text`, in order of first appearance. */
export function templateVariableNames(text: string): string[] {
  return [...new Set(findTemplateVariables(text).map((variable) => variable.name))];
}

/** Whether a variable name is positional (`1`, `2`…) rather than named. */
export function isPositionalVariable(name: string): boolean {
  return POSITIONAL_NAME.test(name);
}
