import {
  type Clock,
  ConfigError,
  type RateLimiter,
  systemClock,
  TokenBucketRateLimiter,
} from '@whatsapp-bsp/core';
import { GcraSchedule, type Turn } from './gcra-schedule.js';
import { type RedisScriptClient, type ScriptCommands, scriptCommands } from './redis-client.js';
import { redisUnavailableError } from './redis-unavailable-error.js';
import { withTimeout } from './with-timeout.js';

export interface RedisRateLimiterOptions {
  /** A connected `ioredis` or `redis` (node-redis) client, or any object with their script commands. */
  client: RedisScriptClient;
  /** Prefix of the limiter's Redis keys; processes sharing a budget use the same. Default `'whatsapp-bsp:rate:'`. */
  keyPrefix?: string;
  /** Longest wait for one Redis call, in milliseconds. Default 1000. */
  timeoutMs?: number;
  /**
   * When Redis cannot be reached (an error or `timeoutMs`): `'error'` (default) rejects the
   * acquire with a `ProviderUnavailableError` (`outcome: 'not-sent'`); `'local'` paces this
   * process on its own in-memory budget, with a warning, until Redis answers again.
   */
  onUnavailable?: 'error' | 'local';
  /** With `onUnavailable: 'local'`: how long to stay local before trying Redis again, in milliseconds. Default 5000. */
  retryRedisAfterMs?: number;
  /** Receives the warning given when the limiter falls back to its local budget (a process warning is emitted too). */
  onWarning?: (message: string) => void;
  /** Waiting and the fall-back's timing; the system clock unless set (for tests). */
  clock?: Clock;
}

const DEFAULT_KEY_PREFIX = 'whatsapp-bsp:rate:';
const DEFAULT_TIMEOUT_MS = 1000;
const DEFAULT_RETRY_REDIS_AFTER_MS = 5000;

/**
 * A `RateLimiter` whose budgets live in Redis, so every process using the same Redis and
 * `keyPrefix` shares one budget per key: with four workers, the vendor sees one client's rate,
 * not four. Requests are spaced evenly on Redis's clock (GCRA, no burst). Throws a `ConfigError`
 * for a bad option.
 */
export function redisRateLimiter(options: RedisRateLimiterOptions): RedisRateLimiter {
  return new RedisRateLimiter(options);
}

export class RedisRateLimiter implements RateLimiter {
  private readonly schedule: GcraSchedule;
  private readonly timeoutMs: number;
  private readonly onUnavailable: 'error' | 'local';
  private readonly retryRedisAfterMs: number;
  private readonly onWarning: ((message: string) => void) | undefined;
  private readonly clock: Clock;
  private readonly local: TokenBucketRateLimiter;
  /** While Redis is down (`'local'` mode): until when this process keeps to its local budget. */
  private localUntil: number | undefined;

  constructor(options: RedisRateLimiterOptions) {
    const keyPrefix = options.keyPrefix ?? DEFAULT_KEY_PREFIX;
    if (typeof keyPrefix !== 'string') {
      throw new ConfigError('keyPrefix must be a string', { field: 'keyPrefix' });
    }
    this.timeoutMs = positiveMilliseconds(options.timeoutMs ?? DEFAULT_TIMEOUT_MS, 'timeoutMs');
    this.retryRedisAfterMs = positiveMilliseconds(
      options.retryRedisAfterMs ?? DEFAULT_RETRY_REDIS_AFTER_MS,
      'retryRedisAfterMs',
    );
    const onUnavailable = options.onUnavailable ?? 'error';
    if (onUnavailable !== 'error' && onUnavailable !== 'local') {
      throw new ConfigError("onUnavailable must be 'error' or 'local'", { field: 'onUnavailable' });
    }
    this.onUnavailable = onUnavailable;
    let commands: ScriptCommands;
    try {
      commands = scriptCommands(options.client);
    } catch (error) {
      throw new ConfigError(error instanceof Error ? error.message : String(error), { field: 'client' });
    }
    this.schedule = new GcraSchedule(commands, keyPrefix);
    this.onWarning = options.onWarning;
    this.clock = options.clock ?? systemClock;
    this.local = new TokenBucketRateLimiter(this.clock);
  }

  /**
   * Resolves when a request under `key` may be sent at `requestsPerSecond` across every process
   * sharing the budget. Rejects with the signal's reason when it aborts first, giving the turn
   * back; with a `ProviderUnavailableError` (`outcome: 'not-sent'`) when Redis cannot be reached
   * within `timeoutMs` and `onUnavailable` is `'error'`; with a `RangeError` for a rate that is
   * not a positive number.
   */
  async acquire(key: string, requestsPerSecond: number, signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    const interval = intervalMicros(requestsPerSecond);
    if (this.staysLocal()) return this.local.acquire(key, requestsPerSecond, signal);
    let turn: Turn;
    try {
      turn = await withTimeout(this.schedule.reserve(key, interval), this.timeoutMs);
    } catch (error) {
      if (this.onUnavailable === 'error') throw redisUnavailableError(error);
      this.fallBack(error);
      return this.local.acquire(key, requestsPerSecond, signal);
    }
    this.localUntil = undefined;
    if (turn.waitMs <= 0 && !signal?.aborted) return;
    try {
      await this.clock.sleep(Math.ceil(turn.waitMs), signal);
    } catch (reason) {
      await this.giveBack(key, turn, interval);
      throw reason;
    }
  }

  /** Whether to skip Redis for now; once the pause is over, one caller tries Redis again while the others stay local. */
  private staysLocal(): boolean {
    if (this.localUntil === undefined) return false;
    const now = this.clock.now();
    if (now < this.localUntil) return true;
    this.localUntil = now + this.retryRedisAfterMs;
    return false;
  }

  private fallBack(error: unknown): void {
    const outageBegins = this.localUntil === undefined;
    this.localUntil = this.clock.now() + this.retryRedisAfterMs;
    if (!outageBegins) return;
    const reason = error instanceof Error ? error.message : String(error);
    this.warn(
      `The shared rate limit in Redis could not be reached (${reason}); this process keeps to a ` +
        `budget of its own until Redis answers again, trying it every ${this.retryRedisAfterMs} ms. ` +
        'With several processes, the vendor may throttle meanwhile.',
    );
  }

  private warn(message: string): void {
    process.emitWarning(message, { type: 'WhatsappBspRedisWarning', code: 'WABSP_REDIS_UNAVAILABLE' });
    try {
      this.onWarning?.(message);
    } catch {
      // A failing log call must not fail the request it reports on.
    }
  }

  private async giveBack(key: string, turn: Turn, interval: number): Promise<void> {
    try {
      await withTimeout(this.schedule.release(key, turn, interval), this.timeoutMs);
    } catch {
      // The turn then goes unused: the budget runs slower for a moment, never faster.
    }
  }
}

/** Whole microseconds, rounded up so that the spacing is never below what the rate allows. */
function intervalMicros(requestsPerSecond: number): number {
  if (!(requestsPerSecond > 0) || !Number.isFinite(requestsPerSecond)) {
    throw new RangeError(`requestsPerSecond must be a positive number, not ${requestsPerSecond}`);
  }
  return Math.ceil(1_000_000 / requestsPerSecond);
}

function positiveMilliseconds(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new ConfigError(`${field} must be a whole number of milliseconds of at least 1`, { field });
  }
  return value;
}
