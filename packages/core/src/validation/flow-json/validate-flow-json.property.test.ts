import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FlowValidationErrorSchema } from '../../model/flow.js';
import { META_EXAMPLE_FLOWS } from './__fixtures__/meta-example-flows.js';
import { FLOW_JSON_ERROR_CODES } from './error-codes.js';
import { validateFlowJson } from './validate-flow-json.js';

/*
 * Hostile and broken input: whatever it gets, validateFlowJson returns a list of well-formed
 * errors and never throws.
 */

function expectWellFormed(errors: unknown): void {
  expect(Array.isArray(errors)).toBe(true);
  for (const error of errors as unknown[]) {
    const parsed = FlowValidationErrorSchema.safeParse(error);
    expect(parsed.success).toBe(true);
    if (!parsed.success) return;
    const { error: code, errorType, pointers, lineStart, lineEnd } = parsed.data;
    expect(Object.hasOwn(FLOW_JSON_ERROR_CODES, code ?? '')).toBe(true);
    expect(errorType).toBe(FLOW_JSON_ERROR_CODES[code as keyof typeof FLOW_JSON_ERROR_CODES].errorType);
    expect(pointers).toHaveLength(1);
    expect(typeof pointers?.[0]?.path).toBe('string');
    if (lineStart !== undefined) {
      expect(lineStart).toBeGreaterThanOrEqual(1);
      expect(lineEnd).toBeGreaterThanOrEqual(lineStart);
    }
  }
}

type Container = Record<string, unknown> | unknown[];

/** Every place in a document that holds a value, as its container and its key there. */
function places(value: unknown): [Container, string | number][] {
  const found: [Container, string | number][] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) {
      node.forEach((item, index) => {
        found.push([node, index]);
        visit(item);
      });
    } else if (typeof node === 'object' && node !== null) {
      for (const [key, item] of Object.entries(node)) {
        found.push([node as Record<string, unknown>, key]);
        visit(item);
      }
    }
  };
  visit(value);
  return found;
}

const mutationArbitrary = fc.record({
  place: fc.nat(),
  kind: fc.constantFrom('replace', 'delete', 'copy'),
  value: fc.jsonValue({ maxDepth: 3 }),
});

type Mutation = { place: number; kind: 'replace' | 'delete' | 'copy'; value: unknown };

/** Replaces, deletes or copies (from elsewhere in the document) the value at one place. */
function mutate(document: unknown, { place, kind, value }: Mutation): void {
  const all = places(document);
  if (all.length === 0) return;
  const [container, key] = all[place % all.length]!;
  if (kind === 'delete') {
    if (Array.isArray(container)) container.splice(key as number, 1);
    else delete container[key as string];
    return;
  }
  const replacement = kind === 'copy' ? structuredClone(all[(place * 7 + 3) % all.length]![0]) : value;
  (container as Record<string | number, unknown>)[key] = replacement;
}

describe('validateFlowJson on hostile input', () => {
  it('returns well-formed errors for any JSON value, given as a value or as text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expectWellFormed(validateFlowJson(value));
        expectWellFormed(validateFlowJson(JSON.stringify(value)));
      }),
      { numRuns: 300 },
    );
  });

  it('returns well-formed errors for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        expectWellFormed(validateFlowJson(text));
      }),
      { numRuns: 300 },
    );
  });

  it("returns well-formed errors for random changes to Meta's example flows", () => {
    fc.assert(
      fc.property(
        fc.nat({ max: META_EXAMPLE_FLOWS.length - 1 }),
        fc.array(mutationArbitrary, { minLength: 1, maxLength: 6 }),
        (example, mutations) => {
          const document = structuredClone(META_EXAMPLE_FLOWS[example]!.flow);
          for (const mutation of mutations) mutate(document, mutation as Mutation);
          expectWellFormed(validateFlowJson(document));
          expectWellFormed(validateFlowJson(JSON.stringify(document, null, 1)));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("returns well-formed errors when the text of Meta's examples is cut and spliced", () => {
    fc.assert(
      fc.property(
        fc.nat({ max: META_EXAMPLE_FLOWS.length - 1 }),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 20 }), fc.string({ maxLength: 5 })), {
          minLength: 1,
          maxLength: 4,
        }),
        (example, edits) => {
          let text = JSON.stringify(META_EXAMPLE_FLOWS[example]!.flow, null, 2);
          for (const [at, remove, insert] of edits) {
            const start = at % (text.length + 1);
            text = text.slice(0, start) + insert + text.slice(start + remove);
          }
          expectWellFormed(validateFlowJson(text));
        },
      ),
      { numRuns: 300 },
    );
  });
});
