// Shared set-up of the webhook tests: fake credentials (built for the tests, not vendor data), a
// provider with its webhooks, and NXCloud-style signed headers for a callback body.
import type { ProviderV1 } from '@whatsapp-bsp/core';
import { nxcloud } from '../../nxcloud-provider.js';
import { type NxcloudSignAlgorithm, signNxcloud } from '../../transport/nxcloud-sign.js';

export const WEBHOOK_TEST_OPTIONS = {
  accessKey: 'ak-hook-51c2',
  accessSecret: 'sk-HOOK-SECRET-0d4e9a',
  appKey: 'app-hook-8k1',
  businessPhone: '8615800001795',
} as const;

/** The NXCloud provider, whose `webhooks` parse (and can verify) callbacks. */
export function providerWithWebhooks(): ProviderV1 {
  return nxcloud(WEBHOOK_TEST_OPTIONS);
}

/** The headers of a callback signed as NXCloud signs requests (NXCloud's signature page: the request headers, MD5 or SHA-256 over the body). */
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
