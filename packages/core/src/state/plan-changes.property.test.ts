import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TemplateDraft, TemplateDraftComponent } from '../model/inputs/template-draft.js';
import {
  authenticationDraft,
  carouselDraft,
  marketingDraft,
  namedDraft,
  offerDraft,
  utilityDraft,
} from '../validation/template-draft/__fixtures__/valid-drafts.js';
import { isEmptyPlan } from './plan.js';
import { planChanges } from './plan-changes.js';

// Drafts of every kind (the validation tests' valid drafts), written as vendors write them back:
// components in another order, texts with surrounding whitespace, samples in other forms.

const KINDS = [utilityDraft, namedDraft, marketingDraft, carouselDraft, offerDraft, authenticationDraft];

const draftArbitrary = fc
  .record({
    kind: fc.integer({ min: 0, max: KINDS.length - 1 }),
    name: fc.constantFrom('a', 'b', 'c', 'd'),
    language: fc.constantFrom('en_US', 'pt_BR', 'fil'),
  })
  .map(
    ({ kind, name, language }): TemplateDraft => ({ ...KINDS[kind]!(), name: `${name}_${kind}`, language }),
  );

const stateArbitrary = fc.uniqueArray(draftArbitrary, {
  selector: (draft) => `${draft.name}/${draft.language}`,
  maxLength: 8,
});

/** What a vendor may do to a draft without changing it: order, whitespace, sample forms. */
const rewriteArbitrary = fc.record({
  order: fc.func(fc.integer()),
  padding: fc.constantFrom('', ' ', '\n', '  \r\n'),
  positional: fc.boolean(),
});

type Rewrite = { order: (...args: unknown[]) => number; padding: string; positional: boolean };

function rewritten(draft: TemplateDraft, rewrite: Rewrite): TemplateDraft {
  const copy = structuredClone(draft);
  const pad = (text: string) => `${rewrite.padding}${text}${rewrite.padding}`;
  const padComponent = (component: TemplateDraftComponent): TemplateDraftComponent => {
    if ((component.type === 'BODY' || component.type === 'FOOTER') && component.text !== undefined) {
      return { ...component, text: pad(component.text) };
    }
    return component;
  };
  copy.components = copy.components
    .map((component, index) => ({ component: padComponent(component), key: rewrite.order(index) }))
    .sort((a, b) => a.key - b.key)
    .map(({ component }) => component);
  if (rewrite.positional && copy.parameterFormat === undefined) copy.parameterFormat = 'POSITIONAL';
  return copy;
}

describe('planChanges, property', () => {
  it('plans nothing for a state against itself as a vendor rewrites it', () => {
    fc.assert(
      fc.property(
        stateArbitrary,
        fc.array(rewriteArbitrary, { minLength: 8, maxLength: 8 }),
        (templates, rewrites) => {
          const vendor = templates.map((draft, index) => rewritten(draft, rewrites[index]!));
          const plan = planChanges(
            { version: 1, templates },
            { version: 1, templates: vendor },
            { prune: true },
          );
          expect(isEmptyPlan(plan)).toBe(true);
          expect(plan.unchanged).toHaveLength(templates.length);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('creates what the vendor lacks, deletes what it has more, and updates what differs, exactly', () => {
    fc.assert(
      fc.property(stateArbitrary, stateArbitrary, (desired, current) => {
        const plan = planChanges(
          { version: 1, templates: desired },
          { version: 1, templates: current },
          { prune: true, validate: false },
        );
        const keys = (drafts: readonly { name: string; language?: string }[]) =>
          new Set(drafts.map((d) => `${d.name}/${d.language}`));
        const [want, have] = [keys(desired), keys(current)];
        expect(keys(plan.create)).toEqual(new Set([...want].filter((k) => !have.has(k))));
        expect(keys(plan.delete)).toEqual(new Set([...have].filter((k) => !want.has(k))));
        // Same name and language means the same kind of draft here, so nothing differs.
        expect(plan.update).toEqual([]);
        expect(plan.unchanged.length + plan.create.length).toBe(desired.length);
      }),
      { numRuns: 200 },
    );
  });
});
