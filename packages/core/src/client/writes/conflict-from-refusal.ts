import type { BspError } from '../../errors/bsp-error.js';
import { ConflictError, NotFoundError } from '../../errors/error-classes.js';

/**
 * The ConflictError a vendor's refusal turns out to be once a read confirmed it: the vendor's
 * error is its `cause`, and its request id, codes, raw body and attempts are kept, so the report
 * still points at the refused request.
 */
export function conflictFromRefusal(
  refusal: BspError,
  message: string,
  extra: { readonly state?: string; readonly details?: Readonly<Record<string, unknown>> },
): ConflictError {
  const conflict = new ConflictError(message, {
    provider: refusal.provider,
    outcome: 'failed',
    cause: refusal,
    ...(extra.state !== undefined && { state: extra.state }),
    ...(extra.details !== undefined && { details: extra.details }),
    ...(refusal.vendorCode !== undefined && { vendorCode: refusal.vendorCode }),
    ...(refusal.httpStatusCode !== undefined && { httpStatusCode: refusal.httpStatusCode }),
    ...(refusal.requestId !== undefined && { requestId: refusal.requestId }),
    ...(refusal.raw !== undefined && { raw: refusal.raw }),
  });
  conflict.attempts = refusal.attempts;
  return conflict;
}

/**
 * The NotFoundError a vendor's refusal turns out to be once a read found nothing: as for
 * `conflictFromRefusal`, the refusal is the `cause` and its request id, codes and attempts are kept.
 */
export function notFoundFromRefusal(refusal: BspError, message: string, field: string): NotFoundError {
  const notFound = new NotFoundError(message, {
    provider: refusal.provider,
    field,
    cause: refusal,
    ...(refusal.vendorCode !== undefined && { vendorCode: refusal.vendorCode }),
    ...(refusal.httpStatusCode !== undefined && { httpStatusCode: refusal.httpStatusCode }),
    ...(refusal.requestId !== undefined && { requestId: refusal.requestId }),
  });
  notFound.attempts = refusal.attempts;
  return notFound;
}
