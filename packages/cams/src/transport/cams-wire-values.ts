import { once } from '@whatsapp-bsp/core/adapter';
import { z } from 'zod';

/*
 * Lenient schemas for the scalar fields of CAMS responses. The official SDK coerces numbers to
 * strings and digit strings to numbers, so the service is known to be loose about both; we accept
 * the same spellings, and treat `null` as absent. Anything else fails the schema and becomes a
 * ResponseFormatError rather than a silently wrong value.
 */

/*
 * Each building block is built on its first use, inside the answer schemas' `z.lazy`, and then
 * shared: building zod schemas at import time is most of what importing the package costs.
 */

/** A text field; a number sent in its place is kept as its decimal spelling. */
const wireText = once(() => z.union([z.string(), z.number().finite().transform(String)]));

/** An identifier; a number is only accepted while it is exact (larger ones lost digits in JSON.parse). */
const wireId = once(() => z.union([z.string().min(1), z.int().transform(String)]));

/** An integer, or a decimal string of one. */
const wireInteger = once(() =>
  z.union([
    z.int(),
    z
      .string()
      .regex(/^-?\d{1,15}$/)
      .transform(Number),
  ]),
);

/** The largest distance from the epoch, in milliseconds, that a JavaScript Date can hold. */
const MAX_DATE_MS = 8.64e15;

/** Epoch milliseconds within the range a JavaScript Date can hold. */
const wireEpochMs = once(() =>
  wireInteger().refine((ms) => Math.abs(ms) <= MAX_DATE_MS, 'not a representable date'),
);

const wireBoolean = once(() =>
  z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]),
);

const nullAsAbsent = once(() => z.null().transform(() => undefined));

/**
 * A field that may be missing or `null` on the wire; `null` reads as absent. A union rather than
 * `.nullish().transform(...)`: a present value takes the first branch and no transform runs, which
 * halves what the optional fields cost to parse.
 */
function optional<T extends z.ZodType>(schema: T) {
  return z.union([schema, nullAsAbsent()]).optional();
}

/** The field schemas an answer schema is built from. */
export interface WireFields {
  text(): z.ZodType<string>;
  id(): z.ZodType<string>;
  integer(): z.ZodType<number>;
  epochMs(): z.ZodType<number>;
  boolean(): z.ZodType<boolean>;
  optional<T extends z.ZodType>(schema: T): z.ZodOptional<z.ZodType<z.output<T>>>;
}

/** The lenient fields above: every spelling the service is known to use. */
const lenientFields: WireFields = {
  text: wireText,
  id: wireId,
  integer: wireInteger,
  epochMs: wireEpochMs,
  boolean: wireBoolean,
  // The union's null branch reads as absent, so the output is the schema's own, or undefined.
  optional: (schema) => optional(schema) as unknown as z.ZodOptional<z.ZodType<z.output<typeof schema>>>,
};

/**
 * Only the documented types, and no `null`: what the service sends almost always. A subset of the
 * lenient fields with the same output for what it accepts, parsed without their unions.
 */
const documentedFields: WireFields = {
  text: once(() => z.string()),
  id: once(() => z.string().min(1)),
  integer: once(() => z.int()),
  epochMs: once(() => z.int().min(-MAX_DATE_MS).max(MAX_DATE_MS)),
  boolean: once(() => z.boolean()),
  optional: (schema) => schema.optional() as z.ZodOptional<z.ZodType<z.output<typeof schema>>>,
};

/**
 * One answer's schema built twice: from the documented fields, tried first, and from the lenient
 * ones, the authority, used when the first fails; the pair core's `parseWire` takes. Parsing the
 * lenient unions on every answer cost a tenth of the throughput on loopback (see
 * docs/performance.md); the answers that need them are rare. Both are built on the first answer,
 * not at import.
 */
export interface AnswerSchema<Output> {
  readonly documented: z.ZodType<Output>;
  readonly lenient: z.ZodType<Output>;
}

/** What an answer schema parses to. */
export type AnswerOf<Schema> = Schema extends AnswerSchema<infer Output> ? Output : never;

export function answerSchema<T extends z.ZodType>(
  build: (fields: WireFields) => T,
): AnswerSchema<z.output<T>> {
  return {
    documented: z.lazy(() => build(documentedFields)),
    lenient: z.lazy(() => build(lenientFields)),
  };
}
