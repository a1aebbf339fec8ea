import { ResponseFormatError } from '@whatsapp-bsp/core';
import { z } from 'zod';
import { NXCLOUD_PROVIDER_ID } from './nxcloud-id.js';

/**
 * An integer that may arrive as a number, a float such as Meta's `139001.0`, or a numeric
 * string (the vendor docs type numbers loosely).
 */
export const lenientIntegerSchema = z
  .union([z.number().finite(), z.string().regex(/^-?\d+(\.\d+)?$/)])
  .transform((value) => Math.trunc(Number(value)))
  .pipe(z.int());

/** An optional text field; vendors write `null` as often as they leave a field out. */
export const optionalTextSchema = z.string().nullish();

/**
 * Meta's timestamps as NXCloud relays them, e.g. `2024-01-13T10:03:53+0000`. A colon-less
 * offset is outside the ECMAScript date format (V8 accepts it, other engines may not), so it is
 * rewritten to `+00:00` first. A value that is not such a timestamp fails the schema, so it ends
 * as a ResponseFormatError instead of an Invalid Date.
 */
export const nxcloudTimestampSchema = z.string().transform((text, context) => {
  const date = parseIsoTimestamp(text.trim().replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  if (date === undefined) {
    context.addIssue({ code: 'custom', message: 'is not an ISO-8601 timestamp with an offset' });
    return z.NEVER;
  }
  return date;
});

const ISO_TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/** Strict: `Date` would roll 2024-02-31 over to March 2 instead of refusing it. */
function parseIsoTimestamp(iso: string): Date | undefined {
  const match = ISO_TIMESTAMP.exec(iso);
  if (match === null) return undefined;
  // Absent optional parts (seconds, a `Z` offset) count as zero.
  const [year, month, day, hour, minute, second, offsetHours, offsetMinutes] = match
    .slice(1)
    .map((part) => Number(part ?? 0)) as [number, number, number, number, number, number, number, number];
  const calendarDay = new Date(Date.UTC(year, month - 1, day));
  const validCalendarDay =
    calendarDay.getUTCFullYear() === year &&
    calendarDay.getUTCMonth() === month - 1 &&
    calendarDay.getUTCDate() === day;
  if (
    !validCalendarDay ||
    hour > 23 ||
    minute > 59 ||
    second > 59 ||
    offsetHours > 23 ||
    offsetMinutes > 59
  ) {
    return undefined;
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** Parses a vendor value with its wire schema; a mismatch is the vendor's fault, not the caller's. */
export function parseWire<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  what: string,
): z.output<Schema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at \`${issue.path.join('.')}\`` : '';
  throw new ResponseFormatError(
    `NXCloud answered ${what} in an undocumented shape${where}: ${issue?.message ?? 'invalid'}`,
    { provider: NXCLOUD_PROVIDER_ID, raw: value },
  );
}
