import { BspError } from '../errors/bsp-error.js';

/** What the receiver answers the vendor. */
export interface WebhookAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

const REASONS: Readonly<Record<number, string>> = {
  200: 'OK',
  400: 'Bad Request',
  401: 'Unauthorized',
  405: 'Method Not Allowed',
  413: 'Content Too Large',
  500: 'Internal Server Error',
};

/**
 * A small JSON answer. Success is `{"code":0,...}` because Alibaba Cloud's HTTP pushes read
 * `code: 0` as "received" where they read the body at all; NXCloud documents no answer, and a
 * 200 is what counts for both. Errors say only the status's reason: never the body or why a
 * secret did not match.
 */
export function webhookAnswer(status: number, extraHeaders: Record<string, string> = {}): WebhookAnswer {
  const msg = REASONS[status] ?? 'Error';
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...extraHeaders },
    body: JSON.stringify({ code: status === 200 ? 0 : status, msg }),
  };
}

/**
 * The status for a call `parse` refused: 401, 413 or 400 as the error says; 500 for anything
 * else (a failing store, a bug), which the vendor will retry.
 */
export function statusForError(error: unknown): number {
  if (BspError.isInstance(error) && (error.code === 'AUTHENTICATION' || error.code === 'BAD_RESPONSE')) {
    return error.httpStatusCode ?? 400;
  }
  return 500;
}
