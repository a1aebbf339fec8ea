import type { BspError } from '@whatsapp-bsp/core';
import {
  MAX_RESPONSE_JSON_DEPTH,
  nestedDeeperThan,
  parseRetryAfter,
  type WireMismatch,
} from '@whatsapp-bsp/core/adapter';
import type { CamsAnswer } from './cams-answer.js';
import { camsBadResponse, camsUnreadableError, camsVendorError, requestIdOf } from './cams-errors.js';

/** What the transport received: the status, the headers, and the body as text. */
export interface CamsResponse {
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, unknown>>;
  readonly body: string;
}

/**
 * The answer to `action`, parsed and checked: a JSON object whose `Code` is "OK" or absent, with
 * a status below 400. Anything else is thrown as the core error it is. The secrets to redact and
 * the clock are read only if the answer is a failure.
 */
export function readCamsAnswer(
  action: string,
  response: CamsResponse,
  secrets: () => readonly string[],
  now: () => number = Date.now,
): CamsAnswer {
  const { statusCode: httpStatusCode, body: text } = response;
  const failed = httpStatusCode >= 400;
  const retryAfterMs = () => {
    const retryAfter = response.headers['retry-after'];
    return parseRetryAfter(typeof retryAfter === 'string' ? retryAfter : undefined, now());
  };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    if (failed) throw camsUnreadableError(httpStatusCode, headerRequestId(response), retryAfterMs());
    const what = text.trim() === '' ? 'an empty body' : 'a body that is not JSON';
    throw camsBadResponse(`CAMS answered HTTP ${httpStatusCode} with ${what}`, {
      httpStatusCode,
      requestId: headerRequestId(response),
    });
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    if (failed) throw camsUnreadableError(httpStatusCode, headerRequestId(response), retryAfterMs());
    throw camsBadResponse(`CAMS answered HTTP ${httpStatusCode} with JSON that is not an object`, {
      httpStatusCode,
      requestId: headerRequestId(response),
    });
  }
  const record = body as Record<string, unknown>;
  // An error answer is read for its Code, Message and RequestId alone, whatever else it holds.
  if (failed) throw camsVendorError(record, httpStatusCode, secrets(), retryAfterMs());
  if (nestedDeeperThan(record, MAX_RESPONSE_JSON_DEPTH)) {
    throw camsBadResponse(
      `CAMS answered HTTP ${httpStatusCode} with JSON nested deeper than ${MAX_RESPONSE_JSON_DEPTH} levels`,
      { httpStatusCode, requestId: headerRequestId(response) },
    );
  }
  // The outcome is the body's Code, whatever the HTTP status.
  if (record.Code !== undefined && record.Code !== null && record.Code !== 'OK') {
    throw camsVendorError(record, httpStatusCode, secrets(), retryAfterMs());
  }
  return camsAnswer(action, record, httpStatusCode, requestIdOf(record) ?? headerRequestId(response));
}

/** An answer to `action` whose body has passed the checks above. */
export function camsAnswer(
  action: string,
  body: Record<string, unknown>,
  httpStatusCode: number,
  requestId: string | undefined,
): CamsAnswer {
  const mismatch = (detail: WireMismatch): BspError =>
    camsBadResponse(
      `CAMS ${action} answer does not match the documented shape at \`${detail.path || 'body'}\`: ${detail.message}`,
      { httpStatusCode, requestId, raw: body },
    );
  return requestId === undefined
    ? { body, httpStatusCode, mismatch }
    : { body, httpStatusCode, requestId, mismatch };
}

/** The request id of the response header, for answers whose body has none. */
function headerRequestId(response: CamsResponse): string | undefined {
  const value = response.headers['x-acs-request-id'];
  return typeof value === 'string' ? value.trim() : undefined;
}
