import { BspError, type ErrorCode } from '../../errors/bsp-error.js';

/**
 * Codes that already say why the vendor refused: no read can say more. A refusal with any other
 * code (INVALID_REQUEST, UNAVAILABLE, BAD_RESPONSE) may be the vendor's way of saying "name taken"
 * or "wrong state" without a code the adapter knows.
 */
const CLASSIFIED: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'AUTHENTICATION',
  'PERMISSION',
  'RATE_LIMITED',
  'CONFLICT',
  'NOT_FOUND',
  'CONFIG',
  'UNSUPPORTED',
  'WAIT_TIMEOUT',
]);

/**
 * Whether a write's error is a refusal the vendor answered (`outcome: 'failed'`) that the adapter
 * could not classify. The vendors document few of their conflict refusals (CAMS none for flows;
 * NXCloud relays Meta's errors with undocumented subcodes), so the client confirms such a refusal
 * with a read of the precondition before it reports a ConflictError.
 */
export function isUnclassifiedRefusal(error: unknown): error is BspError {
  return BspError.isInstance(error) && error.outcome === 'failed' && !CLASSIFIED.has(error.code);
}
