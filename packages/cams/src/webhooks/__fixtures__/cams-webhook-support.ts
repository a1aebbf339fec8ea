// Shared set-up of the webhook tests: the CAMS provider with its webhooks, from fake credentials
// (built for the tests, not vendor data).
import type { ProviderV1 } from '@whatsapp-bsp/core';
import { cams } from '../../cams-provider.js';
import { camsWebhooks } from '../cams-webhooks.js';

/** The CAMS provider with `webhooks`, as the adapter will compose it. */
export function providerWithWebhooks(): ProviderV1 {
  return {
    ...cams({
      accessKeyId: 'LTAI5tHookTestKey01',
      accessKeySecret: 'HookTestSecret0123456789',
      custSpaceId: 'cams-space-hook',
    }),
    webhooks: camsWebhooks(),
  };
}
