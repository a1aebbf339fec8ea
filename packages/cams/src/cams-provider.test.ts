import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InvalidRequestError, type ProviderV1 } from '@whatsapp-bsp/core';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getFlowExampleBody } from './__fixtures__/get-flow.js';
import { callContext, interceptCams, type RecordedRequest, testProvider } from './__fixtures__/harness.js';
import { listTemplatesBody, orderUpdateDetailBody } from './__fixtures__/templates.js';
import { camsTemplateId, parseCamsTemplateId } from './templates/cams-template-id.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

async function refusedBeforeSending(call: (provider: ProviderV1) => Promise<unknown>, field: string) {
  const requests: RecordedRequest[] = [];
  interceptCams(requests, [200, getFlowExampleBody]);

  const error = await call(testProvider()).catch((thrown: unknown) => thrown);

  expect(InvalidRequestError.isInstance(error)).toBe(true);
  expect(error).toMatchObject({ provider: 'cams', field, outcome: 'not-sent' });
  expect(requests).toHaveLength(0);
  return error as InvalidRequestError;
}

describe('input is checked before anything is sent', () => {
  it.each([
    '0',
    '-1',
    '1.5',
    'abc',
    '',
    ' 2',
    '02',
    '1e3',
    '99999999999999999999',
    '2:0',
    '2:51',
    '2:',
    ':2',
  ])('a malformed page cursor %j', async (cursor) => {
    await refusedBeforeSending(
      (provider) => provider.flows.doList({ pageSize: 10, cursor }, callContext()),
      'cursor',
    );
    await refusedBeforeSending(
      (provider) => provider.templates.doList({ pageSize: 10, cursor }, callContext()),
      'cursor',
    );
  });

  it.each(['IN_APPEAL', 'PENDING_DELETION', 'DELETED', 'LIMIT_EXCEEDED', 'ARCHIVED'] as const)(
    'a status CAMS cannot filter on: %s',
    async (status) => {
      const error = await refusedBeforeSending(
        (provider) => provider.templates.doList({ pageSize: 10, status }, callContext()),
        'status',
      );
      expect(error.message).toContain(status);
      expect(error.message).toContain('CAMS');
    },
  );

  it.each([
    '744c4b5c79c9432497a075bdfca30001',
    '744c4b5c79c9432497a075bdfca30001:',
    ':en_US',
    '744c4b5c79c9432497a075bdfca30001 :en_US',
    '744c4b5c79c9432497a075bdfca30001: en_US',
  ])(
    'a template id without both a TemplateCode and a language, each without surrounding white space: %j',
    async (id) => {
      const error = await refusedBeforeSending(
        (provider) => provider.templates.doGet({ id }, callContext()),
        'id',
      );
      expect(error.message).toContain('<TemplateCode>:<Language>');
    },
  );
});

describe('names', () => {
  // The client refuses names with surrounding white space; what reaches the adapter is sent as is.
  it('are sent exactly as given, never trimmed', async () => {
    const requests: RecordedRequest[] = [];
    interceptCams(requests, [200, orderUpdateDetailBody]);
    interceptCams(requests, [200, listTemplatesBody(0, [])]);
    const provider = testProvider();

    await provider.templates.doGet({ name: ' order_update', language: 'en_US\t' }, callContext());
    await provider.templates.doList({ pageSize: 10, name: 'order_update ', language: ' en' }, callContext());

    expect(
      requests.map((request) => [request.query.TemplateName ?? request.query.Name, request.query.Language]),
    ).toEqual([
      [' order_update', 'en_US\t'],
      ['order_update ', ' en'],
    ]);
  });
});

describe('template ids', () => {
  it('round-trip the TemplateCode and the language', () => {
    const id = camsTemplateId('744c4b5c79c9432497a075bdfca30001', 'zh_CN');

    expect(id).toBe('744c4b5c79c9432497a075bdfca30001:zh_CN');
    expect(parseCamsTemplateId(id)).toEqual({
      templateCode: '744c4b5c79c9432497a075bdfca30001',
      language: 'zh_CN',
    });
  });
});

describe('timeouts', () => {
  it('readTimeoutMs tightens the call’s own timeout (real loopback socket)', async () => {
    // nock's sockets never arm httpx's read timer, so this one needs a real server that never answers.
    nock.enableNetConnect(/127\.0\.0\.1/);
    const server = createServer(() => {});
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const error = await testProvider({ endpoint: `127.0.0.1:${port}`, protocol: 'http', readTimeoutMs: 40 })
        .flows.doGet({ id: 'f-1' }, callContext({ timeoutMs: 30_000 }))
        .catch((thrown: unknown) => thrown);

      expect(error).toMatchObject({ code: 'UNAVAILABLE', retryable: true });
      expect((error as Error).message).toContain('40 ms');
    } finally {
      server.closeAllConnections();
      server.close();
      nock.disableNetConnect();
    }
  });
});
