import { createServer, type IncomingMessage, request, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { testBody, testWebhooksProvider } from '../__fixtures__/test-webhooks-provider.js';
import type { BspError } from '../errors/bsp-error.js';
import type { WebhookEvent } from '../model/events.js';
import { createWebhookReceiver } from './create-webhook-receiver.js';
import type { WebhookEventHandler } from './deliver-events.js';
import type { WebhookReceiverOptions } from './receiver-options.js';

const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** A real node:http server on loopback; resolves to its base URL. */
async function serve(
  listener: (request: IncomingMessage, response: ServerResponse) => void,
): Promise<string> {
  const server = createServer(listener);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function setUp(onEvent: WebhookEventHandler, options: WebhookReceiverOptions = {}) {
  const errors: BspError[] = [];
  const receiver = createWebhookReceiver(
    { provider: testWebhooksProvider() },
    { ...options, onError: (error) => errors.push(error as BspError) },
  );
  return { errors, handler: receiver.nodeHandler(onEvent) };
}

/** Sends `chunks` as one request (chunked unless a content-length is given); resolves to the answer. */
function send(
  base: string,
  chunks: readonly string[],
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(`${base}/hooks`, { method: 'POST', headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        body += chunk;
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    outgoing.on('error', reject);
    for (const chunk of chunks) outgoing.write(chunk);
    outgoing.end();
  });
}

const report = { id: 't1', status: 'APPROVED' };

describe('nodeHandler over node:http', () => {
  it('answers 200 only after onEvent resolved for every event', async () => {
    const done: string[] = [];
    const { handler } = setUp(async (event: WebhookEvent) => {
      for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve));
      done.push(event.id);
    });
    const base = await serve(handler);
    const answer = await fetch(`${base}/hooks`, {
      method: 'POST',
      body: testBody(report, { id: 't2', status: 'X' }),
    });
    expect(answer.status).toBe(200);
    expect(done).toEqual(['test:t1:APPROVED', 'test:t2:X']);
    expect(await answer.json()).toEqual({ code: 0, msg: 'OK' });
  });

  it('drops a redelivery', async () => {
    const seen: string[] = [];
    const { handler } = setUp((event) => seen.push(event.id));
    const base = await serve(handler);
    for (let delivery = 0; delivery < 3; delivery++) {
      expect((await send(base, [testBody(report)])).status).toBe(200);
    }
    expect(seen).toEqual(['test:t1:APPROVED']);
  });

  it('answers 400 for a bad body, 401 for a missing secret, 405 for another method, 500 when onEvent fails', async () => {
    let fail = false;
    const { handler, errors } = setUp(
      () => {
        if (fail) throw new Error('boom');
      },
      { authentication: { type: 'shared-secret', secret: 'hook-secret-77c0', header: 'x-token' } },
    );
    const base = await serve(handler);
    const token = { 'x-token': 'hook-secret-77c0' };
    expect((await send(base, ['{"not":"a list"}'], token)).status).toBe(400);
    expect((await send(base, [testBody(report)])).status).toBe(401);
    expect((await fetch(`${base}/hooks`)).status).toBe(405);
    fail = true;
    expect((await send(base, [testBody(report)], token)).status).toBe(500);
    expect(errors.map((error) => error.message)).toEqual([
      'not an array',
      'The webhook call does not carry the shared secret in its header x-token',
      'boom',
    ]);
  });

  it('answers 413 past the size limit, declared or streamed, and accepts a body of exactly the limit', async () => {
    const seen: string[] = [];
    const body = testBody(report);
    const { handler, errors } = setUp((event) => seen.push(event.id), { maxBodyBytes: body.length });
    const base = await serve(handler);
    const big = `[${' '.repeat(4096)}]`;
    expect((await send(base, [big], { 'content-length': String(big.length) })).status).toBe(413);
    expect((await send(base, [body.slice(0, 10), body.slice(10), ' '])).status).toBe(413);
    expect((await send(base, [body])).status).toBe(200);
    expect(seen).toEqual(['test:t1:APPROVED']);
    expect(errors.map((error) => error.httpStatusCode)).toEqual([413, 413]);
  });

  it('takes a body Express has read raw, within the limit, and refuses one a JSON parser consumed', async () => {
    const seen: string[] = [];
    const { handler, errors } = setUp((event) => seen.push(event.id), { maxBodyBytes: 64 });
    const base = await serve(async (incoming, response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of incoming) chunks.push(chunk as Buffer);
      const raw = Buffer.concat(chunks);
      // What express.raw() and express.json() leave on the request.
      Object.assign(incoming, { body: incoming.url === '/raw' ? raw : JSON.parse(raw.toString('utf8')) });
      await handler(incoming, response);
    });
    const raw = await fetch(`${base}/raw`, { method: 'POST', body: testBody(report) });
    expect(raw.status).toBe(200);
    expect(seen).toEqual(['test:t1:APPROVED']);
    const tooLarge = await fetch(`${base}/raw`, { method: 'POST', body: testBody(report, report, report) });
    expect(tooLarge.status).toBe(413);
    const parsed = await fetch(`${base}/json`, { method: 'POST', body: testBody(report) });
    expect(parsed.status).toBe(500);
    expect(errors.map((error) => error.code)).toEqual(['BAD_RESPONSE', 'CONFIG']);
    expect(errors[1]?.message).toContain('body parser');
  });
});
