import type { CamsAccount } from '../credentials.js';
import { headerValue, type VendorRequest } from '../server/vendor-protocol.js';
import { CamsApiError, incompleteSignature, missingParameter } from './cams-errors.js';
import {
  acs3Signature,
  acs3StringToSign,
  canonicalRequest,
  decodeParameters,
  digestsMatch,
  parseAcs3Authorization,
  sha256Hex,
} from './cams-signature.js';

/** `x-acs-date` may differ from the emulator's clock by up to this much. */
export const CAMS_DATE_WINDOW_MS = 15 * 60 * 1000;

const SIGNED_DATE_FORMAT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/**
 * Verifies the ACS3-HMAC-SHA256 signature, then that the nonce is new. Returns the query
 * string's parameters, decoded once to check the signature.
 */
export function authenticateCamsRequest(
  request: VendorRequest,
  options: { account: CamsAccount; now: () => number },
  seenNonces: NonceCache,
): Array<[string, string]> {
  const authorization = headerValue(request, 'authorization');
  if (!authorization) throw incompleteSignature('the Authorization header is missing.');
  const auth = parseAcs3Authorization(authorization);
  if (!auth) {
    throw incompleteSignature(
      'Authorization must read "ACS3-HMAC-SHA256 Credential=…,SignedHeaders=…,Signature=…".',
    );
  }
  for (const name of ['x-acs-date', 'x-acs-signature-nonce', 'x-acs-content-sha256']) {
    if (!headerValue(request, name)) throw missingParameter(name);
  }
  const mustSign = Object.keys(request.headers).filter(
    (name) => name === 'host' || name === 'content-type' || name.startsWith('x-acs-'),
  );
  const unsigned = mustSign.find((name) => !auth.signedHeaders.includes(name));
  if (unsigned) throw incompleteSignature(`the header ${unsigned} must be signed.`);

  if (auth.accessKeyId !== options.account.accessKeyId) {
    throw new CamsApiError(400, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.');
  }
  const date = headerValue(request, 'x-acs-date') as string;
  if (!SIGNED_DATE_FORMAT.test(date) || Number.isNaN(Date.parse(date))) {
    throw new CamsApiError(
      400,
      'InvalidTimeStamp.Format',
      'Specified time stamp or date value is not well formatted.',
    );
  }
  if (Math.abs(Date.parse(date) - options.now()) > CAMS_DATE_WINDOW_MS) {
    throw new CamsApiError(400, 'InvalidTimeStamp.Expired', 'Specified time stamp or date value is expired.');
  }
  const payloadHash = headerValue(request, 'x-acs-content-sha256') as string;
  if (!digestsMatch(sha256Hex(request.body), payloadHash)) {
    throw new CamsApiError(
      400,
      'SignatureDoesNotMatch',
      'The x-acs-content-sha256 header does not match the body.',
    );
  }
  const query = decodeParameters(request.url.search.slice(1));
  if (!query) throw incompleteSignature('the query string is not well-formed.');
  const canonical = canonicalRequest({
    method: request.method,
    path: request.url.pathname,
    query,
    headers: request.headers,
    signedHeaders: auth.signedHeaders,
    payloadHash,
  });
  if (canonical === undefined) throw incompleteSignature('a signed header is missing from the request.');
  const stringToSign = acs3StringToSign(canonical);
  if (!digestsMatch(acs3Signature(options.account.accessKeySecret, stringToSign), auth.signature)) {
    throw new CamsApiError(
      400,
      'SignatureDoesNotMatch',
      `Specified signature is not matched with our calculation. server string to sign is:${stringToSign}`,
    );
  }
  // Checked last, so that only a correctly signed request uses up its nonce.
  if (
    !seenNonces.add(`${auth.accessKeyId}:${headerValue(request, 'x-acs-signature-nonce')}`, options.now())
  ) {
    throw new CamsApiError(400, 'SignatureNonceUsed', 'Specified signature nonce was used already.');
  }
  return query;
}

/** Nonces seen within the replay window, forgotten once they are older than it. */
export class NonceCache {
  private readonly seen = new Map<string, number>();

  constructor(private readonly ttlMs: number) {}

  /** Records a nonce; false when it was seen already. */
  add(nonce: string, nowMs: number): boolean {
    for (const [key, seenAt] of this.seen) {
      if (seenAt > nowMs - this.ttlMs) break;
      this.seen.delete(key);
    }
    if (this.seen.has(nonce)) return false;
    this.seen.set(nonce, nowMs);
    return true;
  }
}
