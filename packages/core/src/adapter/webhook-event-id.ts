import { createHash } from 'node:crypto';

/**
 * A webhook event's de-duplication key: the provider id, then the vendor's identity fields of the
 * report, joined with `:` (an absent field is empty). `%` and `:` inside a field are
 * percent-encoded, so different fields never give the same key. Built from what the vendor sent
 * and nothing else (never the time of receipt), so a redelivery gets the same key. For adapters.
 */
export function webhookEventId(provider: string, parts: readonly (string | number | undefined)[]): string {
  let id = provider;
  for (const part of parts) id += `:${part === undefined ? '' : escapePart(String(part))}`;
  return id;
}

function escapePart(part: string): string {
  // Most fields hold neither character: skip the regular expression for them.
  return part.includes(':') || part.includes('%') ? part.replace(/[%:]/g, encodeURIComponent) : part;
}

/**
 * A short, stable digest of a JSON value as received, for the identity of reports that name none
 * of their own (unknown events): the same report redelivered gives the same digest.
 */
export function jsonFingerprint(value: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(value) ?? '')
    .digest('base64url')
    .slice(0, 22);
}
