import { createHash } from 'node:crypto';

export type NxcloudSignAlgorithm = 'md5' | 'sha256';

export interface NxcloudSignInput {
  readonly accessKey: string;
  readonly accessSecret: string;
  readonly action: string;
  readonly bizType: string | number;
  /** Epoch milliseconds, exactly as sent in the `ts` header. */
  readonly ts: string | number;
  /** The exact JSON text sent as the request body; absent or empty for body-less signing. */
  readonly body?: string;
  readonly algorithm?: NxcloudSignAlgorithm;
}

/**
 * NXCloud's request signature, as its API convention page (API接口调用约定) defines it: the
 * signed headers in ASCII order of their names, then the body, then the secret, hashed as UTF-8
 * and written as lower-case hex. The body must be the very string that goes on the wire: NXCloud
 * hashes the bytes it receives, so any re-serialisation between signing and sending breaks the
 * signature.
 */
export function signNxcloud(input: NxcloudSignInput): string {
  // accessKey < action < bizType < ts is already the ASCII order the vendor asks for.
  const headers = `accessKey=${input.accessKey}&action=${input.action}&bizType=${input.bizType}&ts=${input.ts}`;
  const body = input.body ? `&body=${input.body}` : '';
  return createHash(input.algorithm ?? 'md5')
    .update(`${headers}${body}&accessSecret=${input.accessSecret}`, 'utf8')
    .digest('hex');
}
