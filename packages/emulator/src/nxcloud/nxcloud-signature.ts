import { createHash, timingSafeEqual } from 'node:crypto';

export type NxcloudSignAlgorithm = 'md5' | 'sha256';

export interface NxcloudSignedHeaders {
  accessKey: string;
  action: string;
  bizType: string;
  ts: string;
}

/**
 * NXCloud's request signature, as its API convention page ("API接口调用约定") describes it: the
 * hex digest of
 * `accessKey=…&action=…&bizType=…&ts=…[&body=<raw body>]&accessSecret=…`. The body part is left
 * out when the body is empty. The raw body bytes are hashed as received, never re-encoded.
 */
export function nxcloudSignature(
  headers: NxcloudSignedHeaders,
  body: Buffer,
  accessSecret: string,
  algorithm: NxcloudSignAlgorithm,
): string {
  const headersPart = `accessKey=${headers.accessKey}&action=${headers.action}&bizType=${headers.bizType}&ts=${headers.ts}`;
  const parts: Buffer[] = [Buffer.from(headersPart, 'utf8')];
  if (body.length > 0) parts.push(Buffer.from('&body=', 'utf8'), body);
  parts.push(Buffer.from(`&accessSecret=${accessSecret}`, 'utf8'));
  return createHash(algorithm).update(Buffer.concat(parts)).digest('hex');
}

/** Compares a received `sign` with the expected one in constant time. */
export function nxcloudSignatureMatches(expected: string, received: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(received, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
