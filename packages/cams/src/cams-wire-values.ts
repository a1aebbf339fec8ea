import { z } from 'zod';
import { camsBadResponse } from './cams-errors.js';

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
function once<T>(build: () => T): () => T {
  let built: T | undefined;
  return () => {
    built ??= build();
    return built;
  };
}

/** A text field; a number sent in its place is kept as its decimal spelling. */
export const wireText = once(() => z.union([z.string(), z.number().finite().transform(String)]));

/** An identifier; a number is only accepted while it is exact (larger ones lost digits in JSON.parse). */
export const wireId = once(() => z.union([z.string().min(1), z.int().transform(String)]));

/** An integer, or a decimal string of one. */
export const wireInteger = once(() =>
  z.union([
    z.int(),
    z
      .string()
      .regex(/^-?\d{1,15}$/)
      .transform(Number),
  ]),
);

/** Epoch milliseconds within the range a JavaScript Date can hold. */
export const wireEpochMs = once(() =>
  wireInteger().refine((ms) => Math.abs(ms) <= 8.64e15, 'not a representable date'),
);

export const wireBoolean = once(() =>
  z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]),
);

const nullAsAbsent = once(() => z.null().transform(() => undefined));

/**
 * A field that may be missing or `null` on the wire; `null` reads as absent. A union rather than
 * `.nullish().transform(...)`: a present value takes the first branch and no transform runs, which
 * halves what the optional fields cost to parse.
 */
export function optional<T extends z.ZodType>(schema: T) {
  return z.union([schema, nullAsAbsent()]).optional();
}

/**
 * Validates one answer's body against its wire schema. A mismatch is the vendor answering
 * something its API does not document: a ResponseFormatError naming the first field at fault.
 */
export function parseWire<T extends z.ZodType>(
  schema: T,
  answer: { body: unknown; httpStatusCode: number; requestId?: string | undefined },
  action: string,
): z.output<T> {
  const result = schema.safeParse(answer.body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue?.path.length ? issue.path.join('.') : 'body';
  throw camsBadResponse(
    `CAMS ${action} answer does not match the documented shape at \`${where}\`: ${issue?.message ?? 'invalid'}`,
    {
      httpStatusCode: answer.httpStatusCode,
      requestId: answer.requestId,
      raw: answer.body,
    },
  );
}
