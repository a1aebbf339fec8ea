import type { TemplateDraft, TemplateDraftComponent } from '../../model/inputs/template-draft.js';
import { findTemplateVariables, type TemplateVariable } from '../../model/template-variables.js';

/** A component and where it sits: `components[2]`, or `components[1].cards[0].components[2]` in a card. */
export interface PlacedComponent {
  readonly component: TemplateDraftComponent;
  readonly path: string;
  readonly inCard: boolean;
}

/**
 * What several rule groups read, worked out once per validation: every component with its path,
 * and the variables of each text.
 */
export interface DraftFacts {
  /** Every component of the draft, the cards' components included, in order. */
  readonly placed: readonly PlacedComponent[];
  /** The variable occurrences of a text, found once however many rules ask. */
  variablesOf(text: string): readonly TemplateVariable[];
}

export function draftFacts(draft: TemplateDraft): DraftFacts {
  const placed: PlacedComponent[] = [];
  draft.components.forEach((component, index) => {
    const path = `components[${index}]`;
    placed.push({ component, path, inCard: false });
    if (component.type !== 'CAROUSEL') return;
    component.cards.forEach((card, cardIndex) => {
      card.components.forEach((part, partIndex) => {
        placed.push({
          component: part,
          path: `${path}.cards[${cardIndex}].components[${partIndex}]`,
          inCard: true,
        });
      });
    });
  });
  const found = new Map<string, readonly TemplateVariable[]>();
  return {
    placed,
    variablesOf(text) {
      let variables = found.get(text);
      if (variables === undefined) {
        variables = findTemplateVariables(text);
        found.set(text, variables);
      }
      return variables;
    },
  };
}

/** The distinct names of `variables`, in order of first appearance. */
export function variableNames(variables: readonly TemplateVariable[]): string[] {
  const names: string[] = [];
  for (const { name } of variables) if (!names.includes(name)) names.push(name);
  return names;
}
