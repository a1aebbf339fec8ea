import type { CamsClientConfig } from '@whatsapp-bsp/emulator';

/** What one worker process is told to do: call `flows.get` on CAMS through a Redis-backed limiter. */
export interface SharedBudgetWorkerConfig {
  readonly redisUrl: string;
  readonly redisClient: 'ioredis' | 'redis';
  readonly onUnavailable: 'error' | 'local';
  /** The limiter's bound on each Redis call, in milliseconds. */
  readonly redisTimeoutMs: number;
  /** With `onUnavailable: 'local'`, how long to stay local before trying Redis again, in milliseconds. */
  readonly retryRedisAfterMs: number;
  readonly cams: CamsClientConfig;
  readonly flowId: string;
  /** Calls in flight at once in this process. */
  readonly concurrency: number;
}

/** Sent by the parent once every worker is ready, so that they all start together. */
export interface StartMessage {
  readonly type: 'start';
  /** When to stop starting calls, in epoch milliseconds. */
  readonly until: number;
}

/** A worker's account of its run. */
export interface WorkerReport {
  readonly type: 'report';
  readonly redisClient: 'ioredis' | 'redis';
  readonly onUnavailable: 'error' | 'local';
  readonly succeeded: number;
  /** Failed calls by `name code outcome`, e.g. `ProviderUnavailableError UNAVAILABLE not-sent`. */
  readonly failures: Readonly<Record<string, number>>;
  /** Epoch milliseconds of the last call that succeeded, 0 if none did. */
  readonly lastSuccessAt: number;
  /** Warnings the limiter gave through its `onWarning` option. */
  readonly warnings: number;
  /** The turns Redis handed this process, in epoch microseconds on Redis's clock (see `recordingTurns`). */
  readonly turns: readonly number[];
}

/** Sent by a worker once it has connected and made one call: it is ready to start. */
export type WorkerMessage = { readonly type: 'ready' } | WorkerReport;
