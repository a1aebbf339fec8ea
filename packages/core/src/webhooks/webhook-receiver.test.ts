import { beforeEach, describe, expect, it } from 'vitest';
import {
  signatureChecks,
  TEST_SIGNING_SECRET,
  testAdapter,
  testBody,
  testSignature,
  testWebhooksProvider,
} from '../__fixtures__/test-webhooks-provider.js';
import { BspError } from '../errors/bsp-error.js';
import {
  AuthenticationError,
  ConfigError,
  ResponseFormatError,
  UnsupportedOperationError,
} from '../errors/error-classes.js';
import type { WebhookEvent } from '../model/events.js';
import { FakeClock } from '../testing/fake-clock.js';
import { createWebhookReceiver } from './create-webhook-receiver.js';
import type { WebhookReceiverOptions } from './receiver-options.js';

const NOW = Date.UTC(2026, 0, 2, 3, 4, 5);
const SHARED_SECRET = 'shared-secret-8e3b1c';

function receiver(options: WebhookReceiverOptions = {}, clock = new FakeClock(NOW)) {
  return createWebhookReceiver({ provider: testWebhooksProvider(), clock }, options);
}

async function rejection(promise: Promise<unknown>): Promise<BspError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(BspError.isInstance(error), String(error)).toBe(true);
  return error as BspError;
}

beforeEach(() => {
  signatureChecks.length = 0;
});

describe('createWebhookReceiver', () => {
  it('takes a provider instance and returns the receiver at once', () => {
    expect(receiver().providerId).toBe('test');
  });

  it('loads the adapter a configuration names, as createClient does', async () => {
    const loaded = await createWebhookReceiver({ provider: 'test', adapters: { test: testAdapter } });
    expect(loaded.providerId).toBe('test');
    // As createClient: a configuration that fails its schema throws before anything is loaded.
    expect(() =>
      createWebhookReceiver({ provider: 'test', adapters: { test: testAdapter }, timeoutMs: -1 }),
    ).toThrow(ConfigError);
  });

  it('refuses a provider that cannot read callbacks', () => {
    expect(() => createWebhookReceiver({ provider: testWebhooksProvider({ webhooks: false }) })).toThrow(
      UnsupportedOperationError,
    );
  });

  it.each<[string, WebhookReceiverOptions]>([
    ['a body limit of 0', { maxBodyBytes: 0 }],
    ['a fractional body limit', { maxBodyBytes: 1.5 }],
    ['a shared secret carried nowhere', { authentication: { type: 'shared-secret', secret: 's' } }],
    [
      'a shared secret carried twice',
      { authentication: { type: 'shared-secret', secret: 's', header: 'x-a', queryParameter: 'a' } },
    ],
    ['an empty shared secret', { authentication: { type: 'shared-secret', secret: '', header: 'x-a' } }],
    ['a header name with a space', { authentication: { type: 'shared-secret', secret: 's', header: 'x a' } }],
    ['an unknown authentication', { authentication: { type: 'magic' } as never }],
    ['an empty signing secret', { authentication: { type: 'signature', secret: '' } }],
    ['a window of 0', { deduplication: { windowMs: 0 } }],
    ['a store without methods', { deduplication: { store: {} as never } }],
    ['an onError that is not a function', { onError: 'log' as never }],
  ])('refuses %s with a ConfigError', (_, options) => {
    expect(() => receiver(options)).toThrow(ConfigError);
  });

  it('refuses a signature check the adapter cannot make', () => {
    expect(() =>
      createWebhookReceiver(
        { provider: testWebhooksProvider({ signs: false }) },
        { authentication: { type: 'signature' } },
      ),
    ).toThrow(/knows no callback signature/);
  });
});

describe('WebhookReceiver.parse', () => {
  it('maps the body to events, stamped with the time of receipt from the clock', async () => {
    const events = await receiver().parse({ headers: {}, body: testBody({ id: 't1', status: 'APPROVED' }) });
    expect(events).toEqual([
      {
        type: 'template.status',
        id: 'test:t1:APPROVED',
        provider: 'test',
        occurredAt: new Date(NOW),
        raw: { id: 't1', status: 'APPROVED' },
        templateRef: { id: 't1', language: 'en_US' },
        status: 'APPROVED',
      },
    ]);
  });

  it('reads the body as a string or as bytes, and headers in any case, from an object or Headers', async () => {
    const body = testBody({ id: 't1', status: 'APPROVED' });
    const signed = receiver({ authentication: { type: 'signature' } });
    const signature = testSignature(body);
    for (const headers of [
      { 'X-Test-Signature': signature },
      { 'x-test-signature': [signature] },
      new Headers({ 'x-test-signature': signature }),
    ]) {
      await expect(signed.parse({ headers, body })).resolves.toHaveLength(1);
      await expect(signed.parse({ headers, body: new TextEncoder().encode(body) })).resolves.toHaveLength(1);
    }
  });

  it('refuses a body over the limit with a 413 ResponseFormatError', async () => {
    const body = testBody({ id: 't1', status: 'APPROVED' });
    const error = await rejection(receiver({ maxBodyBytes: body.length - 1 }).parse({ headers: {}, body }));
    expect(ResponseFormatError.isInstance(error)).toBe(true);
    expect(error.httpStatusCode).toBe(413);
    await expect(receiver({ maxBodyBytes: body.length }).parse({ headers: {}, body })).resolves.toHaveLength(
      1,
    );
    // Counted in bytes, not characters.
    const wide = testBody({ id: '秘'.repeat(10), status: 'APPROVED' });
    await expect(
      receiver({ maxBodyBytes: wide.length + 10 }).parse({ headers: {}, body: wide }),
    ).rejects.toThrow(/larger than/);
  });

  it.each([
    ['bytes that are not UTF-8', new Uint8Array([0x5b, 0xff, 0x5d]), /not UTF-8/],
    ['text that is not JSON', '[{"id": "t1", "status": "APPROVED"', /not JSON/],
    ['JSON nested too deep', `${'['.repeat(100)}${']'.repeat(100)}`, /deeper than 64/],
    ['JSON the adapter does not read', '{"id":"t1"}', /not an array/],
  ])('refuses %s with a 400 ResponseFormatError that holds nothing of the body', async (_, body, message) => {
    const error = await rejection(receiver().parse({ headers: {}, body }));
    expect(ResponseFormatError.isInstance(error)).toBe(true);
    expect(error.message).toMatch(message);
    expect(error.httpStatusCode ?? 400).toBe(400);
    expect(JSON.stringify(error)).not.toContain('t1');
    expect(error.cause).toBeUndefined();
  });

  it('refuses what is not a raw body with an InvalidRequestError', async () => {
    const error = await rejection(receiver().parse({ headers: {}, body: { id: 't1' } as never }));
    expect(error.code).toBe('INVALID_REQUEST');
    expect(error.field).toBe('body');
  });
});

describe('WebhookReceiver.parse: authentication', () => {
  const body = testBody({ id: 't1', status: 'APPROVED' });

  it('accepts any call by default', async () => {
    await expect(receiver().parse({ headers: {}, body })).resolves.toHaveLength(1);
  });

  it('checks a shared secret in a header, refusing a wrong or missing one with a 401', async () => {
    const checked = receiver({
      authentication: { type: 'shared-secret', secret: SHARED_SECRET, header: 'X-Hook-Token' },
    });
    await expect(checked.parse({ headers: { 'x-hook-token': SHARED_SECRET }, body })).resolves.toHaveLength(
      1,
    );
    for (const headers of [
      {},
      { 'x-hook-token': `${SHARED_SECRET}x` },
      { 'x-hook-token': SHARED_SECRET.slice(1) },
    ]) {
      const error = await rejection(checked.parse({ headers, body }));
      expect(AuthenticationError.isInstance(error)).toBe(true);
      expect(error.httpStatusCode).toBe(401);
      expect(error.message).toContain('X-Hook-Token');
      expect(JSON.stringify(error) + String(error.stack)).not.toContain(SHARED_SECRET.slice(1));
    }
  });

  it('checks a shared secret in a query parameter of the callback URL', async () => {
    const checked = receiver({
      authentication: { type: 'shared-secret', secret: SHARED_SECRET, queryParameter: 'token' },
    });
    const url = `/hooks/cams?token=${encodeURIComponent(SHARED_SECRET)}&x=1`;
    await expect(checked.parse({ headers: {}, body, url })).resolves.toHaveLength(1);
    await expect(
      checked.parse({ headers: {}, body, url: `https://example.test${url}` }),
    ).resolves.toHaveLength(1);
    await expect(checked.parse({ headers: {}, body, url: '/hooks/cams?token=guess' })).rejects.toThrow(
      AuthenticationError,
    );
    await expect(checked.parse({ headers: {}, body })).rejects.toThrow(AuthenticationError);
  });

  it("checks the vendor's signature with the adapter's secret, or the one configured", async () => {
    const signed = receiver({ authentication: { type: 'signature' } });
    await expect(
      signed.parse({ headers: { 'x-test-signature': testSignature(body) }, body }),
    ).resolves.toHaveLength(1);
    expect(signatureChecks.at(-1)).toEqual({});
    const other = receiver({
      authentication: {
        type: 'signature',
        secret: 'rotated-secret-11aa',
        headerNames: { signature: 'x-sig' },
      },
    });
    const headers = { 'x-sig': testSignature(body, 'rotated-secret-11aa') };
    await expect(other.parse({ headers, body })).resolves.toHaveLength(1);
    expect(signatureChecks.at(-1)).toEqual({
      secret: 'rotated-secret-11aa',
      headerNames: { signature: 'x-sig' },
    });
    const error = await rejection(
      signed.parse({ headers: { 'x-test-signature': testSignature(`${body} `) }, body }),
    );
    expect(AuthenticationError.isInstance(error)).toBe(true);
    expect(JSON.stringify(error)).not.toContain(TEST_SIGNING_SECRET);
  });

  it('authenticates before parsing: an unsigned body that is not JSON is a 401, not a 400', async () => {
    const signed = receiver({ authentication: { type: 'signature' } });
    await expect(signed.parse({ headers: {}, body: 'not json' })).rejects.toThrow(AuthenticationError);
  });
});

describe('WebhookReceiver.handle', () => {
  const first = { id: 't1', status: 'APPROVED' };
  const second = { id: 't2', status: 'REJECTED' };

  function recorder() {
    const seen: string[] = [];
    return { seen, onEvent: async (event: WebhookEvent) => void seen.push(event.id) };
  }

  it('answers 200 once onEvent resolved for every event, in the vendor order', async () => {
    const seen: string[] = [];
    let pending = 0;
    const answer = await receiver().handle({ headers: {}, body: testBody(first, second) }, async (event) => {
      pending += 1;
      await new Promise((resolve) => setImmediate(resolve));
      seen.push(event.id);
      pending -= 1;
    });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ code: 0, msg: 'OK' });
    expect(seen).toEqual(['test:t1:APPROVED', 'test:t2:REJECTED']);
    expect(pending).toBe(0);
  });

  it('drops duplicates within the window, in one body and across deliveries, and not after it', async () => {
    const clock = new FakeClock(NOW);
    const hooks = receiver({ deduplication: { windowMs: 60_000 } }, clock);
    const { seen, onEvent } = recorder();
    expect((await hooks.handle({ headers: {}, body: testBody(first, first, second) }, onEvent)).status).toBe(
      200,
    );
    expect((await hooks.handle({ headers: {}, body: testBody(second) }, onEvent)).status).toBe(200);
    expect(seen).toEqual(['test:t1:APPROVED', 'test:t2:REJECTED']);
    clock.advance(60_000);
    await hooks.handle({ headers: {}, body: testBody(second) }, onEvent);
    expect(seen).toEqual(['test:t1:APPROVED', 'test:t2:REJECTED', 'test:t2:REJECTED']);
  });

  it('hands every event on when de-duplication is off', async () => {
    const { seen, onEvent } = recorder();
    const hooks = receiver({ deduplication: false });
    await hooks.handle({ headers: {}, body: testBody(first, first) }, onEvent);
    expect(seen).toEqual(['test:t1:APPROVED', 'test:t1:APPROVED']);
  });

  it('answers 500 when onEvent fails, and handles the redelivery of the event that failed', async () => {
    const errors: unknown[] = [];
    const hooks = receiver({ onError: (error) => errors.push(error) });
    const failure = new Error('database down');
    const seen: string[] = [];
    let failures = 0;
    const flaky = async (event: WebhookEvent) => {
      if (event.id === 'test:t2:REJECTED' && failures === 0) {
        failures += 1;
        throw failure;
      }
      seen.push(event.id);
    };
    const body = testBody(first, second);
    expect((await hooks.handle({ headers: {}, body }, flaky)).status).toBe(500);
    expect(errors).toEqual([failure]);
    expect((await hooks.handle({ headers: {}, body }, flaky)).status).toBe(200);
    expect(seen).toEqual(['test:t1:APPROVED', 'test:t2:REJECTED']);
  });

  it('answers 400, 401 and 413 for refused calls, tells onError, and never calls onEvent', async () => {
    const errors: unknown[] = [];
    const hooks = receiver({
      maxBodyBytes: 64,
      authentication: { type: 'shared-secret', secret: SHARED_SECRET, header: 'x-token' },
      onError: (error) => {
        errors.push(error);
        throw new Error('a logger that fails');
      },
    });
    const { seen, onEvent } = recorder();
    const token = { 'x-token': SHARED_SECRET };
    expect((await hooks.handle({ headers: token, body: '{' }, onEvent)).status).toBe(400);
    expect((await hooks.handle({ headers: {}, body: '[]' }, onEvent)).status).toBe(401);
    expect(
      (await hooks.handle({ headers: token, body: testBody(first, second, first) }, onEvent)).status,
    ).toBe(413);
    expect(seen).toEqual([]);
    expect(errors.map((error) => (error as BspError).code)).toEqual([
      'BAD_RESPONSE',
      'AUTHENTICATION',
      'BAD_RESPONSE',
    ]);
    const answer = await hooks.handle({ headers: {}, body: '[]' }, onEvent);
    expect(answer.body).not.toContain('x-token');
    expect(JSON.parse(answer.body)).toEqual({ code: 401, msg: 'Unauthorized' });
  });

  it('uses the store given, and answers 500 when it fails', async () => {
    const claimed: string[] = [];
    const store = {
      claim: async (id: string, windowMs: number) => {
        claimed.push(`${id}@${windowMs}`);
        return true;
      },
      release: () => {},
    };
    const { seen, onEvent } = recorder();
    await receiver({ deduplication: { store, windowMs: 5_000 } }).handle(
      { headers: {}, body: testBody(first) },
      onEvent,
    );
    expect(claimed).toEqual(['test:t1:APPROVED@5000']);
    expect(seen).toEqual(['test:t1:APPROVED']);
    const broken = { claim: () => Promise.reject(new Error('store down')), release: () => {} };
    const answer = await receiver({ deduplication: { store: broken } }).handle(
      { headers: {}, body: testBody(first) },
      onEvent,
    );
    expect(answer.status).toBe(500);
  });
});
