import { z } from 'zod';

/** One item of a list answer: parsed by its wire schema, and as received, for the entity's `raw`. */
export interface NxcloudListItem<Wire> {
  readonly wire: Wire;
  readonly raw: unknown;
}

/**
 * The schema of a list's items that keeps each item as received beside its parsed form: a wire
 * schema drops the keys it does not list and converts values (a timestamp to a Date), while an
 * entity's `raw` is the vendor's object exactly. A mismatch keeps its path (`data.3.name`), so the
 * error names the item and the field at fault.
 */
export function nxcloudListItemSchema<Wire>(schema: z.ZodType<Wire>): z.ZodType<NxcloudListItem<Wire>> {
  return z.unknown().transform((raw, context) => {
    const result = schema.safeParse(raw);
    if (result.success) return { wire: result.data, raw };
    for (const issue of result.error.issues) {
      context.addIssue({ code: 'custom', message: issue.message, path: issue.path });
    }
    return z.NEVER;
  });
}
