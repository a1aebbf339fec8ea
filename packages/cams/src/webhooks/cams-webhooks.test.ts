import { AuthenticationError, createWebhookReceiver, type WebhookEvent } from '@whatsapp-bsp/core';
import { describe, expect, it } from 'vitest';
import { AUDIT_EXAMPLE, AUDIT_V2 } from './__fixtures__/cams-webhook-payloads.js';
import { providerWithWebhooks } from './__fixtures__/cams-webhook-support.js';

describe('CAMS webhooks through the receiver', () => {
  it('offers no signature check, since CAMS documents none', () => {
    expect(() =>
      createWebhookReceiver({ provider: providerWithWebhooks() }, { authentication: { type: 'signature' } }),
    ).toThrow(/knows no callback signature/);
  });

  it('guards the callback URL with a shared secret in a query parameter and drops redeliveries', async () => {
    const receiver = createWebhookReceiver(
      { provider: providerWithWebhooks() },
      { authentication: { type: 'shared-secret', secret: 'cams-hook-token-6a0e', queryParameter: 'token' } },
    );
    const seen: WebhookEvent[] = [];
    const onEvent = (event: WebhookEvent) => void seen.push(event);
    const url = '/hooks/cams?token=cams-hook-token-6a0e';
    expect((await receiver.handle({ headers: {}, body: AUDIT_EXAMPLE, url }, onEvent)).status).toBe(200);
    expect((await receiver.handle({ headers: {}, body: AUDIT_EXAMPLE, url }, onEvent)).status).toBe(200);
    expect((await receiver.handle({ headers: {}, body: AUDIT_V2, url }, onEvent)).status).toBe(200);
    expect(seen.map((event) => event.type === 'template.status' && event.status)).toEqual([
      'PENDING',
      'APPROVED',
    ]);
    expect(
      (await receiver.handle({ headers: {}, body: AUDIT_EXAMPLE, url: '/hooks/cams' }, onEvent)).status,
    ).toBe(401);
    await expect(receiver.parse({ headers: {}, body: AUDIT_EXAMPLE })).rejects.toThrow(AuthenticationError);
  });
});
