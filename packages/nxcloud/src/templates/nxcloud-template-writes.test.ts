import { inspect } from 'node:util';
import {
  type BspError,
  ConflictError,
  InvalidRequestError,
  ProviderUnavailableError,
  ResponseFormatError,
  type TemplateDraft,
  UnsupportedOperationError,
} from '@whatsapp-bsp/core';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { failure, success } from '../__fixtures__/nxcloud-built-payloads.js';
import {
  CREATE_TEMPLATE_ANSWER_EXAMPLE,
  DELETE_TEMPLATE_ANSWER_EXAMPLE,
  DUPLICATE_TEMPLATE_ANSWER,
  DUPLICATE_TEMPLATE_TEXT_ANSWER,
  UPDATE_TEMPLATE_ANSWER_EXAMPLE,
  UPLOAD_TEMPLATE_FILE_ANSWER_EXAMPLE,
} from '../__fixtures__/nxcloud-template-write-examples.js';
import {
  BASE_URL,
  type CapturedRequest,
  callContext,
  captureRequests,
  expectSignedRequest,
  FIXED_NOW,
  TEST_OPTIONS,
} from '../__fixtures__/nxcloud-test-support.js';
import { nxcloud } from '../nxcloud-provider.js';
import { signNxcloud } from '../transport/nxcloud-sign.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const COMMON = {
  appkey: TEST_OPTIONS.appKey,
  business_phone: TEST_OPTIONS.businessPhone,
  messaging_product: 'whatsapp',
};

const DRAFT: TemplateDraft = {
  name: 'order_update',
  language: 'en_US',
  category: 'UTILITY',
  components: [
    { type: 'HEADER', format: 'TEXT', text: 'Order {{1}}', example: { headerText: ['#1042'] } },
    { type: 'BODY', text: 'Hi {{1}}, order {{2}} has shipped.', example: { bodyText: [['Ana', '#1042']] } },
    {
      type: 'BUTTONS',
      buttons: [
        {
          type: 'URL',
          text: 'Track',
          url: 'https://shop.example/t/{{1}}',
          example: ['https://shop.example/t/1042'],
        },
      ],
    },
  ],
};

/** What the call rejected with; fails the test when it resolved. */
async function rejection(call: Promise<unknown>): Promise<BspError> {
  try {
    await call;
  } catch (error) {
    return error as BspError;
  }
  throw new Error('expected the call to fail');
}

/** No secret, nor the signature (NXCloud accepts it for 60 s), anywhere an error shows. */
function expectNoSecrets(error: BspError, request?: CapturedRequest) {
  for (const text of [JSON.stringify(error), inspect(error, { depth: 8 }), String(error.stack)]) {
    expect(text).not.toContain(TEST_OPTIONS.accessSecret);
    if (request) expect(text).not.toContain(request.headers.sign);
  }
}

describe('templates.doCreate', () => {
  it('posts createTemplate with the common fields and the draft in snake_case, signed, and reads the id', async () => {
    const scope = nock(BASE_URL).post('/api/wa/createTemplate').reply(200, CREATE_TEMPLATE_ANSWER_EXAMPLE);
    const requests = captureRequests(scope);

    const result = await nxcloud(TEST_OPTIONS).templates.doCreate!({ draft: DRAFT }, callContext());

    expect(requests).toHaveLength(1);
    const request = requests[0]!;
    expectSignedRequest(request, 'createTemplate');
    const body = JSON.parse(request.body);
    expect(Object.keys(body)).toEqual([
      'appkey',
      'business_phone',
      'messaging_product',
      'name',
      'category',
      'language',
      'components',
    ]);
    expect(body).toEqual({
      ...COMMON,
      name: 'order_update',
      category: 'UTILITY',
      language: 'en_US',
      components: [
        { type: 'HEADER', format: 'TEXT', text: 'Order {{1}}', example: { header_text: ['#1042'] } },
        {
          type: 'BODY',
          text: 'Hi {{1}}, order {{2}} has shipped.',
          example: { body_text: [['Ana', '#1042']] },
        },
        {
          type: 'BUTTONS',
          buttons: [
            {
              type: 'URL',
              text: 'Track',
              url: 'https://shop.example/t/{{1}}',
              example: ['https://shop.example/t/1042'],
            },
          ],
        },
      ],
    });
    expect(result).toEqual({
      value: {
        id: '900xxx0755',
        name: 'order_update',
        language: 'en_US',
        category: 'UTILITY',
        status: 'PENDING',
      },
      httpStatusCode: 200,
    });
  });

  it("takes the status and category Meta's answer carries, when NXCloud passes them on", async () => {
    nock(BASE_URL)
      .post('/api/wa/createTemplate')
      .reply(200, success({ id: 900120120755, status: 'APPROVED', category: 'MARKETING' }));
    const { value } = await nxcloud(TEST_OPTIONS).templates.doCreate!({ draft: DRAFT }, callContext());
    expect(value).toMatchObject({ id: '900120120755', status: 'APPROVED', category: 'MARKETING' });
  });

  it("posts createTemplateAsync with its page's action when templateCreate is 'async'", async () => {
    const scope = nock(BASE_URL)
      .post('/api/wa/createTemplateAsync')
      .reply(200, CREATE_TEMPLATE_ANSWER_EXAMPLE);
    const requests = captureRequests(scope);
    await nxcloud({ ...TEST_OPTIONS, templateCreate: 'async' }).templates.doCreate!(
      { draft: DRAFT },
      callContext(),
    );
    expectSignedRequest(requests[0]!, 'createTemplate');
    expect(JSON.parse(requests[0]!.body)).toMatchObject({ ...COMMON, name: 'order_update' });
  });

  it('signs createTemplateAsync with an overridden action', async () => {
    const scope = nock(BASE_URL)
      .post('/api/wa/createTemplateAsync')
      .reply(200, CREATE_TEMPLATE_ANSWER_EXAMPLE);
    const requests = captureRequests(scope);
    const provider = nxcloud({
      ...TEST_OPTIONS,
      templateCreate: 'async',
      operations: { createTemplateAsync: { action: 'createTemplateAsync' } },
    });
    await provider.templates.doCreate!({ draft: DRAFT }, callContext());
    expectSignedRequest(requests[0]!, 'createTemplateAsync');
  });

  it('sends parameter_format and message_send_ttl_seconds when the draft sets them', async () => {
    const scope = nock(BASE_URL).post('/api/wa/createTemplate').reply(200, CREATE_TEMPLATE_ANSWER_EXAMPLE);
    const requests = captureRequests(scope);
    await nxcloud(TEST_OPTIONS).templates.doCreate!(
      { draft: { ...DRAFT, parameterFormat: 'POSITIONAL', messageSendTtlSeconds: 3600 } },
      callContext(),
    );
    expect(JSON.parse(requests[0]!.body)).toMatchObject({
      parameter_format: 'POSITIONAL',
      message_send_ttl_seconds: 3600,
    });
  });

  it('refuses what the wire cannot carry before sending anything', async () => {
    // No interceptor: a request would fail with nock's "net connect not allowed".
    const error = await rejection(
      nxcloud(TEST_OPTIONS).templates.doCreate!(
        { draft: { ...DRAFT, components: [...DRAFT.components, { type: 'UNKNOWN', rawType: 'X' }] } },
        callContext(),
      ),
    );
    expect(UnsupportedOperationError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ field: 'components[3].type', outcome: 'not-sent' });
  });

  it.each([
    ['code 400 with Meta error object (subcode 2388024)', DUPLICATE_TEMPLATE_ANSWER, 400, 2388024],
    ['code 9099 with Meta text (subcode 2388023)', DUPLICATE_TEMPLATE_TEXT_ANSWER, 9099, 2388023],
  ])(
    'is a ConflictError when Meta refuses a taken name and language: %s',
    async (_shape, answer, vendorCode) => {
      const scope = nock(BASE_URL).post('/api/wa/createTemplate').reply(200, answer);
      const requests = captureRequests(scope);
      const error = await rejection(
        nxcloud(TEST_OPTIONS).templates.doCreate!({ draft: DRAFT }, callContext()),
      );
      expect(ConflictError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ provider: 'nxcloud', vendorCode, outcome: 'failed', retryable: false });
      expect(error.message).toContain('code 100');
      expectNoSecrets(error, requests[0]);
    },
  );

  it("keeps Meta's message of the duplicate in the error", async () => {
    nock(BASE_URL).post('/api/wa/createTemplate').reply(200, DUPLICATE_TEMPLATE_ANSWER);
    const error = await rejection(nxcloud(TEST_OPTIONS).templates.doCreate!({ draft: DRAFT }, callContext()));
    expect(error.message).toContain('There is already English (US) content for this template');
    expect(error.message).toContain('subcode 2388024');
  });

  it("is a plain failure, not a conflict, for Meta's other refusals", async () => {
    nock(BASE_URL)
      .post('/api/wa/createTemplate')
      .reply(
        200,
        failure(400, 'createTemplate error', {
          error: {
            message: 'Invalid parameter',
            type: 'OAuthException',
            code: 100.0,
            error_subcode: 2388040,
          },
        }),
      );
    const error = await rejection(nxcloud(TEST_OPTIONS).templates.doCreate!({ draft: DRAFT }, callContext()));
    expect(InvalidRequestError.isInstance(error)).toBe(true);
    expect(ConflictError.isInstance(error)).toBe(false);
    expect(error.outcome).toBe('failed');
  });

  it("is a failed ProviderUnavailableError for the template pages' failure example", async () => {
    const scope = nock(BASE_URL).post('/api/wa/createTemplate').reply(200, failure(-1));
    const requests = captureRequests(scope);
    const error = await rejection(nxcloud(TEST_OPTIONS).templates.doCreate!({ draft: DRAFT }, callContext()));
    expect(ProviderUnavailableError.isInstance(error)).toBe(true);
    expect(error.outcome).toBe('failed');
    expectNoSecrets(error, requests[0]);
  });

  it('is a ResponseFormatError with an unknown outcome when success comes without an id', async () => {
    nock(BASE_URL).post('/api/wa/createTemplate').reply(200, success({}));
    const error = await rejection(nxcloud(TEST_OPTIONS).templates.doCreate!({ draft: DRAFT }, callContext()));
    expect(ResponseFormatError.isInstance(error)).toBe(true);
    // NXCloud said it worked: the template may exist, so the client must look before trying again.
    expect(error.outcome).toBe('unknown');
    expect(error.message).toContain('createTemplate');
  });
});

describe('templates.doUpdate', () => {
  it('posts updateTemplate with template_id, category and components, and no name or language', async () => {
    const scope = nock(BASE_URL).post('/api/wa/updateTemplate').reply(200, UPDATE_TEMPLATE_ANSWER_EXAMPLE);
    const requests = captureRequests(scope);

    const result = await nxcloud(TEST_OPTIONS).templates.doUpdate!(
      {
        id: '900xxx0755',
        name: 'order_update',
        language: 'en_US',
        category: 'MARKETING',
        components: [{ type: 'BODY', text: 'Hi {{1}}, new offers today', example: { bodyText: [['Ana']] } }],
      },
      callContext(),
    );

    expectSignedRequest(requests[0]!, 'updateTemplate');
    const body = JSON.parse(requests[0]!.body);
    expect(body).toEqual({
      ...COMMON,
      template_id: '900xxx0755',
      category: 'MARKETING',
      components: [{ type: 'BODY', text: 'Hi {{1}}, new offers today', example: { body_text: [['Ana']] } }],
    });
    expect(result.value).toEqual({
      id: '900xxx0755',
      name: 'order_update',
      language: 'en_US',
      category: 'MARKETING',
      status: 'PENDING',
    });
  });

  it('sends message_send_ttl_seconds when given, and keeps the id asked for when the answer has none', async () => {
    const scope = nock(BASE_URL).post('/api/wa/updateTemplate').reply(200, success({}));
    const requests = captureRequests(scope);
    const { value } = await nxcloud(TEST_OPTIONS).templates.doUpdate!(
      {
        id: '900120120755',
        name: 'order_update',
        language: 'en_US',
        category: 'UTILITY',
        components: [{ type: 'BODY', text: 'Hi' }],
        messageSendTtlSeconds: 600,
      },
      callContext(),
    );
    expect(JSON.parse(requests[0]!.body).message_send_ttl_seconds).toBe(600);
    expect(value.id).toBe('900120120755');
  });

  it('is a NotFoundError when Meta says the id does not exist (code 100, subcode 33)', async () => {
    nock(BASE_URL)
      .post('/api/wa/updateTemplate')
      .reply(
        200,
        failure(400, 'updateTemplate error', {
          error: {
            message: 'Object does not exist',
            type: 'GraphMethodException',
            code: 100.0,
            error_subcode: 33.0,
          },
        }),
      );
    const error = await rejection(
      nxcloud(TEST_OPTIONS).templates.doUpdate!(
        {
          id: '1',
          name: 'a',
          language: 'en_US',
          category: 'UTILITY',
          components: [{ type: 'BODY', text: 'Hi' }],
        },
        callContext(),
      ),
    );
    expect(error).toMatchObject({ code: 'NOT_FOUND', outcome: 'failed' });
  });
});

describe('templates.doDelete', () => {
  it('posts deleteTemplate with the name, which deletes every language of it', async () => {
    const scope = nock(BASE_URL).post('/api/wa/deleteTemplate').reply(200, DELETE_TEMPLATE_ANSWER_EXAMPLE);
    const requests = captureRequests(scope);
    const result = await nxcloud(TEST_OPTIONS).templates.doDelete!(
      { scope: 'name', name: 'order_update' },
      callContext(),
    );
    expectSignedRequest(requests[0]!, 'deleteTemplate');
    expect(JSON.parse(requests[0]!.body)).toEqual({ ...COMMON, name: 'order_update' });
    expect(result).toEqual({ value: { name: 'order_update' }, httpStatusCode: 200 });
  });

  it('refuses to delete one language before sending anything', async () => {
    const error = await rejection(
      nxcloud(TEST_OPTIONS).templates.doDelete!(
        { scope: 'language', id: '900120120755', name: 'order_update', language: 'en_US' },
        callContext(),
      ),
    );
    expect(UnsupportedOperationError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ field: 'language', outcome: 'not-sent' });
    expect(error.message).toContain('every language');
  });

  it('is a ResponseFormatError with an unknown outcome when success says success: false', async () => {
    nock(BASE_URL)
      .post('/api/wa/deleteTemplate')
      .reply(200, success({ success: false }));
    const error = await rejection(
      nxcloud(TEST_OPTIONS).templates.doDelete!({ scope: 'name', name: 'order_update' }, callContext()),
    );
    expect(ResponseFormatError.isInstance(error)).toBe(true);
    expect(error.outcome).toBe('unknown');
  });

  it('declares the name scope, and only it, in the capabilities', () => {
    expect(nxcloud(TEST_OPTIONS).capabilities.templates.delete).toEqual({ scopes: ['name'] });
  });
});

/** The multipart form as received: its fields, read with the Fetch API's parser. */
async function formOf(request: CapturedRequest): Promise<FormData> {
  return new Response(Buffer.from(request.body, 'latin1'), {
    headers: { 'content-type': request.headers['content-type']! },
  }).formData();
}

describe('templates.doUploadMedia', () => {
  // Text bytes: nock hands the recorded body over as text.
  const DATA = new TextEncoder().encode('%PDF-1.4 sample');

  it('posts uploadTemplateFile as multipart, signed without the body, and returns the handle', async () => {
    const scope = nock(BASE_URL)
      .post('/api/wa/uploadTemplateFile')
      .reply(200, UPLOAD_TEMPLATE_FILE_ANSWER_EXAMPLE);
    const requests = captureRequests(scope);

    const result = await nxcloud(TEST_OPTIONS).templates.doUploadMedia!(
      { data: DATA, mimeType: 'application/pdf', fileName: 'menu.pdf' },
      callContext(),
    );

    expect(result).toEqual({ value: { handle: '4:Pz8xxxW8' }, httpStatusCode: 200 });
    const request = requests[0]!;
    expect(request.headers['content-type']).toMatch(/^multipart\/form-data; boundary=\S+$/);
    expect(request.headers).toMatchObject({
      accesskey: TEST_OPTIONS.accessKey,
      ts: String(FIXED_NOW),
      biztype: '2',
      action: 'uploadTemplateFile',
    });
    // The convention page's multipart rule: hex(md5(headersStr + accessSecretStr)), no body.
    expect(request.headers.sign).toBe(
      signNxcloud({
        accessKey: TEST_OPTIONS.accessKey,
        accessSecret: TEST_OPTIONS.accessSecret,
        action: 'uploadTemplateFile',
        bizType: '2',
        ts: String(FIXED_NOW),
      }),
    );
    const form = await formOf(request);
    expect([...form.keys()]).toEqual(['business_phone', 'messaging_product', 'file', 'type']);
    expect(form.get('business_phone')).toBe(TEST_OPTIONS.businessPhone);
    expect(form.get('messaging_product')).toBe('whatsapp');
    expect(form.get('type')).toBe('application/pdf');
    const file = form.get('file') as File;
    expect(file.name).toBe('menu.pdf');
    expect(file.type).toBe('application/pdf');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(DATA);
    expect(request.body).not.toContain(TEST_OPTIONS.accessSecret);
  });

  it('signs with sha256 and says so when configured', async () => {
    const scope = nock(BASE_URL)
      .post('/api/wa/uploadTemplateFile')
      .reply(200, UPLOAD_TEMPLATE_FILE_ANSWER_EXAMPLE);
    const requests = captureRequests(scope);
    await nxcloud({ ...TEST_OPTIONS, signAlgorithm: 'sha256' }).templates.doUploadMedia!(
      { data: DATA, mimeType: 'image/png', fileName: 'a.png' },
      callContext(),
    );
    expect(requests[0]!.headers.algorithm).toBe('sha256');
    expect(requests[0]!.headers.sign).toBe(
      signNxcloud({
        accessKey: TEST_OPTIONS.accessKey,
        accessSecret: TEST_OPTIONS.accessSecret,
        action: 'uploadTemplateFile',
        bizType: '2',
        ts: String(FIXED_NOW),
        algorithm: 'sha256',
      }),
    );
  });

  it('adds the appkey field when sendAppKeyOnUploads is set (the page lists none)', async () => {
    const scope = nock(BASE_URL)
      .post('/api/wa/uploadTemplateFile')
      .reply(200, UPLOAD_TEMPLATE_FILE_ANSWER_EXAMPLE);
    const requests = captureRequests(scope);
    await nxcloud({ ...TEST_OPTIONS, sendAppKeyOnUploads: true }).templates.doUploadMedia!(
      { data: DATA, mimeType: 'image/png', fileName: 'a.png' },
      callContext(),
    );
    const form = await formOf(requests[0]!);
    expect([...form.keys()]).toEqual(['appkey', 'business_phone', 'messaging_product', 'file', 'type']);
    expect(form.get('appkey')).toBe(TEST_OPTIONS.appKey);
  });

  it("sends the MIME type in the page's lower case", async () => {
    const scope = nock(BASE_URL)
      .post('/api/wa/uploadTemplateFile')
      .reply(200, UPLOAD_TEMPLATE_FILE_ANSWER_EXAMPLE);
    const requests = captureRequests(scope);
    await nxcloud(TEST_OPTIONS).templates.doUploadMedia!(
      { data: DATA, mimeType: 'Image/JPEG', fileName: 'a.jpg' },
      callContext(),
    );
    expect((await formOf(requests[0]!)).get('type')).toBe('image/jpeg');
  });

  it.each([
    [
      'a type the page does not list',
      { mimeType: 'image/webp', fileName: 'a.webp' },
      'mimeType',
      'UNSUPPORTED',
    ],
    [
      'a file name with a lone surrogate',
      { mimeType: 'image/png', fileName: 'a\ud800.png' },
      'fileName',
      'INVALID_REQUEST',
    ],
  ])('refuses %s before sending anything', async (_what, media, field, code) => {
    const error = await rejection(
      nxcloud(TEST_OPTIONS).templates.doUploadMedia!({ data: DATA, ...media }, callContext()),
    );
    expect(error).toMatchObject({ code, field, outcome: 'not-sent' });
  });

  it('is a ResponseFormatError with an unknown outcome when success comes without a handle', async () => {
    nock(BASE_URL)
      .post('/api/wa/uploadTemplateFile')
      .reply(200, success({ id: '' }));
    const error = await rejection(
      nxcloud(TEST_OPTIONS).templates.doUploadMedia!(
        { data: DATA, mimeType: 'image/png', fileName: 'a.png' },
        callContext(),
      ),
    );
    expect(ResponseFormatError.isInstance(error)).toBe(true);
    expect(error.outcome).toBe('unknown');
  });

  it('fails with the vendor failure, secrets kept out', async () => {
    const scope = nock(BASE_URL)
      .post('/api/wa/uploadTemplateFile')
      .reply(200, failure(1003, 'Invalid signature'));
    const requests = captureRequests(scope);
    const error = await rejection(
      nxcloud(TEST_OPTIONS).templates.doUploadMedia!(
        { data: DATA, mimeType: 'image/png', fileName: 'a.png' },
        callContext(),
      ),
    );
    expect(error).toMatchObject({ code: 'AUTHENTICATION', vendorCode: 1003, outcome: 'failed' });
    expectNoSecrets(error, requests[0]);
  });
});
