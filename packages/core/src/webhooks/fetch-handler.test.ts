import { describe, expect, it } from 'vitest';
import { testBody, testWebhooksProvider } from '../__fixtures__/test-webhooks-provider.js';
import { createWebhookReceiver } from './create-webhook-receiver.js';
import type { WebhookEventHandler } from './deliver-events.js';
import type { WebhookReceiverOptions } from './receiver-options.js';

type BodyInit = NonNullable<RequestInit['body']>;

const report = { id: 't1', status: 'APPROVED' };
const URL_BASE = 'https://shop.example/api/hooks';

function handler(onEvent: WebhookEventHandler, options: WebhookReceiverOptions = {}) {
  return createWebhookReceiver({ provider: testWebhooksProvider() }, options).fetchHandler(onEvent);
}

function post(body: BodyInit, init: RequestInit = {}): Request {
  return new Request(URL_BASE, { method: 'POST', body, ...init });
}

/** A body that arrives in several chunks with no declared length. */
function streamed(...chunks: string[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
      controller.close();
    },
  });
}

describe('fetchHandler', () => {
  it('answers 200 after onEvent resolved for every event', async () => {
    const seen: string[] = [];
    const answer = await handler(async (event) => {
      await new Promise((resolve) => setImmediate(resolve));
      seen.push(event.id);
    })(post(testBody(report)));
    expect(answer.status).toBe(200);
    expect(seen).toEqual(['test:t1:APPROVED']);
    expect(answer.headers.get('content-type')).toContain('application/json');
  });

  it('reads a streamed body, and a shared secret from the request URL', async () => {
    const seen: string[] = [];
    const guarded = handler((event) => seen.push(event.id), {
      authentication: { type: 'shared-secret', secret: 'url-token-3f9a', queryParameter: 'token' },
    });
    const init = { method: 'POST', body: streamed('[{"id":"t1",', '"status":"APPROVED"}]'), duplex: 'half' };
    expect((await guarded(new Request(`${URL_BASE}?token=url-token-3f9a`, init as RequestInit))).status).toBe(
      200,
    );
    expect((await guarded(post(testBody(report)))).status).toBe(401);
    expect(seen).toEqual(['test:t1:APPROVED']);
  });

  it('answers 400, 405, 413 and 500 without throwing', async () => {
    const errors: unknown[] = [];
    const failing = handler(
      () => {
        throw new Error('boom');
      },
      { maxBodyBytes: 64, onError: (error) => errors.push(error) },
    );
    expect((await failing(post('{'))).status).toBe(400);
    expect((await failing(new Request(URL_BASE))).status).toBe(405);
    expect((await failing(post('x'.repeat(65)))).status).toBe(413);
    const stream = { body: streamed('x'.repeat(40), 'x'.repeat(40)), duplex: 'half' } as RequestInit;
    expect((await failing(post(stream.body as BodyInit, stream))).status).toBe(413);
    expect((await failing(post(testBody(report)))).status).toBe(500);
    expect(errors).toHaveLength(4);
  });
});
