import {
  AuthenticationError,
  BspError,
  createWebhookReceiver,
  type WebhookReceiverOptions,
} from '@whatsapp-bsp/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FLOW_STATUS_EXAMPLE, TEMPLATE_STATUS_EXAMPLE } from './__fixtures__/nxcloud-webhook-payloads.js';
import {
  providerWithWebhooks,
  signedHeaders,
  WEBHOOK_TEST_OPTIONS,
} from './__fixtures__/nxcloud-webhook-support.js';
import { nxcloudWebhooks } from './nxcloud-webhooks.js';

function signedReceiver(
  options: Partial<Extract<WebhookReceiverOptions['authentication'], { type: 'signature' }>> = {},
) {
  return createWebhookReceiver(
    { provider: providerWithWebhooks() },
    { authentication: { type: 'signature', ...options } },
  );
}

const { doVerifySignature } = nxcloudWebhooks({ accessSecret: WEBHOOK_TEST_OPTIONS.accessSecret });
const verify = (headers: Record<string, string>, body: string, check = {}) =>
  doVerifySignature!({ headers: lowerCased(headers), body }, check);

function lowerCased(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}

describe('NXCloud callback signature (the signature page; header names assumed)', () => {
  it("accepts NXCloud's published test vectors V1 (MD5) and D1 (SHA-256) as a callback's headers", () => {
    const headers = { accessKey: 'fme2na3kdi3ki', action: 'send', bizType: '1', ts: '1655710885431' };
    const body = '{"name":"牛小信","id":10001}';
    const secret = 'abciiiko2k3';
    expect(verify({ ...headers, sign: '87c3560d3331ae23f1021e2025722354' }, body, { secret })).toBe(true);
    const d1 = 'e0eec2c99ef80f269a82795e2223f618ebfc0616c8b6c8c7d438021ec38ad0eb';
    expect(verify({ ...headers, sign: d1, algorithm: 'sha256' }, body, { secret })).toBe(true);
    expect(verify({ ...headers, sign: d1.toUpperCase(), algorithm: 'SHA256' }, body, { secret })).toBe(true);
    expect(verify({ ...headers, sign: d1 }, body, { secret })).toBe(false);
  });

  it('maps a signed callback, with the adapter secret or the one configured', async () => {
    const events = await signedReceiver().parse({
      headers: signedHeaders(TEMPLATE_STATUS_EXAMPLE),
      body: TEMPLATE_STATUS_EXAMPLE,
    });
    expect(events).toMatchObject([{ type: 'template.status', status: 'APPROVED' }]);
    const rotated = signedReceiver({ secret: 'callback-secret-2b7f' });
    const headers = signedHeaders(FLOW_STATUS_EXAMPLE, {
      secret: 'callback-secret-2b7f',
      algorithm: 'sha256',
    });
    await expect(rotated.parse({ headers, body: FLOW_STATUS_EXAMPLE })).resolves.toHaveLength(1);
    await expect(
      rotated.parse({ headers: signedHeaders(FLOW_STATUS_EXAMPLE), body: FLOW_STATUS_EXAMPLE }),
    ).rejects.toThrow(AuthenticationError);
  });

  it('reads renamed headers', async () => {
    const { sign, ts, ...rest } = signedHeaders(TEMPLATE_STATUS_EXAMPLE);
    const receiver = signedReceiver({ headerNames: { sign: 'X-NX-Sign', ts: 'X-NX-Ts' } });
    const headers = { ...rest, 'x-nx-sign': sign, 'x-nx-ts': ts };
    await expect(receiver.parse({ headers, body: TEMPLATE_STATUS_EXAMPLE })).resolves.toHaveLength(1);
  });

  it('refuses a missing signature, an unknown algorithm, a changed signed header or the wrong secret', async () => {
    const body = TEMPLATE_STATUS_EXAMPLE;
    const { sign: _sign, ...unsigned } = signedHeaders(body);
    for (const headers of [
      unsigned,
      { ...signedHeaders(body), algorithm: 'sha1' },
      { ...signedHeaders(body), ts: '1761291192001' },
      { ...signedHeaders(body), bizType: '1' },
      signedHeaders(body, { secret: 'sk-guess' }),
    ]) {
      const error = await signedReceiver()
        .parse({ headers, body })
        .then(
          () => undefined,
          (caught: unknown) => caught as BspError,
        );
      expect(AuthenticationError.isInstance(error)).toBe(true);
      expect(error?.httpStatusCode).toBe(401);
      const shown = `${JSON.stringify(error)} ${error?.stack}`;
      for (const secret of [WEBHOOK_TEST_OPTIONS.accessSecret, 'ok_ok', headers.sign ?? 'no sign']) {
        expect(shown).not.toContain(secret);
      }
    }
  });

  it('accepts the exact signed body and refuses it after any one-byte change', async () => {
    const receiver = signedReceiver();
    await fc.assert(
      fc.asyncProperty(fc.json(), fc.nat(), fc.integer({ min: 1, max: 255 }), async (body, at, flip) => {
        const headers = signedHeaders(body);
        expect(verify(headers, body)).toBe(true);
        const bytes = Buffer.from(body, 'utf8');
        bytes[at % bytes.length]! ^= flip;
        const error = await receiver.parse({ headers, body: bytes }).then(
          () => undefined,
          (caught: unknown) => caught,
        );
        expect(BspError.isInstance(error)).toBe(true);
        // Bytes that are no longer UTF-8 are refused as such (400) before the signature is
        // computed; every other change fails the signature (401).
        const stillText = Buffer.from(bytes.toString('utf8'), 'utf8').equals(bytes);
        expect((error as BspError).code).toBe(stillText ? 'AUTHENTICATION' : 'BAD_RESPONSE');
      }),
      { numRuns: 200 },
    );
  });
});
