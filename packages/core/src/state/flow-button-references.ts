import type {
  TemplateDraft,
  TemplateDraftButton,
  TemplateDraftComponent,
} from '../model/inputs/template-draft.js';

/*
 * A template's FLOW button names a flow, and a flow's id is the vendor's own: the same flow has
 * another id at another vendor. A state file therefore names it by `flowName`, which is the same
 * everywhere (flow names are unique per account), and a write names it by the id the target
 * vendor gave it.
 */

/**
 * The draft with each FLOW button's `flowId` replaced by `flowName`, where `names` (flow id →
 * name) knows the id. Other buttons, and ids not in `names`, are left as they are.
 *
 * @returns The same draft when it has no FLOW button to change; otherwise a copy.
 */
export function flowIdsToNames(draft: TemplateDraft, names: ReadonlyMap<string, string>): TemplateDraft {
  return mapFlowButtons(draft, (button) => {
    const name = button.flowId === undefined ? undefined : names.get(button.flowId);
    if (name === undefined || button.flowName !== undefined) return button;
    const { flowId: _id, ...rest } = button;
    return { ...rest, flowName: name };
  });
}

/**
 * The draft with each FLOW button's `flowName` replaced by the `flowId` that `ids` (flow name →
 * id) gives it, as vendors that take only ids need. Names not in `ids` are left as names.
 *
 * @returns The same draft when it has no FLOW button to change; otherwise a copy.
 */
export function flowNamesToIds(draft: TemplateDraft, ids: ReadonlyMap<string, string>): TemplateDraft {
  return mapFlowButtons(draft, (button) => {
    const id = button.flowName === undefined ? undefined : ids.get(button.flowName);
    if (id === undefined || button.flowId !== undefined) return button;
    const { flowName: _name, ...rest } = button;
    return { ...rest, flowId: id };
  });
}

/** The names of the flows a draft's FLOW buttons name by `flowName`. */
export function flowNamesIn(draft: TemplateDraft): string[] {
  const names: string[] = [];
  mapFlowButtons(draft, (button) => {
    if (button.flowName !== undefined) names.push(button.flowName);
    return button;
  });
  return names;
}

/** The vendor ids of the flows a draft's FLOW buttons name by `flowId`. */
export function flowIdsIn(draft: TemplateDraft): string[] {
  const ids: string[] = [];
  mapFlowButtons(draft, (button) => {
    if (button.flowId !== undefined) ids.push(button.flowId);
    return button;
  });
  return ids;
}

type FlowButton = Extract<TemplateDraftButton, { type: 'FLOW' }>;

function mapFlowButtons(draft: TemplateDraft, change: (button: FlowButton) => FlowButton): TemplateDraft {
  let changed = false;
  const mapComponents = (components: readonly TemplateDraftComponent[]): TemplateDraftComponent[] =>
    components.map((component) => {
      if (component.type === 'BUTTONS') {
        const buttons = component.buttons.map((button) => {
          if (button.type !== 'FLOW') return button;
          const result = change(button);
          if (result !== button) changed = true;
          return result;
        });
        return { ...component, buttons };
      }
      if (component.type === 'CAROUSEL') {
        return {
          ...component,
          cards: component.cards.map((card) => ({ components: mapComponents(card.components) })),
        };
      }
      return component;
    });
  const components = mapComponents(draft.components);
  return changed ? { ...draft, components } : draft;
}
