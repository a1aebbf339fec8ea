import type { z } from 'zod';
import type { BspError } from '../errors/bsp-error.js';

/**
 * A wire schema: one zod schema, or a pair tried in order. The pair is for vendors whose answers
 * are nearly always as documented: a schema of the documented field types parses those several
 * times faster than a lenient one of unions, which then decides the rare answer the first refuses
 * (and words the error).
 */
export type WireSchema<Output> =
  | z.ZodType<Output>
  | { readonly documented: z.ZodType<Output>; readonly lenient: z.ZodType<Output> };

/** Where a vendor's answer first differs from its wire schema. */
export interface WireMismatch {
  /** The path of the first field at fault, dot-separated; empty for the whole body. */
  readonly path: string;
  readonly message: string;
}

/**
 * Validates a vendor's answer against its wire schema and returns the parsed value. A mismatch
 * is the vendor answering what its API does not document: `mismatch` builds the adapter's error
 * for it (normally a ResponseFormatError naming the vendor operation and the field).
 *
 * @throws what `mismatch` returns.
 */
export function parseWire<Output>(
  schema: WireSchema<Output>,
  body: unknown,
  mismatch: (detail: WireMismatch) => BspError,
): Output {
  let authority: z.ZodType<Output>;
  if ('documented' in schema) {
    const documented = schema.documented.safeParse(body);
    if (documented.success) return documented.data;
    authority = schema.lenient;
  } else {
    authority = schema;
  }
  const result = authority.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw mismatch({ path: issue?.path.map(String).join('.') ?? '', message: issue?.message ?? 'invalid' });
}
