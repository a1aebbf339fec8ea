import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getFlowPreviewBody, listFlowBody } from '../__fixtures__/flows.js';
import { getFlowExampleBody } from '../__fixtures__/get-flow.js';
import { callContext, interceptCams, type RecordedRequest, testProvider } from '../__fixtures__/harness.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('GetFlow', () => {
  it('maps the vendor example to a normalized flow', async () => {
    const requests: RecordedRequest[] = [];
    interceptCams(requests, [200, getFlowExampleBody, { 'content-type': 'application/json' }]);

    const result = await testProvider().flows.doGet({ id: '92675332812643****' }, callContext());

    expect(result).toEqual({
      value: {
        provider: 'cams',
        raw: JSON.parse(getFlowExampleBody).Data,
        id: '92675332812643****',
        name: 'flow_001',
        status: 'DRAFT',
        categories: ['SIGN_UP'],
        validationErrors: [],
        jsonVersion: '2.1',
        dataApiVersion: '3.0',
        preview: { url: 'https://pre-url', expiresAt: new Date(1700617436633) },
      },
      requestId: 'DAC72B08-3327-33EF-BEDC-8EC3E83A6575',
      httpStatusCode: 200,
    });
    expect(requests[0]?.form).toEqual({ CustSpaceId: 'cams-space-0001', FlowId: '92675332812643****' });
  });

  it('keeps statuses and categories it does not know as UNKNOWN, with the raw values', async () => {
    const body = JSON.parse(getFlowExampleBody);
    body.Data.Status = 'ARCHIVED_BY_META';
    body.Data.Categories = ['SIGN_UP', 'GAMES'];
    interceptCams([], [200, body]);

    const { value } = await testProvider().flows.doGet({ id: 'f-1' }, callContext());

    expect(value.status).toBe('UNKNOWN');
    expect(value.categories).toEqual(['SIGN_UP', 'UNKNOWN']);
    expect(value.raw).toMatchObject({ Status: 'ARCHIVED_BY_META', Categories: ['SIGN_UP', 'GAMES'] });
  });

  it('maps SHOPPING, a category of the model that CAMS does not document', async () => {
    const body = JSON.parse(getFlowExampleBody);
    body.Data.Categories = ['SHOPPING', 'other'];
    interceptCams([], [200, body]);

    const { value } = await testProvider().flows.doGet({ id: 'f-1' }, callContext());

    expect(value.categories).toEqual(['SHOPPING', 'OTHER']);
  });

  it('accepts Meta statuses CAMS does not document, and a flow without a preview', async () => {
    interceptCams(
      [],
      [
        200,
        {
          RequestId: 'r',
          Code: 'OK',
          Data: { FlowId: 'f-2', FlowName: 'n', Status: 'THROTTLED', EndpointUri: 'https://e' },
        },
      ],
    );

    const { value } = await testProvider().flows.doGet({ id: 'f-2' }, callContext());

    expect(value).toMatchObject({ status: 'THROTTLED', categories: [], endpointUri: 'https://e' });
    expect(value).not.toHaveProperty('preview');
  });
});

describe('GetFlowPreviewUrl', () => {
  it('maps the preview link and its expiry in epoch milliseconds', async () => {
    const requests: RecordedRequest[] = [];
    interceptCams(requests, [200, getFlowPreviewBody]);

    const result = await testProvider().flows.doGetPreview({ id: '1234567890123456' }, callContext());

    expect(result).toEqual({
      value: {
        provider: 'cams',
        raw: getFlowPreviewBody.Data,
        flowId: '1234567890123456',
        url: getFlowPreviewBody.Data.PreviewUrl,
        expiresAt: new Date(1700617436633),
      },
      requestId: getFlowPreviewBody.RequestId,
      httpStatusCode: 200,
    });
    expect(requests[0]?.headers['x-acs-action']).toBe('GetFlowPreviewUrl');
  });
});

describe('ListFlow', () => {
  it('pages by index and offers a next page while a page comes back full', async () => {
    const requests: RecordedRequest[] = [];
    const provider = testProvider();
    interceptCams(requests, [
      200,
      listFlowBody([
        { id: 'a', name: 'A' },
        { id: 'b', name: 'B' },
      ]),
    ]);
    interceptCams(requests, [200, listFlowBody([{ id: 'c', name: 'C', categories: ['SURVEY'] }])]);

    const first = await provider.flows.doList({ pageSize: 2 }, callContext());
    const second = await provider.flows.doList(
      { pageSize: 2, cursor: first.value.nextCursor },
      callContext(),
    );

    expect(first.value.items.map((flow) => flow.id)).toEqual(['a', 'b']);
    expect(first.value.nextCursor).toBe('2:2');
    expect(first.value).not.toHaveProperty('total');
    expect(second.value.items).toEqual([
      {
        provider: 'cams',
        raw: { FlowId: 'c', FlowName: 'C', Categories: ['SURVEY'] },
        id: 'c',
        name: 'C',
        categories: ['SURVEY'],
      },
    ]);
    expect(second.value.nextCursor).toBeUndefined();
    expect(requests.map((request) => JSON.parse(request.form.Page ?? ''))).toEqual([
      { Index: 1, Size: 2 },
      { Index: 2, Size: 2 },
    ]);
  });

  it('resumes at the page size the cursor was counted in, so no item is skipped or repeated', async () => {
    const requests: RecordedRequest[] = [];
    interceptCams(requests, [200, listFlowBody([{ id: 'c', name: 'C' }])]);

    await testProvider().flows.doList({ pageSize: 50, cursor: '2:2' }, callContext());

    expect(requests.map((request) => JSON.parse(request.form.Page ?? ''))).toEqual([{ Index: 2, Size: 2 }]);
  });

  it('reads Data: null as an empty last page', async () => {
    interceptCams([], [200, { RequestId: 'r', Code: 'OK', Data: null }]);

    const { value } = await testProvider().flows.doList({ pageSize: 10 }, callContext());

    expect(value).toEqual({ items: [] });
  });
});
