import { inspect } from 'node:util';
import {
  FlowSchema,
  InvalidRequestError,
  NotFoundError,
  TemplateSchema,
  UnsupportedOperationError,
} from '@whatsapp-bsp/core';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  flowListData,
  previewData,
  success,
  templateItem,
  templateListData,
} from './__fixtures__/nxcloud-built-payloads.js';
import {
  BASE_URL,
  type CapturedRequest,
  callContext,
  captureRequests,
  FIXED_NOW,
  TEST_OPTIONS,
} from './__fixtures__/nxcloud-test-support.js';
import { GET_TEMPLATE_EXAMPLE, QUERY_FLOW_BY_ID_EXAMPLE } from './__fixtures__/nxcloud-vendor-examples.js';
import { mapNxcloudFlow } from './map-nxcloud-flow.js';
import { nxcloudCapabilities } from './nxcloud-capabilities.js';
import { nxcloud } from './nxcloud-provider.js';
import { type NxcloudSignAlgorithm, signNxcloud } from './nxcloud-sign.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

/** Checks the common headers, recomputing the signature from the body exactly as received. */
function expectSignedRequest(
  request: CapturedRequest,
  action: string,
  algorithm: NxcloudSignAlgorithm = 'md5',
) {
  expect(request.headers.accesskey).toBe(TEST_OPTIONS.accessKey);
  expect(request.headers.ts).toBe(String(FIXED_NOW));
  expect(request.headers.biztype).toBe('2');
  expect(request.headers.action).toBe(action);
  expect(request.headers['content-type']).toBe('application/json');
  expect(request.headers.sign).toBe(
    signNxcloud({
      accessKey: TEST_OPTIONS.accessKey,
      accessSecret: TEST_OPTIONS.accessSecret,
      action,
      bizType: '2',
      ts: request.headers.ts!,
      body: request.body,
      algorithm,
    }),
  );
  if (algorithm === 'md5') expect(request.headers).not.toHaveProperty('algorithm');
  else expect(request.headers.algorithm).toBe('sha256');
  // The secret itself never travels.
  expect(JSON.stringify(request)).not.toContain(TEST_OPTIONS.accessSecret);
}

describe('nxcloud provider', () => {
  it('is a v1 provider with the NXCloud capabilities, and shows no secret when inspected', () => {
    const provider = nxcloud(TEST_OPTIONS);
    expect(provider.specificationVersion).toBe('v1');
    expect(provider.id).toBe('nxcloud');
    expect(provider.capabilities).toBe(nxcloudCapabilities);
    expect(inspect(provider, { depth: 10 })).not.toContain(TEST_OPTIONS.accessSecret);
  });

  describe('doGetFlow', () => {
    it('posts a signed queryFlowById with flow_id and business_phone, and maps the answer', async () => {
      const scope = nock(BASE_URL).post('/api/wa/queryFlowById').reply(200, QUERY_FLOW_BY_ID_EXAMPLE);
      const requests = captureRequests(scope);

      const result = await nxcloud(TEST_OPTIONS).flows.doGet({ id: '3603023670018851' }, callContext());

      expect(requests).toHaveLength(1);
      const [request] = requests;
      expectSignedRequest(request!, 'queryFlowById');
      expect(request!.path).toBe('/api/wa/queryFlowById');
      expect(JSON.parse(request!.body)).toEqual({
        appkey: TEST_OPTIONS.appKey,
        business_phone: TEST_OPTIONS.businessPhone,
        messaging_product: 'whatsapp',
        flow_id: '3603023670018851',
      });
      expect(result.httpStatusCode).toBe(200);
      expect(result.value).toEqual(mapNxcloudFlow(JSON.parse(QUERY_FLOW_BY_ID_EXAMPLE).data));
      expect(FlowSchema.safeParse(result.value).success).toBe(true);
    });

    it('signs with sha256 and says so in the algorithm header when configured', async () => {
      const scope = nock(BASE_URL).post('/api/wa/queryFlowById').reply(200, QUERY_FLOW_BY_ID_EXAMPLE);
      const requests = captureRequests(scope);
      await nxcloud({ ...TEST_OPTIONS, signAlgorithm: 'sha256' }).flows.doGet(
        { id: '3603023670018851' },
        callContext(),
      );
      expectSignedRequest(requests[0]!, 'queryFlowById', 'sha256');
      expect(requests[0]!.headers.sign).toMatch(/^[0-9a-f]{64}$/);
    });

    it('uses an overridden action and path, signing with that action', async () => {
      const scope = nock('http://127.0.0.1:8080')
        .post('/nx/v1/wa/m/flows/queryFlowById')
        .reply(200, QUERY_FLOW_BY_ID_EXAMPLE);
      const requests = captureRequests(scope);
      await nxcloud({
        ...TEST_OPTIONS,
        baseUrl: 'http://127.0.0.1:8080/nx/',
        operations: { queryFlowById: { path: '/v1/wa/m/flows/queryFlowById', action: 'getTemplate' } },
      }).flows.doGet({ id: '3603023670018851' }, callContext());
      expectSignedRequest(requests[0]!, 'getTemplate');
    });

    it('stamps each request with the injected clock', async () => {
      let now = FIXED_NOW;
      const scope = nock(BASE_URL)
        .post('/api/wa/queryFlowById')
        .times(2)
        .reply(200, QUERY_FLOW_BY_ID_EXAMPLE);
      const requests = captureRequests(scope);
      const provider = nxcloud({ ...TEST_OPTIONS, now: () => now });
      await provider.flows.doGet({ id: '3603023670018851' }, callContext());
      now += 61_000;
      await provider.flows.doGet({ id: '3603023670018851' }, callContext());
      expect(requests.map((request) => request.headers.ts)).toEqual([
        String(FIXED_NOW),
        String(FIXED_NOW + 61_000),
      ]);
    });
  });

  describe('doListFlows', () => {
    it('posts queryFlowsByPhone with `phone` (not business_phone), limit and the after cursor', async () => {
      const scope = nock(BASE_URL)
        .post('/v1/wa/m/flows/queryFlowsByPhone')
        .reply(200, success(flowListData(['11', '12'], 'QVFIUk2', true)));
      const requests = captureRequests(scope);

      const result = await nxcloud(TEST_OPTIONS).flows.doList(
        { pageSize: 2, cursor: 'QVFIUk1' },
        callContext(),
      );

      expectSignedRequest(requests[0]!, 'queryFlowsByPhone');
      expect(JSON.parse(requests[0]!.body)).toEqual({
        appkey: TEST_OPTIONS.appKey,
        phone: TEST_OPTIONS.businessPhone,
        messaging_product: 'whatsapp',
        limit: 2,
        after: 'QVFIUk1',
      });
      expect(result.value.items.map((flow) => flow.id)).toEqual(['11', '12']);
      expect(result.value.nextCursor).toBe('QVFIUk2');
    });

    it('sends no after field on the first page and ends when paging.next is absent', async () => {
      const scope = nock(BASE_URL)
        .post('/v1/wa/m/flows/queryFlowsByPhone')
        .reply(200, success(flowListData(['11'], 'QVFIUk2', false)));
      const requests = captureRequests(scope);
      const result = await nxcloud(TEST_OPTIONS).flows.doList({ pageSize: 20 }, callContext());
      expect(JSON.parse(requests[0]!.body)).not.toHaveProperty('after');
      expect(result.value.nextCursor).toBeUndefined();
    });
  });

  describe('doGetFlowPreview', () => {
    it('posts getPreviewByFlowId and falls back to the requested id', async () => {
      const scope = nock(BASE_URL)
        .post('/v1/wa/m/flows/getPreviewByFlowId')
        .reply(200, success(previewData()));
      const requests = captureRequests(scope);
      const result = await nxcloud(TEST_OPTIONS).flows.doGetPreview(
        { id: '1743798696088965' },
        callContext(),
      );
      expectSignedRequest(requests[0]!, 'getPreviewByFlowId');
      expect(JSON.parse(requests[0]!.body)).toEqual({
        appkey: TEST_OPTIONS.appKey,
        messaging_product: 'whatsapp',
        flow_id: '1743798696088965',
      });
      expect(result.value.flowId).toBe('1743798696088965');
      expect(result.value.expiresAt).toEqual(new Date('2024-01-06T08:31:25Z'));
    });
  });

  describe('doListTemplates', () => {
    it('posts getTemplate with business_phone, limit, after and name, and maps the page', async () => {
      const scope = nock(BASE_URL).post('/api/wa/getTemplate').reply(200, GET_TEMPLATE_EXAMPLE);
      const requests = captureRequests(scope);

      const result = await nxcloud(TEST_OPTIONS).templates.doList(
        { pageSize: 20, cursor: 'MAZDZD', name: 'normal_text3' },
        callContext(),
      );

      expectSignedRequest(requests[0]!, 'getTemplate');
      expect(JSON.parse(requests[0]!.body)).toEqual({
        appkey: TEST_OPTIONS.appKey,
        business_phone: TEST_OPTIONS.businessPhone,
        messaging_product: 'whatsapp',
        limit: 20,
        after: 'MAZDZD',
        name: 'normal_text3',
      });
      expect(result.value.items.map((template) => template.name)).toEqual(['normal_text3']);
      expect(result.value.nextCursor).toBe('MTkZD');
    });

    it.each([
      ['language', { language: 'en_US' }],
      ['status', { status: 'APPROVED' as const }],
      ['category', { category: 'MARKETING' as const }],
    ])('refuses the %s filter, which NXCloud lacks, without sending anything', async (field, filter) => {
      const scope = nock(BASE_URL).post('/api/wa/getTemplate').reply(200, GET_TEMPLATE_EXAMPLE);
      const error = await nxcloud(TEST_OPTIONS)
        .templates.doList({ pageSize: 20, ...filter }, callContext())
        .catch((caught: unknown) => caught);
      expect(UnsupportedOperationError.isInstance(error)).toBe(true);
      expect((error as UnsupportedOperationError).field).toBe(field);
      expect(scope.isDone()).toBe(false);
    });
  });

  describe('doGetTemplate', () => {
    const variants = [
      templateItem('1', 'order_update', 'en_US'),
      templateItem('2', 'order_update_v2', 'zh_CN'),
      templateItem('3', 'order_update', 'zh_CN'),
    ];

    it('asks getTemplate for the name and picks the requested language', async () => {
      const scope = nock(BASE_URL)
        .post('/api/wa/getTemplate')
        .reply(200, success(templateListData(variants, 'x', false)));
      const requests = captureRequests(scope);

      const result = await nxcloud(TEST_OPTIONS).templates.doGet(
        { name: 'order_update', language: 'zh_CN' },
        callContext(),
      );

      expectSignedRequest(requests[0]!, 'getTemplate');
      expect(JSON.parse(requests[0]!.body)).toEqual({
        appkey: TEST_OPTIONS.appKey,
        business_phone: TEST_OPTIONS.businessPhone,
        messaging_product: 'whatsapp',
        limit: 100,
        name: 'order_update',
      });
      expect(result.value.id).toBe('3');
      expect(TemplateSchema.safeParse(result.value).success).toBe(true);
    });

    it('matches en-us to en_US', async () => {
      nock(BASE_URL)
        .post('/api/wa/getTemplate')
        .reply(200, success(templateListData(variants, 'x', false)));
      const result = await nxcloud(TEST_OPTIONS).templates.doGet(
        { name: 'order_update', language: 'en-us' },
        callContext(),
      );
      expect(result.value.id).toBe('1');
    });

    it('is NotFound when the language is missing, even if the vendor matched the name loosely', async () => {
      nock(BASE_URL)
        .post('/api/wa/getTemplate')
        .reply(200, success(templateListData(variants, 'x', false)));
      await expect(
        nxcloud(TEST_OPTIONS).templates.doGet({ name: 'order_update_v2', language: 'en_US' }, callContext()),
      ).rejects.toThrow(NotFoundError);
    });

    it('refuses a get by id, which NXCloud cannot do natively, without sending anything', async () => {
      const scope = nock(BASE_URL).post('/api/wa/getTemplate').reply(200, GET_TEMPLATE_EXAMPLE);
      await expect(nxcloud(TEST_OPTIONS).templates.doGet({ id: '15xxxx67' }, callContext())).rejects.toThrow(
        UnsupportedOperationError,
      );
      expect(scope.isDone()).toBe(false);
    });
  });

  describe('input checks before sending', () => {
    const provider = nxcloud(TEST_OPTIONS);
    it.each([
      ['id', () => provider.flows.doGet({ id: 'flow-1' }, callContext())],
      ['id', () => provider.flows.doGet({ id: '' }, callContext())],
      ['id', () => provider.flows.doGetPreview({ id: '12 34' }, callContext())],
      ['cursor', () => provider.flows.doList({ pageSize: 2, cursor: '' }, callContext())],
      ['cursor', () => provider.flows.doList({ pageSize: 2, cursor: 'has space' }, callContext())],
      ['cursor', () => provider.templates.doList({ pageSize: 2, cursor: 'x'.repeat(1025) }, callContext())],
      ['pageSize', () => provider.flows.doList({ pageSize: 0 }, callContext())],
      ['pageSize', () => provider.templates.doList({ pageSize: 101 }, callContext())],
      ['pageSize', () => provider.templates.doList({ pageSize: 2.5 }, callContext())],
      ['name', () => provider.templates.doList({ pageSize: 2, name: '  ' }, callContext())],
      ['name', () => provider.templates.doGet({ name: 'a\nb', language: 'en' }, callContext())],
      ['language', () => provider.templates.doGet({ name: 'a', language: 'English' }, callContext())],
    ])('rejects a bad %s with InvalidRequestError', async (field, call) => {
      const scope = nock(BASE_URL).post(/.*/).reply(200, QUERY_FLOW_BY_ID_EXAMPLE);
      const error = await call().catch((caught: unknown) => caught);
      expect(InvalidRequestError.isInstance(error)).toBe(true);
      expect((error as InvalidRequestError).field).toBe(field);
      expect(scope.isDone()).toBe(false);
    });
  });
});
