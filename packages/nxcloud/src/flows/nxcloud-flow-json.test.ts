import { inspect } from 'node:util';
import {
  BspError,
  ConflictError,
  FlowValidationErrorSchema,
  InvalidRequestError,
  MAX_FLOW_JSON_BYTES,
  NotFoundError,
  ProviderUnavailableError,
  RateLimitError,
  ResponseFormatError,
} from '@whatsapp-bsp/core';
import { DEFAULT_MAX_RESPONSE_BYTES } from '@whatsapp-bsp/core/adapter';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { success } from '../__fixtures__/nxcloud-built-payloads.js';
import {
  BASE_URL,
  type CapturedRequest,
  callContext,
  captureRequests,
  expectSignedRequest,
  FIXED_NOW,
  TEST_OPTIONS,
} from '../__fixtures__/nxcloud-test-support.js';
import { META_ERROR_EXAMPLE } from '../__fixtures__/nxcloud-vendor-examples.js';
import { nxcloud } from '../nxcloud-provider.js';
import { signNxcloud } from '../transport/nxcloud-sign.js';
import {
  FLOW_JSON_TEXT,
  flowAssets,
  META_VALIDATION_ERROR,
  UPDATE_FLOW_JSON_SUCCESS,
} from './__fixtures__/nxcloud-flow-write-payloads.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  nock.abortPendingRequests();
  nock.cleanAll();
});
afterAll(() => nock.enableNetConnect());

const FLOW_ID = '387345730623799';
const UPDATE_JSON_PATH = '/v1/wa/m/flows/updateFlowJson';
const GET_JSON_PATH = '/v1/wa/m/flows/getFlowJson';
/** Where Meta keeps flow assets: a host that is not NXCloud's, the link signed in its query. */
const CDN = 'https://mmg.whatsapp.net';
const ASSET_PATH = '/m1/v/t24/flow-json';
const ASSET_TOKEN = 'oh=01_Q5AaIXsecretTokenV2&oe=66A1B2C3';
const ASSET_URL = `${CDN}${ASSET_PATH}?${ASSET_TOKEN}`;

const provider = (options = {}) => nxcloud({ ...TEST_OPTIONS, ...options });

async function rejection(call: Promise<unknown>): Promise<BspError> {
  const error = await call.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(BspError.isInstance(error)).toBe(true);
  const bspError = error as BspError;
  for (const printed of [bspError.message, JSON.stringify(bspError), inspect(bspError, { depth: 8 })]) {
    expect(printed).not.toContain(TEST_OPTIONS.accessSecret);
  }
  return bspError;
}

/** The multipart body as a server reads it. */
function formOf(request: CapturedRequest): Promise<FormData> {
  return new Response(request.body, {
    headers: { 'content-type': request.headers['content-type']! },
  }).formData();
}

describe('flows.doUpdateJson (updateFlowJson, multipart)', () => {
  it('posts flow_id, messaging_product and the file, signed without the body', async () => {
    const scope = nock(BASE_URL).post(UPDATE_JSON_PATH).reply(200, UPDATE_FLOW_JSON_SUCCESS);
    const requests = captureRequests(scope);

    const result = await provider().flows.doUpdateJson!({ id: FLOW_ID, text: FLOW_JSON_TEXT }, callContext());

    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request!.headers.accesskey).toBe(TEST_OPTIONS.accessKey);
    expect(request!.headers.biztype).toBe('2');
    expect(request!.headers.action).toBe('updateFlowJson');
    expect(request!.headers.ts).toBe(String(FIXED_NOW));
    expect(request!.headers['content-type']).toMatch(/^multipart\/form-data; boundary=\S+$/);
    // updateFlowJson page: "计算签名时无需拼接body参数" — the signature leaves the body out.
    expect(request!.headers.sign).toBe(
      signNxcloud({
        accessKey: TEST_OPTIONS.accessKey,
        accessSecret: TEST_OPTIONS.accessSecret,
        action: 'updateFlowJson',
        bizType: '2',
        ts: String(FIXED_NOW),
      }),
    );
    expect(JSON.stringify(request)).not.toContain(TEST_OPTIONS.accessSecret);

    const form = await formOf(request!);
    expect([...form.keys()]).toEqual(['flow_id', 'messaging_product', 'file']);
    expect(form.get('flow_id')).toBe(FLOW_ID);
    expect(form.get('messaging_product')).toBe('whatsapp');
    const file = form.get('file') as File;
    expect(file.name).toBe('flow.json');
    expect(file.type).toBe('application/json');
    // The exact text, non-ASCII characters and final newline included.
    expect(await file.text()).toBe(FLOW_JSON_TEXT);
    expect(result).toEqual({ value: { validationErrors: [] }, httpStatusCode: 200 });
  });

  it('adds the appkey field when sendAppKeyOnUploads is set (the page lists none)', async () => {
    const scope = nock(BASE_URL).post(UPDATE_JSON_PATH).reply(200, UPDATE_FLOW_JSON_SUCCESS);
    const requests = captureRequests(scope);
    await provider({ sendAppKeyOnUploads: true }).flows.doUpdateJson!(
      { id: FLOW_ID, text: FLOW_JSON_TEXT },
      callContext(),
    );
    const form = await formOf(requests[0]!);
    expect([...form.keys()]).toEqual(['appkey', 'flow_id', 'messaging_product', 'file']);
    expect(form.get('appkey')).toBe(TEST_OPTIONS.appKey);
  });

  it("maps Meta's validation errors, objects and plain strings, to the model's shape", async () => {
    nock(BASE_URL)
      .post(UPDATE_JSON_PATH)
      .reply(
        200,
        success({
          success: true,
          validation_errors: [META_VALIDATION_ERROR, 'Missing Flow JSON screen: SUCCESS'],
        }),
      );

    const { value } = await provider().flows.doUpdateJson!(
      { id: FLOW_ID, text: FLOW_JSON_TEXT },
      callContext(),
    );

    expect(value.validationErrors).toEqual([
      {
        error: 'INVALID_PROPERTY_VALUE',
        errorType: 'FLOW_JSON_ERROR',
        message: "Invalid value found for property 'type'.",
        lineStart: 10,
        lineEnd: 10,
        columnStart: 21,
        columnEnd: 34,
        pointers: [
          {
            lineStart: 10,
            lineEnd: 10,
            columnStart: 21,
            columnEnd: 34,
            path: 'screens[0].layout.children[0].type',
          },
        ],
      },
      { message: 'Missing Flow JSON screen: SUCCESS' },
    ]);
    for (const error of value.validationErrors) expect(FlowValidationErrorSchema.parse(error)).toEqual(error);
  });

  it("relays the page's own failure example as a failed bad request, not a conflict", async () => {
    nock(BASE_URL).post(UPDATE_JSON_PATH).reply(200, META_ERROR_EXAMPLE);
    const error = await rejection(
      provider().flows.doUpdateJson!({ id: FLOW_ID, text: FLOW_JSON_TEXT }, callContext()),
    );
    expect(InvalidRequestError.isInstance(error)).toBe(true);
    expect(ConflictError.isInstance(error)).toBe(false);
    expect(error.vendorCode).toBe(400);
    expect(error.outcome).toBe('failed');
    expect(error.message).toMatch(/code 139001, subcode 4016010/);
  });

  it('reads success: false without a failure code as an unknown outcome', async () => {
    nock(BASE_URL)
      .post(UPDATE_JSON_PATH)
      .reply(200, success({ success: false, validation_errors: [] }));
    const error = await rejection(
      provider().flows.doUpdateJson!({ id: FLOW_ID, text: FLOW_JSON_TEXT }, callContext()),
    );
    expect(ResponseFormatError.isInstance(error)).toBe(true);
    expect(error.outcome).toBe('unknown');
  });

  it('refuses text with a lone surrogate, naming the Flow JSON, before sending anything', async () => {
    const scope = nock(BASE_URL).post(UPDATE_JSON_PATH).reply(200, UPDATE_FLOW_JSON_SUCCESS);
    const error = await rejection(
      provider().flows.doUpdateJson!({ id: FLOW_ID, text: '{"version":"7.2","x":"\ud800"}' }, callContext()),
    );
    expect(InvalidRequestError.isInstance(error)).toBe(true);
    expect(error.field).toBe('flowJson');
    expect(error.outcome).toBe('not-sent');
    expect(scope.isDone()).toBe(false);
  });
});

describe('flows.doGetJson (getFlowJson, undocumented, then the download)', () => {
  it('asks getFlowJson for the flow, then downloads its FLOW_JSON asset without any NXCloud header', async () => {
    const api = nock(BASE_URL).post(GET_JSON_PATH).reply(200, flowAssets(ASSET_URL));
    const cdn = nock(CDN).get(ASSET_PATH).query(true).reply(200, FLOW_JSON_TEXT, {
      'content-type': 'application/octet-stream',
    });
    const apiRequests = captureRequests(api);
    const downloads = captureRequests(cdn);

    const result = await provider().flows.doGetJson!({ id: FLOW_ID }, callContext());

    expectSignedRequest(apiRequests[0]!, 'getFlowJson');
    expect(JSON.parse(apiRequests[0]!.body)).toEqual({
      appkey: TEST_OPTIONS.appKey,
      business_phone: TEST_OPTIONS.businessPhone,
      messaging_product: 'whatsapp',
      flow_id: FLOW_ID,
    });
    expect(downloads).toHaveLength(1);
    expect(downloads[0]!.path).toBe(`${ASSET_PATH}?${ASSET_TOKEN}`);
    for (const header of ['accesskey', 'sign', 'ts', 'action', 'biztype', 'algorithm']) {
      expect(downloads[0]!.headers).not.toHaveProperty(header);
    }
    expect(result.value.text).toBe(FLOW_JSON_TEXT);
    expect(result.value.json).toEqual(JSON.parse(FLOW_JSON_TEXT));
    expect(result.httpStatusCode).toBe(200);
  });

  it('keeps a file that is not JSON as text, with json undefined', async () => {
    nock(BASE_URL).post(GET_JSON_PATH).reply(200, flowAssets(ASSET_URL));
    nock(CDN).get(ASSET_PATH).query(true).reply(200, '{"version": "7.2", "screens": [');
    const { value } = await provider().flows.doGetJson!({ id: FLOW_ID }, callContext());
    expect(value).toEqual({ json: undefined, text: '{"version": "7.2", "screens": [' });
  });

  it('refuses a file that is not UTF-8 text', async () => {
    nock(BASE_URL).post(GET_JSON_PATH).reply(200, flowAssets(ASSET_URL));
    nock(CDN)
      .get(ASSET_PATH)
      .query(true)
      .reply(200, Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]));
    const error = await rejection(provider().flows.doGetJson!({ id: FLOW_ID }, callContext()));
    expect(ResponseFormatError.isInstance(error)).toBe(true);
    expect(error.message).toMatch(/not UTF-8/);
  });

  it('takes a file over the limit on API answers, up to the 10 MiB Meta allows a Flow JSON', async () => {
    const large = JSON.stringify({ version: '7.2', screens: [], padding: 'x'.repeat(9 * 1024 * 1024) });
    expect(large.length).toBeGreaterThan(DEFAULT_MAX_RESPONSE_BYTES);
    nock(BASE_URL).post(GET_JSON_PATH).reply(200, flowAssets(ASSET_URL));
    nock(CDN).get(ASSET_PATH).query(true).reply(200, large);
    const { value } = await provider().flows.doGetJson!({ id: FLOW_ID }, callContext());
    expect(value.text.length).toBe(large.length);
  });

  it('refuses a file over 10 MiB without reading it (unknown outcome, not retried)', async () => {
    nock(BASE_URL).post(GET_JSON_PATH).reply(200, flowAssets(ASSET_URL));
    nock(CDN)
      .get(ASSET_PATH)
      .query(true)
      .reply(200, '{}', { 'content-length': String(MAX_FLOW_JSON_BYTES + 1) });
    const error = await rejection(provider().flows.doGetJson!({ id: FLOW_ID }, callContext()));
    expect(ResponseFormatError.isInstance(error)).toBe(true);
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(new RegExp(`limit of ${MAX_FLOW_JSON_BYTES} bytes`));
    expect(error.message).not.toContain(ASSET_TOKEN);
  });

  it('cuts off a streamed file that passes 10 MiB', async () => {
    nock(BASE_URL).post(GET_JSON_PATH).reply(200, flowAssets(ASSET_URL));
    nock(CDN)
      .get(ASSET_PATH)
      .query(true)
      .reply(200, () => 'x'.repeat(MAX_FLOW_JSON_BYTES + 1), { 'transfer-encoding': 'chunked' });
    const error = await rejection(provider().flows.doGetJson!({ id: FLOW_ID }, callContext()));
    expect(ResponseFormatError.isInstance(error)).toBe(true);
    expect(error.outcome).toBe('unknown');
  });

  it("ends the download when the attempt is aborted (its timeout), with the abort's reason", async () => {
    const controller = new AbortController();
    const reason = new Error('the attempt timed out');
    nock(BASE_URL).post(GET_JSON_PATH).reply(200, flowAssets(ASSET_URL));
    const cdn = nock(CDN).get(ASSET_PATH).query(true).delay(60_000).reply(200, FLOW_JSON_TEXT);
    cdn.on('request', () => controller.abort(reason));

    const outcome = await provider().flows.doGetJson!(
      { id: FLOW_ID },
      callContext({ signal: controller.signal }),
    ).catch((caught: unknown) => caught);

    expect(outcome).toBe(reason);
  });

  it.each([
    { status: 503, ErrorClass: ProviderUnavailableError, name: 'ProviderUnavailableError', retryable: true },
    { status: 404, ErrorClass: ResponseFormatError, name: 'ResponseFormatError', retryable: false },
  ])('a download answered with HTTP $status is a $name', async ({ status, ErrorClass, retryable }) => {
    nock(BASE_URL).post(GET_JSON_PATH).reply(200, flowAssets(ASSET_URL));
    nock(CDN).get(ASSET_PATH).query(true).reply(status, '<html>no</html>');
    const error = await rejection(provider().flows.doGetJson!({ id: FLOW_ID }, callContext()));
    expect(ErrorClass.isInstance(error)).toBe(true);
    expect(error.retryable).toBe(retryable);
    expect(error.httpStatusCode).toBe(status);
    expect(error.message).not.toContain(ASSET_TOKEN);
  });

  it('a throttled download is a RateLimitError with the Retry-After asked for', async () => {
    nock(BASE_URL).post(GET_JSON_PATH).reply(200, flowAssets(ASSET_URL));
    nock(CDN).get(ASSET_PATH).query(true).reply(429, '', { 'retry-after': '3' });
    const error = await rejection(provider().flows.doGetJson!({ id: FLOW_ID }, callContext()));
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(error.retryAfterMs).toBe(3000);
  });

  it('is a NotFoundError when the flow has no Flow JSON asset', async () => {
    nock(BASE_URL)
      .post(GET_JSON_PATH)
      .reply(200, success({ data: [] }));
    const error = await rejection(provider().flows.doGetJson!({ id: FLOW_ID }, callContext()));
    expect(NotFoundError.isInstance(error)).toBe(true);
  });

  it('refuses a FLOW_JSON asset without a link', async () => {
    nock(BASE_URL)
      .post(GET_JSON_PATH)
      .reply(200, success({ data: [{ name: 'flow.json', asset_type: 'FLOW_JSON' }] }));
    const error = await rejection(provider().flows.doGetJson!({ id: FLOW_ID }, callContext()));
    expect(ResponseFormatError.isInstance(error)).toBe(true);
  });

  it.each([
    ['plain http to another host', 'http://cdn.example/flow.json'],
    ['credentials in the link', 'https://user:pw@cdn.example/flow.json'],
    ['another scheme', 'file:///etc/passwd'],
  ])('does not fetch a link with %s', async (_, link) => {
    nock(BASE_URL).post(GET_JSON_PATH).reply(200, flowAssets(link));
    const error = await rejection(provider().flows.doGetJson!({ id: FLOW_ID }, callContext()));
    expect(ResponseFormatError.isInstance(error)).toBe(true);
    expect(error.message).not.toContain(':pw@');
  });
});
