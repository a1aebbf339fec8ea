import type { WebhookEvent } from '../model/events.js';
import type { ReceiverSettings } from './receiver-options.js';

/** What the application does with one event; the vendor is answered once every call resolved. */
export type WebhookEventHandler = (event: WebhookEvent) => unknown;

/**
 * Hands the events to `onEvent` one at a time, in the vendor's order (a later report may
 * supersede an earlier one), skipping those the store has seen within its window. An event is
 * claimed before it is handled, so a concurrent redelivery is dropped; if handling fails its claim
 * is released, so the vendor's retry handles it again.
 *
 * @throws what `onEvent` or the store threw; the events before it stay handled.
 */
export async function deliverEvents(
  events: readonly WebhookEvent[],
  onEvent: WebhookEventHandler,
  deduplication: ReceiverSettings['deduplication'],
): Promise<void> {
  for (const event of events) {
    if (deduplication === false) {
      await onEvent(event);
      continue;
    }
    if (!(await deduplication.store.claim(event.id, deduplication.windowMs))) continue;
    try {
      await onEvent(event);
    } catch (error) {
      try {
        await deduplication.store.release(event.id);
      } catch {
        // The handler's failure is the one to report. A store that cannot release drops the
        // vendor's redelivery of this event as a duplicate until the window ends.
      }
      throw error;
    }
  }
}
