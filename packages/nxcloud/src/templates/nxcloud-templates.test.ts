import {
  InvalidRequestError,
  NotFoundError,
  TemplateSchema,
  UnsupportedOperationError,
} from '@whatsapp-bsp/core';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { success, templateItem, templateListData } from '../__fixtures__/nxcloud-built-payloads.js';
import {
  BASE_URL,
  callContext,
  captureRequests,
  expectSignedRequest,
  TEST_OPTIONS,
} from '../__fixtures__/nxcloud-test-support.js';
import { GET_TEMPLATE_EXAMPLE } from '../__fixtures__/nxcloud-vendor-examples.js';
import { nxcloud } from '../nxcloud-provider.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('templates.doList', () => {
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
});

describe('templates.doGet', () => {
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
    const call = nxcloud(TEST_OPTIONS).templates.doGet(
      { name: 'order_update_v2', language: 'en_US' },
      callContext(),
    );
    await expect(call).rejects.toThrow(NotFoundError);
    await expect(call).rejects.toMatchObject({ outcome: 'failed' });
  });

  it('refuses a get by id, which NXCloud cannot do natively, without sending anything', async () => {
    const scope = nock(BASE_URL).post('/api/wa/getTemplate').reply(200, GET_TEMPLATE_EXAMPLE);
    const call = nxcloud(TEST_OPTIONS).templates.doGet({ id: '15xxxx67' }, callContext());
    await expect(call).rejects.toThrow(UnsupportedOperationError);
    await expect(call).rejects.toMatchObject({ outcome: 'not-sent' });
    expect(scope.isDone()).toBe(false);
  });
});

describe('templates: NXCloud cursor and language forms, checked before sending', () => {
  const provider = nxcloud(TEST_OPTIONS);
  it.each([
    ['cursor', () => provider.templates.doList({ pageSize: 2, cursor: 'x'.repeat(1025) }, callContext())],
    ['language', () => provider.templates.doGet({ name: 'a', language: 'English' }, callContext())],
  ])('rejects a bad %s with InvalidRequestError', async (field, call) => {
    const scope = nock(BASE_URL).post(/.*/).reply(200, GET_TEMPLATE_EXAMPLE);
    const error = await call().catch((caught: unknown) => caught);
    expect(InvalidRequestError.isInstance(error)).toBe(true);
    expect((error as InvalidRequestError).field).toBe(field);
    expect((error as InvalidRequestError).outcome).toBe('not-sent');
    expect(scope.isDone()).toBe(false);
  });
});
