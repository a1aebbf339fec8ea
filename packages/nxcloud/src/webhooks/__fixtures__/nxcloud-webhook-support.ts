// Shared set-up of the webhook tests: fake credentials (built for the tests, not vendor data), a
// provider with its webhooks, and NXCloud-style signed headers for a callback body.
import type { ProviderV1 } from '@whatsapp-bsp/core';
import { nxcloud } from '../../nxcloud-provider.js';
import { type NxcloudSignAlgorithm, signNxcloud } from '../../nxcloud-sign.js';
import { nxcloudWebhooks } from '../nxcloud-webhooks.js';

export const WEBHOOK_TEST_OPTIONS = {
  accessKey: 'ak-hook-51c2',
  accessSecret: 'sk-HOOK-SECRET-0d4e9a',
  appKey: 'app-hook-8k1',
  businessPhone: '8615800001795',
} as const;

/** The NXCloud provider with `webhooks`, as the adapter will compose it. */
export function providerWithWebhooks(): ProviderV1 {
  return {
    ...nxcloud(WEBHOOK_TEST_OPTIONS),
    webhooks: nxcloudWebhooks({ accessSecret: WEBHOOK_TEST_OPTIONS.accessSecret }),
  };
}

/** The headers of a callback signed as NXCloud signs requests (reference §3). */
export function signedHeaders(
  body: string,
  options: { secret?: string; algorithm?: NxcloudSignAlgorithm; ts?: string } = {},
): Record<string, string> {
  const signed = {
    accessKey: WEBHOOK_TEST_OPTIONS.accessKey,
    action: 'webhook',
    bizType: '2',
    ts: options.ts ?? '1761291192000',
  };
  const sign = signNxcloud({
    ...signed,
    body,
    accessSecret: options.secret ?? WEBHOOK_TEST_OPTIONS.accessSecret,
    ...(options.algorithm ? { algorithm: options.algorithm } : {}),
  });
  return { ...signed, sign, ...(options.algorithm ? { algorithm: options.algorithm } : {}) };
}
