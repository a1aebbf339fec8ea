import { BspError } from '../errors/bsp-error.js';
import { attachMetadata, type WithMetadata } from '../model/metadata.js';
import type { Operation, ProviderCallContext, ProviderResult } from '../provider.js';
import { Attempt } from './attempt.js';
import type { Clock } from './clock.js';
import { callHook, type Hooks, type ResponseEvent, summarizeError } from './hooks.js';
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
      // Events are built only for hooks that exist: a call without hooks pays nothing for them.
      if (hooks.onRequest) callHook(hooks.onRequest, { provider: providerId, operation, attempt, request });
      const startedAt = hooks.onResponse ? clock.now() : 0;
      try {
        const result = await new Attempt<T>(attempt, timeoutMs, operation, providerId, options.signal).run(
          call,
        );
        const fields = optionalFields(result);
        this.reportResponse(operation, attempt, startedAt, fields);
        return attachMetadata(result.value, {
          provider: providerId,
          ...fields,
          attempts: attempt,
          totalRetryDelayMs,
        });
      } catch (error) {
        const summary = summarizeError(error);
        this.reportResponse(operation, attempt, startedAt, { error: summary });
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

  /** Tells the `onResponse` hook, if there is one, how an attempt ended. */
  private reportResponse(
    operation: Operation,
    attempt: number,
    startedAt: number,
    outcome: Pick<ResponseEvent, 'requestId' | 'httpStatusCode' | 'error'>,
  ): void {
    const { hooks, clock, providerId } = this.settings;
    if (!hooks.onResponse) return;
    callHook(hooks.onResponse, {
      provider: providerId,
      operation,
      attempt,
      durationMs: clock.now() - startedAt,
      ...outcome,
    });
  }
}

function optionalFields(result: ProviderResult<unknown>): { requestId?: string; httpStatusCode?: number } {
  const fields: { requestId?: string; httpStatusCode?: number } = {};
  if (result.requestId !== undefined) fields.requestId = result.requestId;
  if (result.httpStatusCode !== undefined) fields.httpStatusCode = result.httpStatusCode;
  return fields;
}
