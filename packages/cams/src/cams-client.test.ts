import { BspError, createClient, RateLimitError } from '@whatsapp-bsp/core';
import { FakeClock } from '@whatsapp-bsp/core/testing';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { listFlowBody } from './__fixtures__/flows.js';
import { getFlowExampleBody } from './__fixtures__/get-flow.js';
import { interceptCams, ORIGIN, type RecordedRequest, testProvider } from './__fixtures__/harness.js';
import {
  authenticationDetailBody,
  listTemplatesBody,
  orderUpdateDetailBody,
} from './__fixtures__/templates.js';

/* The adapter as users meet it: behind core's client, which retries, paces and pages. */

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

const throttled = { RequestId: 'THROTTLED-1', Code: 'System.LimitControl', Message: 'flow control' };

describe('through the core client', () => {
  it('retries CAMS throttling and reports the request id of the answer', async () => {
    const clock = new FakeClock(1_700_000_000_000);
    const requests: RecordedRequest[] = [];
    interceptCams(requests, [400, throttled]);
    interceptCams(requests, [200, getFlowExampleBody]);
    const client = createClient({
      provider: testProvider(),
      clock,
      rateLimit: false,
      retry: { maxAttempts: 3 },
    });

    const flow = await client.flows.get('92675332812643****');

    expect(flow.name).toBe('flow_001');
    expect(flow.$metadata).toMatchObject({
      provider: 'cams',
      requestId: 'DAC72B08-3327-33EF-BEDC-8EC3E83A6575',
      httpStatusCode: 200,
      attempts: 2,
    });
    expect(requests).toHaveLength(2);
    expect(clock.sleeps).toHaveLength(1);
  });

  it('retries a connection that was never made, which sent nothing', async () => {
    const clock = new FakeClock(1_700_000_000_000);
    const requests: RecordedRequest[] = [];
    nock(ORIGIN)
      .post('/')
      .replyWithError(
        Object.assign(new Error('connect ECONNREFUSED 47.74.0.1:443'), { code: 'ECONNREFUSED' }),
      );
    interceptCams(requests, [200, getFlowExampleBody]);
    const client = createClient({ provider: testProvider(), clock, rateLimit: false });

    const flow = await client.flows.get('92675332812643****');

    expect(flow.$metadata.attempts).toBe(2);
    expect(requests).toHaveLength(1);
  });

  it('gives up with the last RateLimitError, attempts counted, when throttling persists', async () => {
    for (let i = 0; i < 2; i++) interceptCams([], [400, throttled]);
    const client = createClient({
      provider: testProvider(),
      clock: new FakeClock(),
      rateLimit: false,
      retry: { maxAttempts: 2 },
    });

    const error = await client.flows.get('f-1').catch((thrown: unknown) => thrown);

    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ attempts: 2, requestId: 'THROTTLED-1', vendorCode: 'System.LimitControl' });
  });

  it('lists flows to the end through opaque cursors', async () => {
    const requests: RecordedRequest[] = [];
    interceptCams(requests, [
      200,
      listFlowBody([
        { id: 'a', name: 'A' },
        { id: 'b', name: 'B' },
      ]),
    ]);
    interceptCams(requests, [200, listFlowBody([])]);
    const client = createClient({ provider: testProvider(), rateLimit: false });

    const flows = await client.flows.list({ pageSize: 2 }).toArray();

    expect(flows.map((flow) => flow.id)).toEqual(['a', 'b']);
    expect(requests.map((request) => request.form.Page)).toEqual([
      '{"Index":1,"Size":2}',
      '{"Index":2,"Size":2}',
    ]);
  });

  it('lists templates with components by fetching each detail', async () => {
    const requests: RecordedRequest[] = [];
    interceptCams(requests, [
      200,
      listTemplatesBody(2, [
        { code: '744c4b5c79c9432497a075bdfca30001', name: 'order_update' },
        { code: '744c4b5c79c9432497a075bdfca30002', name: 'login_code', language: 'en' },
      ]),
    ]);
    interceptCams(requests, (request) => [
      200,
      request.query.TemplateCode === '744c4b5c79c9432497a075bdfca30002'
        ? authenticationDetailBody
        : orderUpdateDetailBody,
    ]);
    interceptCams(requests, (request) => [
      200,
      request.query.TemplateCode === '744c4b5c79c9432497a075bdfca30002'
        ? authenticationDetailBody
        : orderUpdateDetailBody,
    ]);
    const client = createClient({ provider: testProvider(), rateLimit: false });

    const templates = await client.templates.list({ withComponents: true }).toArray();

    expect(templates.map((template) => [template.name, template.components.length])).toEqual([
      ['order_update', 4],
      ['login_code', 3],
    ]);
    expect(requests.map((request) => request.headers['x-acs-action'])).toEqual([
      'ListChatappTemplate',
      'GetChatappTemplateDetail',
      'GetChatappTemplateDetail',
    ]);
    // Each detail is fetched by the native TemplateCode the list gave, not looked up by name.
    expect(
      requests.slice(1).map((request) => [request.query.TemplateCode, request.query.TemplateName]),
    ).toEqual([
      ['744c4b5c79c9432497a075bdfca30001', undefined],
      ['744c4b5c79c9432497a075bdfca30002', undefined],
    ]);
  });

  it('gets a template by the id a list handed out', async () => {
    const requests: RecordedRequest[] = [];
    interceptCams(requests, [
      200,
      listTemplatesBody(1, [{ code: '744c4b5c79c9432497a075bdfca30001', name: 'order_update' }]),
    ]);
    interceptCams(requests, [200, orderUpdateDetailBody]);
    const client = createClient({ provider: testProvider(), rateLimit: false });

    const [summary] = await client.templates.list().toArray();
    const template = await client.templates.get({ id: summary?.id ?? '' });

    expect(template.id).toBe(summary?.id);
    expect(requests[1]?.query).toMatchObject({
      TemplateCode: '744c4b5c79c9432497a075bdfca30001',
      Language: 'en_US',
    });
  });
});

/** What the call threw or rejected with; a lazy list is read to its first page. */
async function rejectionOf(call: () => unknown): Promise<unknown> {
  try {
    const result = call();
    const pages = (result as { pages?: () => AsyncGenerator<unknown> } | null)?.pages;
    if (typeof pages === 'function') await pages.call(result).next();
    else await result;
  } catch (error) {
    return error;
  }
  throw new Error('the input was accepted');
}

/*
 * The client checks input once, the same way for every vendor; the adapter checks only what is
 * specific to CAMS's wire. These are the values the adapter used to check itself.
 */
describe('input the core client refuses before anything is sent', () => {
  const untyped = <T>(value: unknown) => value as T;
  const client = () => createClient({ provider: testProvider(), rateLimit: false });

  it.each([
    ['flows.get', (id: string) => client().flows.get(id)],
    ['flows.preview', (id: string) => client().flows.preview(id)],
  ] as const)('%s with an empty, blank, control-character or overlong id', async (_, call) => {
    for (const id of ['', '   ', 'f-1\n', 'x'.repeat(513)]) {
      const requests: RecordedRequest[] = [];
      interceptCams(requests, [200, getFlowExampleBody]);

      const error = await rejectionOf(() => call(id));

      expect(BspError.isInstance(error) && error.name, String(id)).toBe('InvalidRequestError');
      expect(error).toMatchObject({ field: 'id', outcome: 'not-sent' });
      expect(requests).toHaveLength(0);
      nock.cleanAll();
    }
  });

  it.each([
    ['flows.list({ pageSize: NaN })', () => client().flows.list({ pageSize: Number.NaN }), 'pageSize'],
    [
      "templates.list({ category: 'TRANSACTIONAL' })",
      () => client().templates.list({ category: untyped('TRANSACTIONAL') }),
      'category',
    ],
    [
      "templates.get({ name, language: '' })",
      () => client().templates.get({ name: 'order_update', language: '' }),
      'language',
    ],
    // Refused, not trimmed: a name means the same on every vendor.
    [
      "templates.list({ name: ' order_update' })",
      () => client().templates.list({ name: ' order_update' }),
      'name',
    ],
    [
      "templates.list({ language: 'en_US ' })",
      () => client().templates.list({ language: 'en_US ' }),
      'language',
    ],
    [
      "templates.get({ name: 'order_update ', language })",
      () => client().templates.get({ name: 'order_update ', language: 'en_US' }),
      'name',
    ],
    [
      "templates.get({ name, language: ' en_US' })",
      () => client().templates.get({ name: 'order_update', language: ' en_US' }),
      'language',
    ],
    ["flows.get(' 926…')", () => client().flows.get(' 92675332812643'), 'id'],
  ] as const)('%s', async (_, call, field) => {
    const requests: RecordedRequest[] = [];
    interceptCams(requests, [200, getFlowExampleBody]);

    const error = await rejectionOf(call);

    expect(BspError.isInstance(error) && error.name).toBe('InvalidRequestError');
    expect(error).toMatchObject({ field, outcome: 'not-sent' });
    expect(requests).toHaveLength(0);
  });
});

describe('cancellation through the core client', () => {
  // The client answers at once; the request itself is cancelled too (cams-network.test.ts shows it).
  it('rejects at once with the abort reason while the request is in flight', async () => {
    const controller = new AbortController();
    const reason = new Error('caller gave up');
    const scope = nock(ORIGIN).post('/').delay(60_000).reply(200, getFlowExampleBody);
    scope.on('request', () => controller.abort(reason));
    const client = createClient({ provider: testProvider(), rateLimit: false });

    await expect(client.flows.get('f-1', { signal: controller.signal })).rejects.toBe(reason);
  });

  it('sends nothing when the signal is already aborted', async () => {
    const requests: RecordedRequest[] = [];
    interceptCams(requests, [200, getFlowExampleBody]);
    const reason = new Error('already cancelled');
    const client = createClient({ provider: testProvider(), rateLimit: false });

    await expect(client.flows.get('f-1', { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(requests).toHaveLength(0);
  });
});
