import { BspError } from '../errors/bsp-error.js';
import { ProviderUnavailableError } from '../errors/error-classes.js';
import { attachMetadata, type WithMetadata } from '../model/metadata.js';
import type { Operation, ProviderCallContext, ProviderResult } from '../provider.js';
import type { Clock } from './clock.js';
import { callHook, type Hooks, summarizeError } from './hooks.js';
import type { RateLimiter } from './rate-limiter.js';
import { decideRetry, type RetryOptions } from './retry-policy.js';

export interface RunnerSettings {
  readonly providerId: string;
  readonly retry: Required<RetryOptions>;
  readonly timeoutMs: number;
  readonly rateLimiter: RateLimiter;
  /** Requests per second per operation; an operation absent here is not limited. */
  readonly rateLimits: Readonly<Partial<Record<Operation, number>>>;
  readonly hooks: Hooks;
  readonly clock: Clock;
  readonly random: () => number;
}

export interface CallOptions {
  readonly signal?: AbortSignal;
  /** Per-attempt time budget; overrides the client's `timeoutMs`. */
  readonly timeoutMs?: number;
}

/**
 * Runs one read operation the way every adapter needs it: rate limited, each attempt bounded by
 * a timeout, retried with back-off on retryable errors, never retried after an abort, observed
 * by hooks, and returning the value with its `$metadata`.
 */
export class OperationRunner {
  constructor(private readonly settings: RunnerSettings) {}

  async run<T extends object>(
    operation: Operation,
    request: Readonly<Record<string, unknown>>,
    call: (context: ProviderCallContext) => Promise<ProviderResult<T>>,
    options: CallOptions = {},
  ): Promise<WithMetadata<T>> {
    const { providerId, retry, hooks, clock } = this.settings;
    const timeoutMs = options.timeoutMs ?? this.settings.timeoutMs;
    let totalRetryDelayMs = 0;
    for (let attempt = 1; ; attempt += 1) {
      options.signal?.throwIfAborted();
      const rate = this.settings.rateLimits[operation];
      if (rate !== undefined) {
        await this.settings.rateLimiter.acquire(`${providerId}:${operation}`, rate, options.signal);
      }
      callHook(hooks.onRequest, { provider: providerId, operation, attempt, request });
      const startedAt = clock.now();
      try {
        const result = await runAttempt(call, attempt, timeoutMs, operation, providerId, options.signal);
        const fields = optionalFields(result);
        callHook(hooks.onResponse, {
          provider: providerId,
          operation,
          attempt,
          durationMs: clock.now() - startedAt,
          ...fields,
        });
        return attachMetadata(result.value, {
          provider: providerId,
          ...fields,
          attempts: attempt,
          totalRetryDelayMs,
        });
      } catch (error) {
        const summary = summarizeError(error);
        callHook(hooks.onResponse, {
          provider: providerId,
          operation,
          attempt,
          durationMs: clock.now() - startedAt,
          error: summary,
        });
        if (options.signal?.aborted) throw options.signal.reason;
        const decision = decideRetry(error, attempt, retry, this.settings.random);
        if (!decision.retry) {
          if (BspError.isInstance(error)) error.attempts = attempt;
          throw error;
        }
        callHook(hooks.onRetry, {
          provider: providerId,
          operation,
          attempt,
          delayMs: decision.delayMs,
          error: summary,
        });
        await clock.sleep(decision.delayMs, options.signal);
        totalRetryDelayMs += decision.delayMs;
      }
    }
  }
}

function optionalFields(result: ProviderResult<unknown>): { requestId?: string; httpStatusCode?: number } {
  const fields: { requestId?: string; httpStatusCode?: number } = {};
  if (result.requestId !== undefined) fields.requestId = result.requestId;
  if (result.httpStatusCode !== undefined) fields.httpStatusCode = result.httpStatusCode;
  return fields;
}

/**
 * One attempt, bounded by its timeout even if the adapter ignores the signal. Which signal fired
 * decides the outcome: the caller's abort is rethrown as is, the timeout becomes a retryable
 * ProviderUnavailableError.
 */
async function runAttempt<T>(
  call: (context: ProviderCallContext) => Promise<ProviderResult<T>>,
  attempt: number,
  timeoutMs: number,
  operation: Operation,
  providerId: string,
  callerSignal: AbortSignal | undefined,
): Promise<ProviderResult<T>> {
  const controller = new AbortController();
  let rejectOnAbort: (reason: unknown) => void = () => {};
  const aborted = new Promise<never>((_, reject) => {
    rejectOnAbort = reject;
  });
  // Only the runner aborts this controller, so it settles the race itself instead of listening
  // on the signal: on a successful call a listener costs more than all the runner's other work.
  const abort = (reason: unknown) => {
    controller.abort(reason);
    rejectOnAbort(reason);
  };
  // The error is built only if the timer fires, for the same reason: capturing a stack is slow.
  const timer = setTimeout(
    () =>
      abort(
        new ProviderUnavailableError(`${operation} timed out after ${timeoutMs} ms`, {
          provider: providerId,
        }),
      ),
    timeoutMs,
  );
  const onCallerAbort = () => abort(callerSignal?.reason);
  callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
  try {
    const pending = call({ signal: controller.signal, attempt, timeoutMs });
    // The adapter's promise may settle after the race is decided; never let that go unhandled.
    pending.catch(() => {});
    return await Promise.race([pending, aborted]);
  } catch (error) {
    if (controller.signal.aborted) throw controller.signal.reason;
    throw error;
  } finally {
    clearTimeout(timer);
    callerSignal?.removeEventListener('abort', onCallerAbort);
  }
}
