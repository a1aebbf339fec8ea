import { BspError, type ErrorCode, type RequestOutcome } from '../../errors/bsp-error.js';
import type { Operation } from '../../provider/operations.js';

/** What hooks see of an error: the fields a log line needs, nothing from the transport. */
export interface HookErrorSummary {
  readonly name: string;
  readonly code?: ErrorCode;
  readonly message: string;
  /** What became of the request: `not-sent`, `failed` or `unknown`. */
  readonly outcome?: RequestOutcome;
  readonly vendorCode?: string | number;
  readonly requestId?: string;
  readonly httpStatusCode?: number;
}

export interface RequestEvent {
  readonly provider: string;
  readonly operation: Operation;
  readonly attempt: number;
  /** The normalized request (ids, filters, page size); never credentials or signatures. */
  readonly request: Readonly<Record<string, unknown>>;
}

export interface ResponseEvent {
  readonly provider: string;
  readonly operation: Operation;
  readonly attempt: number;
  readonly durationMs: number;
  readonly requestId?: string;
  readonly httpStatusCode?: number;
  /** Set when the attempt failed. */
  readonly error?: HookErrorSummary;
}

export interface RetryEvent {
  readonly provider: string;
  readonly operation: Operation;
  /** The attempt that failed. */
  readonly attempt: number;
  readonly delayMs: number;
  readonly error: HookErrorSummary;
}

/** Callbacks for logging and metrics. They receive redacted data only; a throwing hook is reported as a process warning and does not fail the call. */
export interface Hooks {
  onRequest?(event: RequestEvent): void;
  onResponse?(event: ResponseEvent): void;
  onRetry?(event: RetryEvent): void;
}

export function summarizeError(error: unknown): HookErrorSummary {
  if (BspError.isInstance(error)) {
    const summary: { -readonly [K in keyof HookErrorSummary]: HookErrorSummary[K] } = {
      name: error.name,
      code: error.code,
      message: error.message,
      outcome: error.outcome,
    };
    if (error.vendorCode !== undefined) summary.vendorCode = error.vendorCode;
    if (error.requestId !== undefined) summary.requestId = error.requestId;
    if (error.httpStatusCode !== undefined) summary.httpStatusCode = error.httpStatusCode;
    return summary;
  }
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

export function callHook<E>(hook: ((event: E) => void) | undefined, event: E): void {
  if (!hook) return;
  try {
    hook(event);
  } catch (error) {
    process.emitWarning(
      `A whatsapp-bsp hook threw: ${summarizeError(error).message}`,
      'WhatsappBspHookWarning',
    );
  }
}
