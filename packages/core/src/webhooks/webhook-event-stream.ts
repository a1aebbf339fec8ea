import type { WebhookEvent } from '../model/events.js';
import type { WebhookEventHandler } from './deliver-events.js';

/** Events a slow reader may fall behind by before the oldest are dropped. */
const DEFAULT_MAX_BUFFERED = 1_000;

/**
 * The events a receiver delivers, as an async iterable that several readers can follow at once:
 * pass `onEvent` (or a handler that calls it) to `receiver.nodeHandler` / `fetchHandler`, and the
 * stream to `templates.waitForStatus({ events })`. Each reader gets the events delivered after it
 * started reading; one that falls more than `maxBuffered` events behind loses the oldest (a wait
 * reads the object anyway). Ending a `for await` (or `close()`) stops the reader.
 */
export interface WebhookEventStream extends AsyncIterable<WebhookEvent> {
  readonly onEvent: WebhookEventHandler;
  /** Ends every reader's iteration. */
  close(): void;
}

export function createWebhookEventStream(options: { maxBuffered?: number } = {}): WebhookEventStream {
  const maxBuffered = options.maxBuffered ?? DEFAULT_MAX_BUFFERED;
  const readers = new Set<Reader>();
  let closed = false;
  return {
    onEvent(event) {
      for (const reader of readers) reader.push(event);
    },
    close() {
      closed = true;
      for (const reader of readers) reader.end();
      readers.clear();
    },
    [Symbol.asyncIterator]() {
      const reader = new Reader(maxBuffered, () => readers.delete(reader));
      if (closed) reader.end();
      else readers.add(reader);
      return reader;
    },
  };
}

/** One reader's queue: events waiting to be read, or a read waiting for an event. */
class Reader implements AsyncIterator<WebhookEvent> {
  readonly #queue: WebhookEvent[] = [];
  #waiting: ((result: IteratorResult<WebhookEvent>) => void) | undefined;
  #ended = false;

  constructor(
    private readonly maxBuffered: number,
    private readonly leave: () => void,
  ) {}

  push(event: WebhookEvent): void {
    if (this.#waiting !== undefined) {
      const resolve = this.#waiting;
      this.#waiting = undefined;
      resolve({ done: false, value: event });
      return;
    }
    this.#queue.push(event);
    if (this.#queue.length > this.maxBuffered) this.#queue.shift();
  }

  end(): void {
    this.#ended = true;
    this.#waiting?.({ done: true, value: undefined });
    this.#waiting = undefined;
  }

  next(): Promise<IteratorResult<WebhookEvent>> {
    const event = this.#queue.shift();
    if (event !== undefined) return Promise.resolve({ done: false, value: event });
    if (this.#ended) return Promise.resolve({ done: true, value: undefined });
    return new Promise((resolve) => {
      this.#waiting = resolve;
    });
  }

  return(): Promise<IteratorResult<WebhookEvent>> {
    this.leave();
    this.#queue.length = 0;
    this.end();
    return Promise.resolve({ done: true, value: undefined });
  }
}
