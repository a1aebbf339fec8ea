import { once } from '@whatsapp-bsp/core/adapter';
import { z } from 'zod';
import { lenientIntegerSchema } from './nxcloud-wire-values.js';

/**
 * Meta's timestamps as NXCloud relays them, e.g. `2024-01-13T10:03:53+0000`: an offset without a
 * colon, which is outside the ECMAScript date format (V8 accepts it, other engines may not), so
 * the parts are read here instead of handing the text to `Date`. A value that is not such a
 * timestamp fails the schema, so it ends as a ResponseFormatError instead of an Invalid Date.
 */
export const nxcloudTimestampSchema = once(() =>
  z.string().transform((text, context) => {
    const date = parseIsoTimestamp(text.trim());
    if (date === undefined) {
      context.addIssue({ code: 'custom', message: 'is not an ISO-8601 timestamp with an offset' });
      return z.NEVER;
    }
    return date;
  }),
);

const ISO_TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(?:Z|([+-])(\d{2}):?(\d{2}))$/;

/** Strict: `Date` would roll 2024-02-31 over to March 2 instead of refusing it. */
function parseIsoTimestamp(iso: string): Date | undefined {
  const match = ISO_TIMESTAMP.exec(iso);
  if (match === null) return undefined;
  // Absent optional parts (seconds, the fraction, a `Z` offset) count as zero; milliseconds are
  // the first three digits of the fraction, as `Date` reads them.
  const part = (group: number) => Number(match[group] ?? 0);
  const [year, month, day, hour, minute] = [part(1), part(2), part(3), part(4), part(5)];
  const [second, offsetHours, offsetMinutes] = [part(6), part(9), part(10)];
  const millisecond = Number(`${match[7] ?? ''}00`.slice(0, 3));
  if (
    // Date.UTC reads years below 100 as 19xx; no vendor timestamp is that old.
    year < 100 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    hour > 23 ||
    minute > 59 ||
    second > 59 ||
    offsetHours > 23 ||
    offsetMinutes > 59
  ) {
    return undefined;
  }
  const offsetMs = (match[8] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, millisecond) - offsetMs);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The largest distance from the epoch, in seconds, that a JavaScript Date can hold. */
const MAX_DATE_SECONDS = 8.64e12;

/**
 * Meta's Unix timestamps in seconds (e.g. `quality_score.date`), a number or a numeric string, as a
 * `Date`. One beyond what a `Date` holds fails the schema rather than becoming an Invalid Date.
 */
export const nxcloudUnixSecondsSchema = once(() =>
  lenientIntegerSchema()
    .refine((seconds) => Math.abs(seconds) <= MAX_DATE_SECONDS, 'is not a representable time')
    .transform((seconds) => new Date(seconds * 1000)),
);
