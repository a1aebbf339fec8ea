import { StatusWaitTimeoutError } from '../../errors/error-classes.js';
import type { WebhookEvent } from '../../model/events.js';
import type { Clock } from '../pipeline/clock.js';

/** How to wait for a template or a flow to reach a status. */
export interface WaitForStatusOptions<Status extends string> {
  /** The statuses to wait for; see each method for its default. */
  until?: readonly Status[];
  /** The whole wait's budget in milliseconds; 600,000 (10 minutes) by default. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** The first pause between reads, in milliseconds (2,000 by default); it doubles after each read. */
  pollIntervalMs?: number;
  /** The longest pause between reads, in milliseconds (60,000 by default). */
  maxPollIntervalMs?: number;
  /**
   * Status events (see `createWebhookEventStream`): an event about the object ends the pause at
   * once and the object is read again. Reads still happen at the longest pause meanwhile, so a
   * lost event delays the answer but never loses it; when the stream ends, polling goes on alone.
   */
  events?: AsyncIterable<WebhookEvent>;
}

export const DEFAULT_WAIT_TIMEOUT_MS = 600_000;
const DEFAULT_POLL_INTERVAL_MS = 2_000;
const DEFAULT_MAX_POLL_INTERVAL_MS = 60_000;

interface Watched {
  readonly status: string;
}

/**
 * Reads an object until `isDone` says it has reached a status, pausing between reads with capped
 * back-off (every read goes through the client, so rate limits and retries apply), and waking
 * early on a status event about it.
 *
 * @throws StatusWaitTimeoutError with the last status seen when `timeoutMs` passes; the signal's
 *   reason when it aborts; whatever a read throws.
 */
export async function waitForStatus<T extends Watched>(wait: {
  readonly what: string;
  readonly provider: string;
  readonly clock: Clock;
  readonly read: () => Promise<T>;
  readonly isDone: (value: T, first: T) => boolean;
  readonly isAbout: (event: WebhookEvent, last: T) => boolean;
  readonly options: WaitForStatusOptions<string>;
}): Promise<T> {
  const { clock, options } = wait;
  const deadline = clock.now() + (options.timeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS);
  const maxInterval = options.maxPollIntervalMs ?? DEFAULT_MAX_POLL_INTERVAL_MS;
  let interval = Math.min(options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS, maxInterval);
  const first = await wait.read();
  let last = first;
  if (wait.isDone(first, first)) return first;
  const events = options.events === undefined ? undefined : new EventWatch(options.events);
  try {
    for (;;) {
      const remaining = deadline - clock.now();
      if (remaining <= 0) {
        throw new StatusWaitTimeoutError(
          `${wait.what} was still ${last.status} when the wait of ${options.timeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS} ms ended`,
          { provider: wait.provider, lastStatus: last.status, lastSeen: last },
        );
      }
      const pause = Math.min(events?.open ? maxInterval : interval, remaining);
      const woken = await pauseOrEvent(clock, pause, options.signal, events, (event) =>
        wait.isAbout(event, last),
      );
      last = await wait.read();
      if (wait.isDone(last, first)) return last;
      if (!woken) interval = Math.min(interval * 2, maxInterval);
    }
  } finally {
    await events?.close();
  }
}

/**
 * Pauses for `ms`, or until an event about the object arrives. Returns whether an event ended it.
 */
async function pauseOrEvent(
  clock: Clock,
  ms: number,
  signal: AbortSignal | undefined,
  events: EventWatch | undefined,
  isAbout: (event: WebhookEvent) => boolean,
): Promise<boolean> {
  if (events === undefined || !events.open) {
    await clock.sleep(ms, signal);
    return false;
  }
  const pause = new AbortController();
  const sleep = clock
    .sleep(ms, signal === undefined ? pause.signal : AbortSignal.any([signal, pause.signal]))
    .then((): false => false);
  try {
    for (;;) {
      const next = await Promise.race([sleep, events.next()]);
      if (next === false) return false;
      if (next === 'ended') return await sleep;
      if (isAbout(next)) return true;
    }
  } finally {
    pause.abort();
    // The aborted pause rejects; that is how it ends, not an error.
    sleep.catch(() => {});
  }
}

/** An event source read one event at a time, whose pending read survives a pause that ends first. */
class EventWatch {
  readonly #iterator: AsyncIterator<WebhookEvent>;
  #pending: Promise<WebhookEvent | 'ended'> | undefined;
  open = true;

  constructor(events: AsyncIterable<WebhookEvent>) {
    this.#iterator = events[Symbol.asyncIterator]();
  }

  next(): Promise<WebhookEvent | 'ended'> {
    this.#pending ??= this.#iterator.next().then(
      (result) => {
        this.#pending = undefined;
        if (result.done) this.open = false;
        return result.done ? 'ended' : result.value;
      },
      () => {
        // A broken event source leaves the wait to polling.
        this.#pending = undefined;
        this.open = false;
        return 'ended' as const;
      },
    );
    return this.#pending;
  }

  async close(): Promise<void> {
    if (this.open) await this.#iterator.return?.();
  }
}
