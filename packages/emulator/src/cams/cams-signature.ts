import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/*
 * Alibaba Cloud signature V3, ACS3-HMAC-SHA256, computed from the request as received: the
 * canonical request is rebuilt from the raw query string and header values.
 * https://www.alibabacloud.com/help/en/sdk/product-overview/v3-request-structure-and-signature
 */

export const ACS3_ALGORITHM = 'ACS3-HMAC-SHA256';

export interface Acs3Authorization {
  accessKeyId: string;
  /** Lower-case header names, in the order given. */
  signedHeaders: string[];
  signature: string;
}

/** Parses `ACS3-HMAC-SHA256 Credential=<id>,SignedHeaders=<a;b>,Signature=<hex>`. */
export function parseAcs3Authorization(value: string): Acs3Authorization | undefined {
  const match = /^ACS3-HMAC-SHA256\s+(.+)$/.exec(value.trim());
  if (!match?.[1]) return undefined;
  const fields = new Map<string, string>();
  for (const part of match[1].split(',')) {
    const separator = part.indexOf('=');
    if (separator > 0) fields.set(part.slice(0, separator).trim(), part.slice(separator + 1).trim());
  }
  const accessKeyId = fields.get('Credential');
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (!accessKeyId || !signedHeaders || !signature) return undefined;
  return {
    accessKeyId,
    signedHeaders: signedHeaders.split(';').map((name) => name.toLowerCase()),
    signature,
  };
}

/** Percent-encoding per RFC 3986: unreserved characters kept, everything else `%XX` (space is `%20`). */
export function rfc3986(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * Decodes a query string or form body into name/value pairs (`+` is a space, as in forms).
 * Returns undefined when a `%` escape is malformed.
 */
export function decodeParameters(raw: string): Array<[string, string]> | undefined {
  const pairs: Array<[string, string]> = [];
  for (const part of raw.split('&')) {
    if (part === '') continue;
    const separator = part.indexOf('=');
    const name = separator === -1 ? part : part.slice(0, separator);
    const value = separator === -1 ? '' : part.slice(separator + 1);
    try {
      pairs.push([
        decodeURIComponent(name.replaceAll('+', ' ')),
        decodeURIComponent(value.replaceAll('+', ' ')),
      ]);
    } catch {
      return undefined;
    }
  }
  return pairs;
}

/** The canonical query string: names and values RFC 3986-encoded, sorted by name, joined by `&`. */
export function canonicalQueryString(pairs: ReadonlyArray<[string, string]>): string {
  return pairs
    .map(([name, value]) => [rfc3986(name), rfc3986(value)] as const)
    .sort(([a, aValue], [b, bValue]) => compare(a, b) || compare(aValue, bValue))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

export interface CanonicalRequestParts {
  method: string;
  /** `/` for CAMS. */
  path: string;
  query: ReadonlyArray<[string, string]>;
  headers: IncomingHttpHeaders;
  signedHeaders: readonly string[];
  payloadHash: string;
}

/**
 * `Method \n URI \n Query \n CanonicalHeaders \n SignedHeaders \n HashedPayload`. Returns undefined
 * when a signed header is absent from the request.
 */
export function canonicalRequest(parts: CanonicalRequestParts): string | undefined {
  const names = [...parts.signedHeaders].sort(compare);
  let canonicalHeaders = '';
  for (const name of names) {
    // The names come from the request's SignedHeaders: only the request's own headers count, never
    // what an object inherits (`constructor`, `toString`).
    const value = Object.hasOwn(parts.headers, name) ? parts.headers[name] : undefined;
    if (value === undefined) return undefined;
    canonicalHeaders += `${name}:${String(value).trim()}\n`;
  }
  return [
    parts.method,
    parts.path,
    canonicalQueryString(parts.query),
    canonicalHeaders,
    names.join(';'),
    parts.payloadHash,
  ].join('\n');
}

export function acs3StringToSign(canonical: string): string {
  return `${ACS3_ALGORITHM}\n${sha256Hex(canonical)}`;
}

export function acs3Signature(accessKeySecret: string, stringToSign: string): string {
  return createHmac('sha256', accessKeySecret).update(stringToSign, 'utf8').digest('hex');
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Compares two hex digests in constant time. */
export function digestsMatch(expected: string, received: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(received.toLowerCase(), 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
