import { z } from 'zod';
import { ConfigError } from '../errors/error-classes.js';
import { OPERATIONS, type Operation } from '../provider/operations.js';
import type { Clock } from './pipeline/clock.js';
import type { Hooks } from './pipeline/hooks.js';
import type { RateLimiter } from './pipeline/rate-limiter.js';
import type { RetryOptions } from './pipeline/retry-policy.js';

/** Retry settings; also a call's own `retry` option. Built on first use, like the model. */
export const RetryOptionsSchema = z.lazy(() =>
  z.strictObject({
    maxAttempts: z.int().min(1).max(20).optional(),
    initialDelayMs: z.int().min(0).max(60_000).optional(),
    maxDelayMs: z.int().min(0).max(300_000).optional(),
    maxRetryAfterMs: z.int().min(0).max(3_600_000).optional(),
  }),
);

/**
 * The client options that are plain data, so they can live in a JSON config file too. Built on
 * first use (`z.lazy`), like the model: importing the package builds no schema.
 */
export const ClientDataSettingsSchema = z.lazy(() =>
  z.strictObject({
    retry: RetryOptionsSchema.optional(),
    rateLimit: z
      .union([
        z.literal(false),
        z.strictObject({
          /** Requests per second for an operation; replaces the vendor's documented budget. */
          perOperation: z
            .partialRecord(
              z.enum(OPERATIONS as [Operation, ...Operation[]]),
              z.number().positive().max(10_000),
            )
            .optional(),
        }),
      ])
      .optional(),
    timeoutMs: z.int().min(1).max(600_000).optional(),
  }),
);

/** The data part of the client's settings, as a JSON config file holds it. */
export type ClientDataSettings = z.infer<typeof ClientDataSettingsSchema>;

export type RateLimitOptions =
  | false
  | {
      perOperation?: Partial<Record<Operation, number>>;
      /** A limiter of your own, e.g. one over a shared store for many processes. */
      limiter?: RateLimiter;
    };

export interface ClientSettings {
  retry?: RetryOptions;
  rateLimit?: RateLimitOptions;
  /** Per-attempt time budget in milliseconds; 30 s unless set. */
  timeoutMs?: number;
  hooks?: Hooks;
  clock?: Clock;
  /** A source of numbers in [0, 1) for back-off jitter. */
  random?: () => number;
}

/** Validates the data part of the settings; functions and objects (hooks, clock, limiter) pass through. */
export function validateClientSettings(settings: ClientSettings): void {
  const { rateLimit, retry, timeoutMs } = settings;
  const data = {
    retry,
    timeoutMs,
    rateLimit:
      rateLimit === false || rateLimit === undefined ? rateLimit : { perOperation: rateLimit.perOperation },
  };
  const result = ClientDataSettingsSchema.safeParse(data);
  if (!result.success) throw configErrorFrom(result.error);
}

export function configErrorFrom(error: z.ZodError, prefix: readonly (string | number)[] = []): ConfigError {
  const issue = error.issues[0];
  const path = [...prefix, ...(issue?.path ?? [])].map(String).join('.');
  return new ConfigError(
    `Invalid configuration${path ? ` at \`${path}\`` : ''}: ${issue?.message ?? 'invalid'}`,
    {
      ...(path ? { field: path } : {}),
    },
  );
}
