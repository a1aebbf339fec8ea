import { BspError } from '../../errors/bsp-error.js';
import { attachMetadata, type WithMetadata } from '../../model/metadata.js';
import type { ProviderCallContext, ProviderResult } from '../../provider/call-context.js';
import { type Operation, operationDefinition } from '../../provider/operations.js';
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

/** Options every call accepts. */
export interface CallOptions {
  readonly signal?: AbortSignal;
  /** Per-attempt time budget in milliseconds; overrides the client's `timeoutMs`. */
  readonly timeoutMs?: number;
  /** Retry settings for this call alone, merged over the client's. */
  readonly retry?: RetryOptions;
}

/** What a look-up after an uncertain write found (DESIGN §12). */
export type Reconciliation<T> =
  | { readonly applied: true; readonly result: ProviderResult<T> }
  | { readonly applied: false };

/**
 * How a write finds out whether an attempt whose outcome is unknown was applied: it reads the
 * object by its natural key (a create) or reads the state the write sets (an idempotent write).
 * It throws ConflictError when it finds the object in a state the write did not ask for.
 */
export type Reconcile<T> = (error: BspError) => Promise<Reconciliation<T>>;

/**
 * Runs one operation the way every adapter needs it: rate limited, each attempt bounded by a
 * timeout, retried with back-off as the operation table allows, never retried after an abort,
 * observed by hooks, and returning the value with its `$metadata`.
 *
 * Writes whose outcome is unknown are never blindly sent again: a non-idempotent write (a create)
 * is first looked for with `reconcile`, and sent again only if it is absent; an idempotent write
 * that fails after an unknown attempt is checked with `reconcile` before the failure is reported,
 * since its first attempt may have done the work.
 */
export class OperationRunner {
  constructor(private readonly settings: RunnerSettings) {}

  /** The client's clock, for callers that pace their own calls (waiting for a status). */
  get clock(): Clock {
    return this.settings.clock;
  }

  async run<T extends object>(
    operation: Operation,
    request: Readonly<Record<string, unknown>>,
    call: (context: ProviderCallContext) => Promise<ProviderResult<T>>,
    options: CallOptions = {},
    reconcile?: Reconcile<T>,
  ): Promise<WithMetadata<T>> {
    const { providerId, hooks, clock } = this.settings;
    const definition = operationDefinition(operation);
    const retry =
      options.retry === undefined ? this.settings.retry : { ...this.settings.retry, ...options.retry };
    const timeoutMs = options.timeoutMs ?? this.settings.timeoutMs;
    let totalRetryDelayMs = 0;
    let uncertain = false;
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
        if (BspError.isInstance(error)) error.attempts = attempt;
        const writeFailed = definition.kind === 'write' && BspError.isInstance(error);
        // A write that may have been applied is looked for before it is sent again or reported.
        if (writeFailed && reconcile !== undefined && (error.outcome === 'unknown' || uncertain)) {
          const found = await this.lookUp(reconcile, error, options.signal);
          if (found.applied) {
            return attachMetadata(found.result.value, {
              provider: providerId,
              ...optionalFields(found.result),
              attempts: attempt,
              totalRetryDelayMs,
              reconciled: true,
            });
          }
        }
        if (writeFailed && error.outcome === 'unknown') uncertain = true;
        const decision = decideRetry(
          error,
          attempt,
          retry,
          this.settings.random,
          // A create found absent after an unknown attempt may be sent again, like a refused one.
          reconcile === undefined ? definition : { idempotent: true },
        );
        if (!decision.retry) throw error;
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

  /**
   * Runs the look-up. A conflict it finds is the answer; if the look-up itself fails, the write's
   * own error is thrown: its outcome stays `unknown`.
   */
  private async lookUp<T>(
    reconcile: Reconcile<T>,
    error: BspError,
    signal: AbortSignal | undefined,
  ): Promise<Reconciliation<T>> {
    try {
      return await reconcile(error);
    } catch (lookUpError) {
      if (signal?.aborted) throw signal.reason;
      if (BspError.isInstance(lookUpError) && lookUpError.code === 'CONFLICT') throw lookUpError;
      throw error;
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
