import type { BspError, ProviderResult } from '@whatsapp-bsp/core';
import type { WireMismatch } from '@whatsapp-bsp/core/adapter';

/*
 * What the transport hands the flows and templates modules: a body already known to be a JSON
 * object that reports success, and, for the rare body that then fails its wire schema, the error
 * to throw. So decoding needs nothing of how CAMS errors are classified.
 */

/** A successful answer: a JSON object whose `Code` is `"OK"` (or absent). */
export interface CamsAnswer {
  readonly body: Record<string, unknown>;
  readonly requestId?: string;
  readonly httpStatusCode: number;
  /** The error for a body that does not match the action's wire schema, for core's `parseWire`. */
  readonly mismatch: (detail: WireMismatch) => BspError;
}

/** A mapped value with what CAMS said about the call; no `requestId` key when it gave none. */
export function camsResult<T>(answer: CamsAnswer, value: T): ProviderResult<T> {
  return answer.requestId === undefined
    ? { value, httpStatusCode: answer.httpStatusCode }
    : { value, httpStatusCode: answer.httpStatusCode, requestId: answer.requestId };
}
