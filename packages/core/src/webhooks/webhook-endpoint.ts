import type { WebhookInput } from './read-webhook.js';
import type { WebhookAnswer } from './webhook-answer.js';

/** What the framework handlers (node:http, Fetch API) need of the receiver. */
export interface WebhookEndpoint {
  readonly providerId: string;
  /** Bodies over this many bytes are answered 413 and never held in memory. */
  readonly maxBodyBytes: number;
  /** Reads the call, hands its events on, and says what to answer; never rejects. */
  handle(input: WebhookInput): Promise<WebhookAnswer>;
  /** Tells the receiver's `onError` of a refused or failed call. */
  report(error: unknown): void;
}
