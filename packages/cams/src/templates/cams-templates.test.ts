import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  callContext,
  interceptCams,
  type RecordedRequest,
  refusedBeforeSending,
  testProvider,
} from '../__fixtures__/harness.js';
import { listTemplatesBody, orderUpdateDetailBody } from '../__fixtures__/templates.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('the status filter', () => {
  it.each(['IN_APPEAL', 'PENDING_DELETION', 'DELETED', 'LIMIT_EXCEEDED', 'ARCHIVED'] as const)(
    'refuses, before anything is sent, a status CAMS cannot filter on: %s',
    async (status) => {
      const error = await refusedBeforeSending(
        (provider) => provider.templates.doList({ pageSize: 10, status }, callContext()),
        'status',
      );
      expect(error.message).toContain(status);
      expect(error.message).toContain('CAMS');
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
