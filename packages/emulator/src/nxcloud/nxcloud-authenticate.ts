import type { NxcloudAccount } from '../credentials.js';
import { headerValue, type VendorRequest, type VendorResponse } from '../server/vendor-protocol.js';
import { nxcloudError } from './nxcloud-errors.js';
import { type NxcloudSignAlgorithm, nxcloudSignature, nxcloudSignatureMatches } from './nxcloud-signature.js';

/** NXCloud accepts `ts` within this many milliseconds of its own clock (error 1004 outside). */
export const NXCLOUD_TS_WINDOW_MS = 60_000;

/** The WhatsApp business line; any other `bizType` is error 1002. */
const WHATSAPP_BIZ_TYPE = '2';

const COMMON_HEADERS = ['accessKey', 'ts', 'bizType', 'action', 'sign'] as const;

/**
 * NXCloud's common-header checks (`accessKey`, `ts`, `bizType`, `action`, `sign`, `algorithm`;
 * result codes 1001-1005 of its API convention page), in an order that lets each documented
 * code be reached: the signature is verified before `bizType` and `action` are judged, so a
 * correctly signed request for another business line gets 1002, not 1003. Returns the error
 * answer, or undefined when the request passes.
 */
export function authenticateNxcloudRequest(
  request: VendorRequest,
  route: { actions: readonly string[]; bodyType?: 'json' | 'multipart' },
  account: NxcloudAccount,
  nowMs: number,
): VendorResponse | undefined {
  const header = (name: string) => headerValue(request, name);
  const values: Partial<Record<(typeof COMMON_HEADERS)[number], string>> = {};
  for (const name of COMMON_HEADERS) {
    values[name] = header(name);
    if (values[name] === undefined) return nxcloudError(1001, `Missing common parameters: ${name}`);
  }
  const { accessKey, ts, bizType, action, sign } = values as Record<(typeof COMMON_HEADERS)[number], string>;
  if (accessKey !== account.accessKey) return nxcloudError(1005, 'Insufficient permissions');
  if (!/^\d{13}$/.test(ts) || Math.abs(Number(ts) - nowMs) > NXCLOUD_TS_WINDOW_MS) {
    return nxcloudError(1004, 'Timestamp has expired');
  }
  const multipart = route.bodyType === 'multipart';
  const expectedType = multipart ? 'multipart/form-data' : 'application/json';
  const contentType = header('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (contentType !== expectedType) {
    return nxcloudError(1003, `Invalid signature: Content-Type must be ${expectedType}`);
  }
  const algorithm = (header('algorithm') ?? 'md5').toLowerCase();
  if (algorithm !== 'md5' && algorithm !== 'sha256') {
    return nxcloudError(1003, 'Invalid signature: algorithm must be md5 or sha256');
  }
  const expected = nxcloudSignature(
    { accessKey, action, bizType, ts },
    // Upload endpoints are signed without their body (the convention page's multipart rule).
    multipart ? Buffer.alloc(0) : request.body,
    account.accessSecret,
    algorithm as NxcloudSignAlgorithm,
  );
  if (!nxcloudSignatureMatches(expected, sign)) return nxcloudError(1003, 'Invalid signature');
  if (bizType !== WHATSAPP_BIZ_TYPE || !route.actions.includes(action)) {
    return nxcloudError(1002, 'Parameter error: wrong bizType or action for this endpoint');
  }
  return undefined;
}
