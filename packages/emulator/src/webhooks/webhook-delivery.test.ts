import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CallbackReceiver, startCallbackReceiver, until } from '../__fixtures__/callback-receiver.js';
import { ManualClock } from '../__fixtures__/manual-clock.js';
import type { TemplateInput } from '../model.js';
import { type Emulator, type StartEmulatorOptions, startEmulator } from '../start-emulator.js';

let receiver: CallbackReceiver;
let emulator: Emulator | undefined;

beforeEach(async () => {
  receiver = await startCallbackReceiver();
});
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
  await receiver.close();
});

async function start(options: StartEmulatorOptions = {}): Promise<Emulator> {
  emulator = await startEmulator({ data: { flows: 0, templates: 0 }, ...options });
  return emulator;
}

const draft = (name: string): TemplateInput => ({
  name,
  language: 'en_US',
  category: 'UTILITY',
  status: 'PENDING',
  components: [{ type: 'BODY', text: 'Your order has shipped.' }],
});

const bodies = () => receiver.received.map(({ body }) => JSON.parse(body));

describe('callbacks on template review', () => {
  it("posts NXCloud's template-webhook envelope, time in Unix seconds, when a template is approved", async () => {
    const clock = new ManualClock();
    const { review, webhooks, nxcloud } = await start({
      now: clock.now,
      timers: clock,
      webhooks: { nxcloud: receiver.url },
    });
    const template = review.submit(draft('order_shipped'));
    await webhooks.settled();
    expect(receiver.received).toEqual([]);
    clock.advance(200);
    await webhooks.settled();
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]?.headers['content-type']).toBe('application/json');
    expect(receiver.received[0]?.body).toBe(
      JSON.stringify({
        field: 'message_template_status_update',
        value: {
          business_phone: nxcloud.config.businessPhone,
          event: 'APPROVED',
          message_template_id: template.id,
          message_template_language: 'en_US',
          message_template_name: 'order_shipped',
          reason: 'NONE',
          time: Math.floor(clock.now() / 1000),
          wabaId: '102290129340398',
        },
      }),
    );
    // Unsigned unless asked for.
    expect(receiver.received[0]?.headers).not.toHaveProperty('sign');
  });

  it('posts CAMS’s ChatAppAudit array, lower-case statuses, the reason of a rejection', async () => {
    const { review, webhooks } = await start({
      review: { delayMs: 0, rules: [{ rejectNamesMatching: /^promo_/, reason: 'TAG_CONTENT_MISMATCH' }] },
      webhooks: { cams: receiver.url },
    });
    const approved = review.submit(draft('receipt'));
    const rejected = review.submit(draft('promo_sale'));
    await webhooks.settled();
    expect(bodies()).toEqual([
      [
        {
          WabaId: '102290129340398',
          TemplateCode: approved.code,
          Language: 'en_US',
          AuditStatus: 'pass',
          Reason: '',
        },
      ],
      [
        {
          WabaId: '102290129340398',
          TemplateCode: rejected.code,
          Language: 'en_US',
          AuditStatus: 'fail',
          Reason: 'TAG_CONTENT_MISMATCH',
        },
      ],
    ]);
  });

  it('reports any status change of the store, such as a test pausing a template', async () => {
    const { store, webhooks } = await start({ webhooks: { nxcloud: receiver.url, cams: receiver.url } });
    const stored = store.templates.add({ ...draft('paused_one'), status: 'APPROVED' });
    store.templates.replace({ ...stored, status: 'PAUSED' });
    store.templates.replace({ ...stored, status: 'PAUSED', category: 'MARKETING' });
    await webhooks.settled();
    expect(bodies()).toEqual([
      expect.objectContaining({ value: expect.objectContaining({ event: 'PAUSED' }) }),
      [expect.objectContaining({ AuditStatus: 'paused' })],
    ]);
  });

  it("posts NXCloud's flows webhook when a flow's status changes, and nothing for CAMS, which has none", async () => {
    const { store, webhooks } = await start({ webhooks: { nxcloud: receiver.url, cams: receiver.url } });
    const flow = store.flows.add({
      name: 'signup',
      status: 'DRAFT',
      categories: ['SIGN_UP'],
      validationErrors: [],
    });
    store.flows.replace({ ...flow, status: 'PUBLISHED' });
    store.flows.replace({ ...flow, status: 'PUBLISHED', name: 'signup v2' });
    store.flows.replace({ ...flow, status: 'BLOCKED' });
    await webhooks.settled();
    expect(bodies()).toEqual([
      {
        field: 'flows',
        value: expect.objectContaining({
          event: 'FLOW_STATUS_CHANGE',
          flow_id: flow.id,
          old_status: 'DRAFT',
          new_status: 'PUBLISHED',
          message: 'Flow signup changed status from DRAFT to PUBLISHED',
          time: expect.any(Number),
        }),
      },
      {
        field: 'flows',
        value: expect.objectContaining({ flow_id: flow.id, old_status: 'PUBLISHED', new_status: 'BLOCKED' }),
      },
    ]);
    expect(webhooks.deliveries('cams')).toEqual([]);
  });

  it('signs NXCloud callbacks as NXCloud signs requests, over the exact body', async () => {
    const { review, webhooks, nxcloud } = await start({
      review: { delayMs: 0 },
      webhooks: { nxcloud: receiver.url, nxcloudSignature: {} },
    });
    review.submit(draft('signed_md5'));
    webhooks.configure({
      nxcloudSignature: { algorithm: 'sha256', secret: 'shared', headerNames: { sign: 'x-sign' } },
    });
    review.submit(draft('signed_sha256'));
    await webhooks.settled();
    const [md5, sha256] = receiver.received;
    const expected = (headers: Record<string, unknown>, body: string, secret: string, algorithm: string) =>
      createHash(algorithm)
        .update(
          `accessKey=${headers.accesskey}&action=${headers.action}&bizType=${headers.biztype}&ts=${headers.ts}&body=${body}&accessSecret=${secret}`,
        )
        .digest('hex');
    expect(md5?.headers).toMatchObject({
      accesskey: nxcloud.config.accessKey,
      action: 'message_template_status_update',
      biztype: '2',
      ts: expect.stringMatching(/^\d{13}$/),
    });
    expect(md5?.headers).not.toHaveProperty('algorithm');
    expect(md5?.headers.sign).toBe(
      expected(md5?.headers ?? {}, md5?.body ?? '', nxcloud.config.accessSecret, 'md5'),
    );
    expect(sha256?.headers.algorithm).toBe('sha256');
    expect(sha256?.headers['x-sign']).toBe(
      expected(sha256?.headers ?? {}, sha256?.body ?? '', 'shared', 'sha256'),
    );
  });
});

describe('delivery as vendors do it', () => {
  it('delivers at least once: with duplicateChance 1 every callback comes twice, the same bytes', async () => {
    const { review, webhooks } = await start({
      review: { delayMs: 0 },
      webhooks: { nxcloud: receiver.url, duplicateChance: 1 },
    });
    review.submit(draft('twice'));
    await webhooks.settled();
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[0]?.body).toBe(receiver.received[1]?.body);
    expect(webhooks.deliveries().map(({ duplicate, outcome }) => ({ duplicate, outcome }))).toEqual([
      { duplicate: false, outcome: 'delivered' },
      { duplicate: true, outcome: 'delivered' },
    ]);
  });

  it('retries a non-2xx answer until it is accepted', async () => {
    receiver.answer = (index) => [500, 503, 404][index] ?? 204;
    const { review, webhooks } = await start({
      review: { delayMs: 0 },
      webhooks: { cams: receiver.url, retry: { initialDelayMs: 1, maxDelayMs: 2 } },
    });
    review.submit(draft('retried'));
    await webhooks.settled();
    expect(receiver.received).toHaveLength(4);
    expect(new Set(receiver.received.map(({ body }) => body)).size).toBe(1);
    const [delivery] = webhooks.deliveries('cams');
    expect(
      delivery?.attempts.map((attempt) => ('status' in attempt ? attempt.status : attempt.error)),
    ).toEqual([500, 503, 404, 204]);
    expect(delivery?.outcome).toBe('delivered');
  });

  it('backs off doubling up to the cap, on the emulator’s timers, and gives up after the last try', async () => {
    receiver.answer = () => 500;
    const clock = new ManualClock();
    const { review, webhooks } = await start({
      now: clock.now,
      timers: clock,
      review: { delayMs: 0 },
      webhooks: { nxcloud: receiver.url, retry: { attempts: 5, initialDelayMs: 1000, maxDelayMs: 3000 } },
    });
    review.submit(draft('never_accepted'));
    for (const [index, delay] of [1000, 2000, 3000, 3000].entries()) {
      await until(() => clock.waiting > 0);
      expect(receiver.received).toHaveLength(index + 1);
      clock.advance(delay - 1);
      expect(clock.waiting).toBe(1);
      clock.advance(1);
    }
    await webhooks.settled();
    const [delivery] = webhooks.deliveries();
    const times = delivery?.attempts.map(({ at }) => at) ?? [];
    expect(times.slice(1).map((time, index) => time - (times[index] as number))).toEqual([
      1000, 2000, 3000, 3000,
    ]);
    expect(delivery?.outcome).toBe('failed');
    expect(receiver.received).toHaveLength(5);
  });

  it('retries when nothing listens, and records the connection error', async () => {
    const address = receiver.url;
    await receiver.close();
    const { review, webhooks } = await start({
      review: { delayMs: 0 },
      webhooks: { nxcloud: address, retry: { attempts: 3, initialDelayMs: 0 } },
    });
    review.submit(draft('nobody_home'));
    await webhooks.settled();
    const [delivery] = webhooks.deliveries();
    expect(delivery?.attempts).toEqual([
      expect.objectContaining({ error: 'ECONNREFUSED' }),
      expect.objectContaining({ error: 'ECONNREFUSED' }),
      expect.objectContaining({ error: 'ECONNREFUSED' }),
    ]);
    expect(delivery?.outcome).toBe('failed');
    receiver = await startCallbackReceiver();
  });

  it('closing the emulator cancels the retries still waiting', async () => {
    receiver.answer = () => 500;
    const { review, webhooks } = await start({
      review: { delayMs: 0 },
      webhooks: { nxcloud: receiver.url, retry: { initialDelayMs: 3_600_000 } },
    });
    review.submit(draft('cut_short'));
    await until(() => webhooks.deliveries()[0]?.attempts.length === 1);
    await emulator?.close();
    expect(webhooks.deliveries()[0]?.outcome).toBe('cancelled');
  });
});

describe('where callbacks go', () => {
  it('takes URLs at run time and forgets them', async () => {
    const { review, webhooks } = await start({ review: { delayMs: 0 } });
    review.submit(draft('before_register'));
    webhooks.register('cams', receiver.url);
    webhooks.register('cams', receiver.url);
    expect(webhooks.urls('cams')).toEqual([receiver.url]);
    review.submit(draft('after_register'));
    webhooks.unregister('cams', receiver.url);
    review.submit(draft('after_unregister'));
    await webhooks.settled();
    expect(bodies()).toEqual([[expect.objectContaining({ AuditStatus: 'pass' })]]);
  });

  it('posts only to this machine unless told otherwise', async () => {
    const { webhooks } = await start();
    expect(() => webhooks.register('nxcloud', 'http://example.com/hook')).toThrow(/not on this machine/);
    expect(() => webhooks.register('nxcloud', 'http://10.0.0.1/hook')).toThrow(TypeError);
    expect(() => webhooks.register('nxcloud', 'ftp://127.0.0.1/hook')).toThrow(/http or https/);
    webhooks.register('nxcloud', 'http://localhost:1/hook');
    webhooks.register('nxcloud', 'http://[::1]:1/hook');
    webhooks.configure({ allowNonLoopback: true });
    webhooks.register('nxcloud', 'https://hooks.example.com/nxcloud');
    expect(webhooks.urls('nxcloud')).toHaveLength(3);
    await expect(startEmulator({ webhooks: { cams: 'https://hooks.example.com/cams' } })).rejects.toThrow(
      TypeError,
    );
    await expect(startEmulator({ webhooks: { duplicateChance: 2 } })).rejects.toThrow(/duplicateChance/);
  });
});
