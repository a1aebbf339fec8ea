import type { WebhooksProvider } from '@whatsapp-bsp/core';
import { mapCamsEvents } from './map-cams-event.js';

/**
 * How CAMS's callbacks are read (`provider.webhooks`): the ChatAppAudit HTTP callback's template
 * review reports (CAMS's template review notification, ChatAppAudit). CAMS documents no signature for its callbacks, so there is no
 * `doVerifySignature`: protect the callback URL with the receiver's shared secret in a query
 * parameter (`authentication: { type: 'shared-secret', secret, queryParameter: 'token' }`).
 */
export function camsWebhooks(): WebhooksProvider {
  return { doParse: mapCamsEvents };
}
