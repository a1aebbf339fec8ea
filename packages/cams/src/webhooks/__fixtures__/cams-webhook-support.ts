// Shared set-up of the webhook tests: the CAMS provider with its webhooks, from fake credentials
// (built for the tests, not vendor data).
import type { ProviderV1 } from '@whatsapp-bsp/core';
import { cams } from '../../cams-provider.js';

/** The CAMS provider, whose `webhooks` parse ChatAppAudit callbacks. */
export function providerWithWebhooks(): ProviderV1 {
  return cams({
    accessKeyId: 'LTAI5tHookTestKey01',
    accessKeySecret: 'HookTestSecret0123456789',
    custSpaceId: 'cams-space-hook',
  });
}
