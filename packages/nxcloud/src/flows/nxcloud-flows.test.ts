import { FlowSchema, InvalidRequestError, ResponseFormatError } from '@whatsapp-bsp/core';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { flowListData, previewData, success } from '../__fixtures__/nxcloud-built-payloads.js';
import {
  BASE_URL,
  callContext,
  captureRequests,
  expectSignedRequest,
  TEST_OPTIONS,
} from '../__fixtures__/nxcloud-test-support.js';
import { QUERY_FLOW_BY_ID_EXAMPLE } from '../__fixtures__/nxcloud-vendor-examples.js';
import { mapNxcloudFlow } from '../nxcloud-payloads.js';
import { nxcloud } from '../nxcloud-provider.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('flows.doGet', () => {
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

  it('refuses a single flow whose id is not the one asked for', async () => {
    nock(BASE_URL).post('/api/wa/queryFlowById').reply(200, QUERY_FLOW_BY_ID_EXAMPLE);
    const error = await nxcloud(TEST_OPTIONS)
      .flows.doGet({ id: '42' }, callContext())
      .catch((caught: unknown) => caught);
    expect(ResponseFormatError.isInstance(error)).toBe(true);
    expect((error as ResponseFormatError).message).toMatch(/answered flow 3603023670018851/);
    expect((error as ResponseFormatError).outcome).toBe('unknown');
  });
});

describe('flows.doList', () => {
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

describe('flows.doGetPreview', () => {
  it('posts getPreviewByFlowId and falls back to the requested id', async () => {
    const scope = nock(BASE_URL).post('/v1/wa/m/flows/getPreviewByFlowId').reply(200, success(previewData()));
    const requests = captureRequests(scope);
    const result = await nxcloud(TEST_OPTIONS).flows.doGetPreview({ id: '1743798696088965' }, callContext());
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

describe('flows: NXCloud id and cursor forms, checked before sending', () => {
  const provider = nxcloud(TEST_OPTIONS);
  it.each([
    ['id', () => provider.flows.doGet({ id: 'flow-1' }, callContext())],
    ['id', () => provider.flows.doGet({ id: '' }, callContext())],
    ['id', () => provider.flows.doGetPreview({ id: '12 34' }, callContext())],
    ['cursor', () => provider.flows.doList({ pageSize: 2, cursor: '' }, callContext())],
    ['cursor', () => provider.flows.doList({ pageSize: 2, cursor: 'has space' }, callContext())],
  ])('rejects a bad %s with InvalidRequestError', async (field, call) => {
    const scope = nock(BASE_URL).post(/.*/).reply(200, QUERY_FLOW_BY_ID_EXAMPLE);
    const error = await call().catch((caught: unknown) => caught);
    expect(InvalidRequestError.isInstance(error)).toBe(true);
    expect((error as InvalidRequestError).field).toBe(field);
    expect((error as InvalidRequestError).outcome).toBe('not-sent');
    expect(scope.isDone()).toBe(false);
  });
});
