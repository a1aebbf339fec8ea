import type { WebhooksProvider } from '@whatsapp-bsp/core';
import { mapNxcloudEvents } from './map-nxcloud-event.js';
import { verifyNxcloudCallbackSignature } from './nxcloud-webhook-signature.js';

export interface NxcloudWebhooksOptions {
  /** The secret NXCloud signs callbacks with when none is configured on the receiver. */
  readonly accessSecret: string;
}

/**
 * How NXCloud's callbacks are read (`provider.webhooks`): `doParse` maps template and flow events
 * (NXCloud's template-webhook and flows-webhook pages); `doVerifySignature` checks NXCloud's request signature over the exact body,
 * which the receiver applies only when asked (`authentication: { type: 'signature' }`), since
 * NXCloud does not document the headers its callbacks carry it in.
 */
export function nxcloudWebhooks(options: NxcloudWebhooksOptions): WebhooksProvider {
  return {
    doParse: mapNxcloudEvents,
    doVerifySignature: (call, check) => verifyNxcloudCallbackSignature(call, check, options.accessSecret),
  };
}
