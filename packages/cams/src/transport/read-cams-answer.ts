import type { BspError } from '@whatsapp-bsp/core';
import {
  MAX_RESPONSE_JSON_DEPTH,
  nestedDeeperThan,
  parseRetryAfter,
  type WireMismatch,
} from '@whatsapp-bsp/core/adapter';
import type { CamsAnswer } from './cams-answer.js';
import { camsBadResponse, camsVendorError, requestIdOf } from './cams-errors.js';

/**
 * The body of a 2xx answer to `action`, parsed and checked: a JSON object whose `Code` is "OK"
 * or absent. The secrets to redact and the clock are read only if the answer is a failure.
 */
export function readCamsAnswer(
  action: string,
  response: { body?: unknown; headers?: Record<string, unknown>; statusCode?: unknown },
  secrets: () => readonly string[],
  now: () => number = Date.now,
): CamsAnswer {
  const httpStatusCode = typeof response.statusCode === 'number' ? response.statusCode : 200;
  const text = typeof response.body === 'string' ? response.body : '';
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    const what = text.trim() === '' ? 'an empty body' : 'a body that is not JSON';
    throw camsBadResponse(`CAMS answered HTTP ${httpStatusCode} with ${what}`, {
      httpStatusCode,
      requestId: headerRequestId(response),
    });
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw camsBadResponse(`CAMS answered HTTP ${httpStatusCode} with JSON that is not an object`, {
      httpStatusCode,
      requestId: headerRequestId(response),
    });
  }
  if (nestedDeeperThan(body, MAX_RESPONSE_JSON_DEPTH)) {
    throw camsBadResponse(
      `CAMS answered HTTP ${httpStatusCode} with JSON nested deeper than ${MAX_RESPONSE_JSON_DEPTH} levels`,
      { httpStatusCode, requestId: headerRequestId(response) },
    );
  }
  const record = body as Record<string, unknown>;
  // The outcome is the body's Code, whatever the HTTP status.
  if (record.Code !== undefined && record.Code !== null && record.Code !== 'OK') {
    const retryAfter = response.headers?.['retry-after'];
    const retryAfterMs = parseRetryAfter(typeof retryAfter === 'string' ? retryAfter : undefined, now());
    throw camsVendorError(record, httpStatusCode, secrets(), retryAfterMs);
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
function headerRequestId(response: { headers?: Record<string, unknown> }): string | undefined {
  const value = response.headers?.['x-acs-request-id'];
  return typeof value === 'string' ? value.trim() : undefined;
}
