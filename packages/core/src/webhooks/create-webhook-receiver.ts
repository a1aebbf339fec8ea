import { type ClientConfigOptions, type ClientOptions, createClient } from '../client/create-client.js';
import type { WhatsAppClient } from '../client/whatsapp-client.js';
import { UnsupportedOperationError } from '../errors/error-classes.js';
import { resolveReceiverSettings, type WebhookReceiverOptions } from './receiver-options.js';
import { WebhookReceiver } from './webhook-receiver.js';

/**
 * Creates the receiver of a vendor's callbacks from the same configuration as `createClient`: a
 * provider instance (the receiver is returned at once) or a configuration naming the provider
 * (only that adapter is loaded; resolves to the receiver). `options` says how calls are
 * authenticated, the body size limit and de-duplication.
 *
 * @throws ConfigError for bad settings or options, an unknown provider, or options its adapter
 *   refuses; UnsupportedOperationError when the adapter cannot read callbacks.
 */
export function createWebhookReceiver(
  options: ClientOptions,
  receiverOptions?: WebhookReceiverOptions,
): WebhookReceiver;
export function createWebhookReceiver(
  options: ClientConfigOptions,
  receiverOptions?: WebhookReceiverOptions,
): Promise<WebhookReceiver>;
export function createWebhookReceiver(
  options: ClientOptions | ClientConfigOptions,
  receiverOptions: WebhookReceiverOptions = {},
): WebhookReceiver | Promise<WebhookReceiver> {
  // The client loads and checks the provider exactly as the rest of the library does.
  const client = createClient(options as ClientOptions) as WhatsAppClient | Promise<WhatsAppClient>;
  const { clock } = options;
  const now = clock ? () => clock.now() : Date.now;
  const build = ({ provider }: WhatsAppClient) => {
    if (provider.webhooks === undefined) {
      throw new UnsupportedOperationError(`The ${provider.id} adapter cannot read the vendor's callbacks`, {
        provider: provider.id,
      });
    }
    return new WebhookReceiver(
      provider,
      provider.webhooks,
      resolveReceiverSettings(provider, receiverOptions, now),
    );
  };
  return client instanceof Promise ? client.then(build) : build(client);
}
