import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getFlowExampleBody } from '../__fixtures__/get-flow.js';
import {
  ACCESS_KEY_ID,
  callContext,
  interceptCams,
  type RecordedRequest,
  testProvider,
} from '../__fixtures__/harness.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('requests', () => {
  it('are signed ACS3-HMAC-SHA256 requests dated by the injected clock, each with its own nonce', async () => {
    const requests: RecordedRequest[] = [];
    interceptCams(requests, [200, getFlowExampleBody]);
    interceptCams(requests, [200, getFlowExampleBody]);
    const provider = testProvider();

    await provider.flows.doGet({ id: 'f-1' }, callContext());
    await provider.flows.doGet({ id: 'f-1' }, callContext());

    const [first, second] = requests;
    expect(first?.headers).toMatchObject({
      'x-acs-action': 'GetFlow',
      'x-acs-version': '2020-06-06',
      'x-acs-date': '2023-11-21T01:43:56Z',
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(first?.headers.authorization).toMatch(
      new RegExp(
        `^ACS3-HMAC-SHA256 Credential=${ACCESS_KEY_ID},SignedHeaders=[a-z0-9;-]+,Signature=[0-9a-f]{64}$`,
      ),
    );
    expect(first?.headers['x-acs-signature-nonce']).not.toBe(second?.headers['x-acs-signature-nonce']);
  });

  it('carry the STS token as a signed header', async () => {
    const requests: RecordedRequest[] = [];
    interceptCams(requests, [200, getFlowExampleBody]);

    await testProvider({ securityToken: 'CAIS-token' }).flows.doGet({ id: 'f-1' }, callContext());

    expect(requests[0]?.headers['x-acs-security-token']).toBe('CAIS-token');
    expect(requests[0]?.headers.authorization).toContain('x-acs-security-token');
  });

  it('go to the configured endpoint and protocol', async () => {
    const scope = nock('http://127.0.0.1:8089').post('/').reply(200, getFlowExampleBody);

    await testProvider({ endpoint: '127.0.0.1:8089', protocol: 'http' }).flows.doGet(
      { id: 'f-1' },
      callContext(),
    );

    expect(scope.isDone()).toBe(true);
  });
});
