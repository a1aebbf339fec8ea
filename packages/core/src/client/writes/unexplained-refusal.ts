import { BspError } from '../../errors/bsp-error.js';

/**
 * Whether a write failed with a refusal the adapter could not explain: the vendor answered with a
 * failure (nothing was applied) that is neither about the credentials, the permissions, the rate
 * nor a conflict it recognised — a bad request or a generic vendor failure (NXCloud's `-1`, a CAMS
 * code the adapter does not know). Such a refusal may hide a name already taken or a template in
 * the wrong state, which the client confirms with a read before reporting it.
 */
export function isUnexplainedRefusal(error: unknown): error is BspError {
  return (
    BspError.isInstance(error) &&
    error.outcome === 'failed' &&
    (error.code === 'INVALID_REQUEST' || error.code === 'UNAVAILABLE')
  );
}
