import { createHash, createHmac } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/*
 * OSS signature V4 (OSS4-HMAC-SHA256), rebuilt from a request as received. Written from OSS's V4
 * page and from how the official client `ali-oss` 6.23 signs (lib/common/signUtils.js): no OSS
 * package verifies signatures server-side, and the emulator must not sign with the client it checks.
 * https://www.alibabacloud.com/help/en/oss/developer-reference/recommend-to-use-signature-version-4
 */

export const OSS4_ALGORITHM = 'OSS4-HMAC-SHA256';

export interface Oss4Authorization {
  accessKeyId: string;
  /** `yyyymmdd` */
  date: string;
  region: string;
  product: string;
  additionalHeaders: string[];
  signature: string;
}

/** Parses `OSS4-HMAC-SHA256 Credential=<id>/<date>/<region>/oss/aliyun_v4_request,AdditionalHeaders=a;b,Signature=<hex>`. */
export function parseOss4Authorization(value: string): Oss4Authorization | undefined {
  const match = /^OSS4-HMAC-SHA256\s+(.+)$/.exec(value.trim());
  if (!match?.[1]) return undefined;
  const fields = new Map<string, string>();
  for (const part of match[1].split(',')) {
    const separator = part.indexOf('=');
    if (separator > 0) fields.set(part.slice(0, separator).trim(), part.slice(separator + 1).trim());
  }
  const scope = fields.get('Credential')?.split('/');
  const signature = fields.get('Signature');
  if (scope?.length !== 5 || scope[4] !== 'aliyun_v4_request' || !signature) return undefined;
  const [accessKeyId, date, region, product] = scope as [string, string, string, string];
  const additional = fields.get('AdditionalHeaders');
  return {
    accessKeyId,
    date,
    region,
    product,
    additionalHeaders: additional ? additional.split(';').map((name) => name.toLowerCase()) : [],
    signature,
  };
}

/** RFC 3986 percent-encoding, as ali-oss's `encodeString`. */
function encode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

export interface OssCanonicalParts {
  method: string;
  bucket: string;
  key: string;
  /** The raw query string, without `?`. */
  rawQuery: string;
  headers: IncomingHttpHeaders;
  additionalHeaders: readonly string[];
}

/**
 * `Method \n /bucket/key \n Query \n CanonicalHeaders \n AdditionalHeaders \n HashedPayload`:
 * signed headers are `content-type`, `content-md5`, every `x-oss-*` header and the additional ones;
 * the payload hash is `x-oss-content-sha256` (ali-oss sends `UNSIGNED-PAYLOAD`). Returns undefined
 * when an additional header is absent.
 */
export function ossCanonicalRequest(parts: OssCanonicalParts): string | undefined {
  const names = new Set(parts.additionalHeaders);
  for (const name of Object.keys(parts.headers)) {
    if (name === 'content-type' || name === 'content-md5' || name.startsWith('x-oss-')) names.add(name);
  }
  let canonicalHeaders = '';
  for (const name of [...names].sort()) {
    const value = Object.hasOwn(parts.headers, name) ? parts.headers[name] : undefined;
    if (value === undefined) return undefined;
    canonicalHeaders += `${name}:${String(value).trim()}\n`;
  }
  return [
    parts.method,
    encode(`/${parts.bucket}/${parts.key}`).replace(/%2F/g, '/'),
    canonicalQuery(parts.rawQuery),
    canonicalHeaders,
    parts.additionalHeaders.join(';'),
    String(parts.headers['x-oss-content-sha256'] ?? 'UNSIGNED-PAYLOAD'),
  ].join('\n');
}

/** Names and values encoded, sorted by name; a parameter without `=` (a sub-resource) stays bare. */
function canonicalQuery(rawQuery: string): string {
  return rawQuery
    .split('&')
    .filter((part) => part !== '')
    .map((part) => {
      const separator = part.indexOf('=');
      const name = encode(decodeURIComponent(separator === -1 ? part : part.slice(0, separator)));
      return separator === -1
        ? [name, name]
        : [name, `${name}=${encode(decodeURIComponent(part.slice(separator + 1)))}`];
    })
    .sort(([a], [b]) => (a as string).localeCompare(b as string))
    .map(([, pair]) => pair)
    .join('&');
}

/** `OSS4-HMAC-SHA256 \n <x-oss-date> \n <date>/<region>/oss/aliyun_v4_request \n hex(sha256(canonical))`. */
export function ossStringToSign(dateTime: string, region: string, canonical: string): string {
  const scope = `${dateTime.slice(0, 8)}/${region}/oss/aliyun_v4_request`;
  return [OSS4_ALGORITHM, dateTime, scope, createHash('sha256').update(canonical).digest('hex')].join('\n');
}

/** The signing key is derived through the date, region and product; the signature is hex. */
export function ossSignature(secret: string, date: string, region: string, stringToSign: string): string {
  let key = createHmac('sha256', `aliyun_v4${secret}`).update(date).digest();
  for (const part of [region, 'oss', 'aliyun_v4_request'])
    key = createHmac('sha256', key).update(part).digest();
  return createHmac('sha256', key).update(stringToSign).digest('hex');
}
