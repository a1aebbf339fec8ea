import { z } from 'zod';

/** A closed union of the given values plus `'UNKNOWN'`, for vendor enums that drift. */
export function enumWithUnknown<const Values extends readonly [string, ...string[]]>(values: Values) {
  return z.enum([...values, 'UNKNOWN'] as [...Values, 'UNKNOWN']);
}

/**
 * Maps a vendor's raw enum value to the closed union, case-insensitively, through optional
 * aliases. Anything else, including non-strings, becomes `'UNKNOWN'` (the raw value stays in
 * the entity's `raw`), so a new vendor value never crashes a read.
 */
export function toEnumValue<const Value extends string>(
  values: readonly Value[],
  raw: unknown,
  aliases: Readonly<Record<string, Value>> = {},
): Value | 'UNKNOWN' {
  if (typeof raw !== 'string') return 'UNKNOWN';
  const upper = raw.trim().toUpperCase();
  const alias = aliases[upper];
  if (alias !== undefined) return alias;
  return (values as readonly string[]).includes(upper) ? (upper as Value) : 'UNKNOWN';
}
