import { InvalidRequestError } from '../errors/error-classes.js';
import type { WebhookEvent } from '../model/events.js';
import type { ProviderV1, WebhooksProvider } from '../provider/provider-v1.js';
import { deliverEvents, type WebhookEventHandler } from './deliver-events.js';
import { createFetchHandler, type FetchWebhookHandler } from './fetch-handler.js';
import { createNodeHandler, type NodeWebhookHandler } from './node-handler.js';
import { readWebhook, type WebhookInput } from './read-webhook.js';
import type { ReceiverSettings } from './receiver-options.js';
import { statusForError, type WebhookAnswer, webhookAnswer } from './webhook-answer.js';
import type { WebhookEndpoint } from './webhook-endpoint.js';

/**
 * Reads one vendor's callbacks (webhooks) into the normalized events of the model. Create it with
 * `createWebhookReceiver`.
 */
export class WebhookReceiver {
  /** The provider whose callbacks this receiver reads. */
  readonly providerId: string;
  readonly #provider: ProviderV1;
  readonly #webhooks: WebhooksProvider;
  readonly #settings: ReceiverSettings;

  /** @internal Made by `createWebhookReceiver`. */
  constructor(provider: ProviderV1, webhooks: WebhooksProvider, settings: ReceiverSettings) {
    this.providerId = provider.id;
    this.#provider = provider;
    this.#webhooks = webhooks;
    this.#settings = settings;
  }

  /**
   * The events of one call, in the vendor's order. Pure apart from the clock (for `receivedAt`):
   * no network, no de-duplication (the handlers do that).
   *
   * @throws ResponseFormatError for a bad body (`httpStatusCode` 400, or 413 when too large);
   *   AuthenticationError (401) when the call fails the `authentication` check. Neither holds
   *   the body or a secret.
   */
  async parse(input: WebhookInput): Promise<WebhookEvent[]> {
    return readWebhook(input, this.#provider, this.#webhooks, this.#settings);
  }

  /**
   * Reads one call, hands each new event to `onEvent` in order, and says what to answer the
   * vendor: 200 once `onEvent` resolved for every event (duplicates within the window are skipped),
   * 400, 401 or 413 for a call refused, 500 when `onEvent` or the store failed (the vendor retries).
   * Never rejects. For frameworks the two handlers below do not fit.
   */
  async handle(input: WebhookInput, onEvent: WebhookEventHandler): Promise<WebhookAnswer> {
    let events: WebhookEvent[];
    try {
      events = await this.parse(input);
    } catch (error) {
      this.#report(error);
      return webhookAnswer(statusForError(error));
    }
    try {
      await deliverEvents(events, onEvent, this.#settings.deduplication);
    } catch (error) {
      this.#report(error);
      return webhookAnswer(500);
    }
    return webhookAnswer(200);
  }

  /**
   * A handler for `http.createServer(...)` and Express-style routers. It reads the raw body
   * itself, up to `maxBodyBytes`; under Express, mount it before any JSON body parser, or behind
   * `express.raw({ type: () => true })`.
   */
  nodeHandler(onEvent: WebhookEventHandler): NodeWebhookHandler {
    return createNodeHandler(this.#endpoint(onEvent));
  }

  /** A handler for Fetch API frameworks: `export const POST = receiver.fetchHandler(onEvent)`. */
  fetchHandler(onEvent: WebhookEventHandler): FetchWebhookHandler {
    return createFetchHandler(this.#endpoint(onEvent));
  }

  #endpoint(onEvent: WebhookEventHandler): WebhookEndpoint {
    if (typeof onEvent !== 'function') {
      throw new InvalidRequestError('`onEvent` must be a function', { field: 'onEvent' });
    }
    return {
      providerId: this.providerId,
      maxBodyBytes: this.#settings.maxBodyBytes,
      handle: (input) => this.handle(input, onEvent),
      report: (error) => this.#report(error),
    };
  }

  #report(error: unknown): void {
    try {
      this.#settings.onError(error);
    } catch {
      // A failing error listener must not change what the vendor is answered.
    }
  }
}
