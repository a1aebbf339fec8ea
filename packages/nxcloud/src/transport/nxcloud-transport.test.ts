import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  BASE_URL,
  callContext,
  captureRequests,
  expectSignedRequest,
  FIXED_NOW,
  TEST_OPTIONS,
} from '../__fixtures__/nxcloud-test-support.js';
import { QUERY_FLOW_BY_ID_EXAMPLE } from '../__fixtures__/nxcloud-vendor-examples.js';
import { nxcloud } from '../nxcloud-provider.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('nxcloud transport', () => {
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
    const scope = nock(BASE_URL).post('/api/wa/queryFlowById').times(2).reply(200, QUERY_FLOW_BY_ID_EXAMPLE);
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
