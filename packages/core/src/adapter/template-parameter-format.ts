import { toEnumValue } from '../model/enum-with-unknown.js';
import { PARAMETER_FORMATS, type ParameterFormat } from '../model/template.js';
import type { TemplateComponent } from '../model/template-component.js';
import { isPositionalVariable, templateVariableNames } from '../model/template-variables.js';

/**
 * A template's `parameterFormat`, the same way on every vendor: the vendor's own value when it
 * sends one (Meta's `parameter_format`, relayed by NXCloud); otherwise `'NAMED'` when a header or
 * body text (a carousel card's included) uses a named variable or a named sample is present, as
 * CAMS sends no format but keys its samples `{{first_name}}`; otherwise absent, which means
 * POSITIONAL, Meta's default.
 *
 * @param declared The vendor's value, any case; `null` and `undefined` count as absent.
 * @param components The template's components, already mapped.
 */
export function templateParameterFormat(
  declared: unknown,
  components: readonly TemplateComponent[],
): ParameterFormat | undefined {
  if (declared !== undefined && declared !== null) return toEnumValue(PARAMETER_FORMATS, declared);
  return components.some(usesNamedParameters) ? 'NAMED' : undefined;
}

function usesNamedParameters(component: TemplateComponent): boolean {
  switch (component.type) {
    case 'HEADER':
      return component.example?.headerTextNamedParams !== undefined || hasNamedVariable(component.text);
    case 'BODY':
      return component.example?.bodyTextNamedParams !== undefined || hasNamedVariable(component.text);
    case 'CAROUSEL':
      return component.cards.some((card) => card.components.some(usesNamedParameters));
    default:
      return false;
  }
}

function hasNamedVariable(text: string | undefined): boolean {
  return text !== undefined && templateVariableNames(text).some((name) => !isPositionalVariable(name));
}
