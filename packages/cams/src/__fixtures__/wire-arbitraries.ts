// Test generators, not vendor payloads: what the lenient wire schemas admit for each kind of
// field, nulls included, and the checks the property tests of the wire schemas share.
import { ResponseFormatError } from '@whatsapp-bsp/core';
import fc from 'fast-check';
import { afterAll, expect } from 'vitest';
import type { CamsSend } from '../transport/cams-transport.js';
import type { AnswerSchema } from '../transport/cams-wire-values.js';
import { camsAnswer } from '../transport/read-cams-answer.js';

export const nullable = <T>(value: fc.Arbitrary<T>) => fc.option(value, { nil: null });
export const text = fc.oneof(fc.string(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));
export const id = fc.oneof(fc.string({ minLength: 1 }), fc.maxSafeInteger());
export const integer = fc.oneof(fc.integer(), fc.integer({ min: -1e14, max: 1e14 }).map(String));
export const epochMs = fc.oneof(
  fc.integer({ min: -8.64e15, max: 8.64e15 }),
  fc.integer({ min: 0, max: 2e12 }).map(String),
);
export const boolean = fc.oneof(fc.boolean(), fc.constantFrom('true', 'false'));
export const enumValue = (...known: string[]) =>
  fc.oneof(fc.constantFrom(...known), fc.string(), fc.jsonValue());

/** Any JSON, or close to the documented shapes with any JSON in every field. */
export const anyData = fc.oneof(
  fc.jsonValue(),
  fc.record({
    FlowId: fc.jsonValue(),
    FlowName: fc.jsonValue(),
    TemplateCode: fc.jsonValue(),
    Name: fc.jsonValue(),
    Language: fc.jsonValue(),
    Status: fc.jsonValue(),
    AuditStatus: fc.jsonValue(),
    Categories: fc.jsonValue(),
    Components: fc.oneof(
      fc.jsonValue(),
      fc.array(fc.dictionary(fc.constantFrom('Type', 'Buttons', 'Cards', 'Text'), fc.jsonValue())),
    ),
    PreviewUrl: fc.jsonValue(),
    PreviewUrlExpires: fc.jsonValue(),
  }),
);

/**
 * A transport that answers every action with `body`, as the real one hands over a checked
 * success: so a property test runs a sub-provider's own decoding, without a network.
 */
export function answering(body: Record<string, unknown>): CamsSend {
  return async (action) => camsAnswer(action, body, 200, 'REQ');
}

/**
 * Returns `expectAdmitted(schema, body)`: the lenient schema admits the body, and when the schema
 * of documented types admits it too, both give the same output, so parsing with either first
 * changes nothing. At the end of the file, at least one body must have been admitted as
 * documented, or the generators never produce a documented answer and the comparison never ran.
 */
export function admissionCheck(): (schema: AnswerSchema<unknown>, body: unknown) => void {
  let admittedAsDocumented = 0;
  afterAll(() => expect(admittedAsDocumented).toBeGreaterThan(0));
  return (schema, body) => {
    const lenient = schema.lenient.safeParse(body);
    expect(lenient.success).toBe(true);
    const documented = schema.documented.safeParse(body);
    if (!documented.success) return;
    admittedAsDocumented += 1;
    expect(documented.data).toEqual(lenient.data);
  };
}

/** Runs `decode`; a thrown error must be a ResponseFormatError, a result must pass `check`. */
export async function decodesOrRefuses(
  decode: () => Promise<{ value: unknown }>,
  check: (value: unknown) => boolean,
): Promise<void> {
  let value: unknown;
  try {
    value = (await decode()).value;
  } catch (error) {
    expect(ResponseFormatError.isInstance(error), String(error)).toBe(true);
    return;
  }
  expect(check(value)).toBe(true);
}
