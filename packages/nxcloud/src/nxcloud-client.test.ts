import { inspect } from 'node:util';
import {
  AuthenticationError,
  createClient,
  type Hooks,
  InvalidRequestError,
  ProviderUnavailableError,
  UnsupportedOperationError,
  type WhatsAppClient,
} from '@whatsapp-bsp/core';
import { FakeClock } from '@whatsapp-bsp/core/testing';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  failure,
  flowListData,
  success,
  templateItem,
  templateListData,
} from './__fixtures__/nxcloud-built-payloads.js';
import { BASE_URL, captureRequests, TEST_OPTIONS } from './__fixtures__/nxcloud-test-support.js';
import { QUERY_FLOW_BY_ID_EXAMPLE } from './__fixtures__/nxcloud-vendor-examples.js';
import { nxcloud } from './nxcloud-provider.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const FLOW_ID = '3603023670018851';
const PATH = '/api/wa/queryFlowById';
const HTML_502 = '<html><body><h1>502 Bad Gateway</h1></body></html>';

/** What the call threw or rejected with: the client refuses some input at once, some on first read. */
async function rejectionOf(call: () => unknown): Promise<unknown> {
  try {
    await call();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

/** A client over the real adapter; the fake clock makes back-off instant and recorded. */
function clientWith(maxAttempts = 3) {
  const clock = new FakeClock(1_700_000_000_000);
  const events: unknown[] = [];
  const hooks: Hooks = {
    onRequest: (event) => events.push(event),
    onResponse: (event) => events.push(event),
    onRetry: (event) => events.push(event),
  };
  const client = createClient({
    provider: nxcloud({ ...TEST_OPTIONS, now: () => clock.now() }),
    retry: { maxAttempts },
    rateLimit: false,
    clock,
    hooks,
  });
  return { client, clock, events };
}

describe('through the core client', () => {
  it.each([
    ['code -1', 200, failure(-1)],
    ['code 9001', 200, failure(9001, '系统业务错误')],
    ['an HTML 502', 502, HTML_502],
    ['a JSON 503', 503, failure(-1)],
  ])('retries a read that failed with %s, and reports the attempts', async (_name, status, body) => {
    const scope = nock(BASE_URL)
      .post(PATH)
      .reply(status, body)
      .post(PATH)
      .reply(status, body)
      .post(PATH)
      .reply(200, QUERY_FLOW_BY_ID_EXAMPLE);
    const requests = captureRequests(scope);
    const { client, clock } = clientWith(3);

    const flow = await client.flows.get(FLOW_ID);

    expect(flow.id).toBe(FLOW_ID);
    expect(flow.$metadata).toMatchObject({ provider: 'nxcloud', attempts: 3, httpStatusCode: 200 });
    expect(flow.$metadata.totalRetryDelayMs).toBe(clock.sleeps.reduce((sum, ms) => sum + ms, 0));
    expect(clock.sleeps).toHaveLength(2);
    expect(requests).toHaveLength(3);
    expect(scope.isDone()).toBe(true);
  });

  it('retries a refused connection, and says nothing was sent when the attempts run out', async () => {
    const refused = () =>
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:443'), { code: 'ECONNREFUSED' });
    nock(BASE_URL)
      .post(PATH)
      .replyWithError(refused())
      .post(PATH)
      .reply(200, QUERY_FLOW_BY_ID_EXAMPLE)
      .post(PATH)
      .times(2)
      .replyWithError(refused());
    const { client } = clientWith(2);

    expect((await client.flows.get(FLOW_ID)).$metadata.attempts).toBe(2);
    const error = await client.flows.get(FLOW_ID).catch((caught: unknown) => caught);
    expect(ProviderUnavailableError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ attempts: 2, outcome: 'not-sent' });
  });

  it('gives up after maxAttempts with the last error and its attempt count', async () => {
    const scope = nock(BASE_URL).post(PATH).times(3).reply(200, failure(9001));
    const requests = captureRequests(scope);
    const error = await clientWith(3)
      .client.flows.get(FLOW_ID)
      .catch((caught: unknown) => caught);
    expect(ProviderUnavailableError.isInstance(error)).toBe(true);
    expect((error as ProviderUnavailableError).attempts).toBe(3);
    expect((error as ProviderUnavailableError).vendorCode).toBe(9001);
    expect(requests).toHaveLength(3);
  });

  it('does not retry an invalid signature (1003)', async () => {
    const scope = nock(BASE_URL).post(PATH).times(3).reply(200, failure(1003, 'Invalid signature'));
    const requests = captureRequests(scope);
    const error = await clientWith(3)
      .client.flows.get(FLOW_ID)
      .catch((caught: unknown) => caught);
    expect(AuthenticationError.isInstance(error)).toBe(true);
    expect((error as AuthenticationError).attempts).toBe(1);
    expect(requests).toHaveLength(1);
  });

  it("waits the vendor's Retry-After on HTTP 429 before retrying", async () => {
    nock(BASE_URL)
      .post(PATH)
      .reply(429, '', { 'Retry-After': '2' })
      .post(PATH)
      .reply(200, QUERY_FLOW_BY_ID_EXAMPLE);
    const { client, clock } = clientWith(3);
    const flow = await client.flows.get(FLOW_ID);
    expect(clock.sleeps).toEqual([2_000]);
    expect(flow.$metadata).toMatchObject({ attempts: 2, totalRetryDelayMs: 2_000 });
  });

  it('gives hooks no secret and no signature, on success, retry and failure', async () => {
    const scope = nock(BASE_URL)
      .post(PATH)
      .reply(function reply() {
        return [
          200,
          failure(9001, `sign ${String(this.req.headers.sign)} secret ${TEST_OPTIONS.accessSecret}`),
        ];
      })
      .post(PATH)
      .reply(200, QUERY_FLOW_BY_ID_EXAMPLE)
      .post(PATH)
      .reply(function reply() {
        return [200, failure(1003, `expected sign ${String(this.req.headers.sign)}`)];
      });
    const requests = captureRequests(scope);
    const { client, events } = clientWith(3);

    await client.flows.get(FLOW_ID);
    const error = await client.flows.get(FLOW_ID).catch((caught: unknown) => caught);

    expect(AuthenticationError.isInstance(error)).toBe(true);
    expect(events.length).toBeGreaterThanOrEqual(5);
    const observable = `${JSON.stringify(events)}\n${inspect(events, { depth: 10 })}\n${inspect(error, { depth: 10 })}`;
    expect(observable).not.toContain(TEST_OPTIONS.accessSecret);
    for (const request of requests) expect(observable).not.toContain(request.headers.sign);
  });

  it('pages flows with the vendor cursor handed back as `after`', async () => {
    const scope = nock(BASE_URL)
      .post('/v1/wa/m/flows/queryFlowsByPhone')
      .reply(200, success(flowListData(['1', '2'], 'QVFIUkFmdGVy', true)))
      .post('/v1/wa/m/flows/queryFlowsByPhone')
      .reply(200, success(flowListData(['3'], 'QVFIUkxhc3Q', false)));
    const requests = captureRequests(scope);

    const flows = await clientWith().client.flows.list({ pageSize: 2 }).toArray();

    expect(flows.map((flow) => flow.id)).toEqual(['1', '2', '3']);
    expect(requests.map((request) => JSON.parse(request.body).after)).toEqual([undefined, 'QVFIUkFmdGVy']);
  });

  it('finds a template by id by scanning the list, as the capabilities say', async () => {
    nock(BASE_URL)
      .post('/api/wa/getTemplate')
      .reply(200, success(templateListData([templateItem('10'), templateItem('11')], 'MTA', true)))
      .post('/api/wa/getTemplate')
      .reply(200, success(templateListData([templateItem('12'), templateItem('13')], 'MTI', false)));
    const template = await clientWith().client.templates.get({ id: '12' });
    expect(template).toMatchObject({ id: '12', name: 'template_12', provider: 'nxcloud' });
  });

  it('is what a configuration naming nxcloud loads, with its options checked by this package', async () => {
    const { now: _now, ...jsonOptions } = TEST_OPTIONS;
    nock(BASE_URL).post(PATH).reply(200, QUERY_FLOW_BY_ID_EXAMPLE);
    const client = await createClient({
      provider: 'nxcloud',
      nxcloud: jsonOptions,
      retry: { maxAttempts: 1 },
    });
    expect((await client.flows.get(FLOW_ID)).provider).toBe('nxcloud');
    const refused = createClient({
      provider: 'nxcloud',
      nxcloud: { ...jsonOptions, businessPhone: '+86 158' },
    });
    await expect(refused).rejects.toMatchObject({ code: 'CONFIG', field: 'businessPhone' });
  });

  it.each([
    ['language', { language: 'en_US' }],
    ['status', { status: 'APPROVED' as const }],
    ['category', { category: 'MARKETING' as const }],
  ])('refuses the %s filter, which NXCloud lacks, before sending anything', async (field, filter) => {
    const scope = nock(BASE_URL)
      .post('/api/wa/getTemplate')
      .reply(200, success(templateListData([], 'x', false)));
    const { client } = clientWith();
    const error = await rejectionOf(() => client.templates.list(filter).toArray());
    expect(UnsupportedOperationError.isInstance(error)).toBe(true);
    expect((error as UnsupportedOperationError).field).toBe(field);
    expect(scope.isDone()).toBe(false);
  });

  // Core checks these once, the same way for every vendor, before the adapter is called.
  it.each([
    ['pageSize', (client: WhatsAppClient) => client.templates.list({ pageSize: 2.5 }).toArray()],
    ['name', (client: WhatsAppClient) => client.templates.list({ name: '  ' }).toArray()],
    ['name', (client: WhatsAppClient) => client.templates.get({ name: 'a\nb', language: 'en' })],
  ])('refuses a bad %s with InvalidRequestError before sending anything', async (field, call) => {
    const scope = nock(BASE_URL)
      .post('/api/wa/getTemplate')
      .reply(200, success(templateListData([], 'x', false)));
    const { client } = clientWith();
    const error = await rejectionOf(() => call(client));
    expect(InvalidRequestError.isInstance(error)).toBe(true);
    expect((error as InvalidRequestError).field).toBe(field);
    expect(scope.isDone()).toBe(false);
  });
});
