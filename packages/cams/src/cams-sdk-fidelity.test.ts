import Cams from '@alicloud/cams20200606';
import { Config } from '@alicloud/openapi-client';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createFlowExampleBody,
  envelopeOnlyBody,
  getFlowJsonBody,
  modifyFlowExampleBody,
  updateFlowJsonAssetExampleBody,
  uploadAuthorizationBody,
} from './__fixtures__/flow-writes.js';
import { getFlowPreviewBody, listFlowBody } from './__fixtures__/flows.js';
import { getFlowExampleBody } from './__fixtures__/get-flow.js';
import {
  ACCESS_KEY_ID,
  ACCESS_KEY_SECRET,
  CUST_SPACE_ID,
  callContext,
  ENDPOINT,
  flowsOf,
  interceptCams,
  type RecordedRequest,
  testOptions,
  testProvider,
} from './__fixtures__/harness.js';
import { listTemplatesBody, orderUpdateDetailBody } from './__fixtures__/templates.js';
import { fetchUploadAuthorization } from './assets/cams-upload-authorization.js';
import { parseCamsOptions } from './cams-options.js';
import { createCamsTransport } from './transport/cams-transport.js';

/*
 * The official SDK (@alicloud/cams20200606 1.4.2) is the reference for what goes on the wire.
 * Each operation is sent once through it and once through the adapter; everything but the
 * per-request signature, nonce and date must be identical.
 */

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

// CommonJS module: from ESM the client class is the module's `default`.
const sdk = new Cams.default(
  new Config({ accessKeyId: ACCESS_KEY_ID, accessKeySecret: ACCESS_KEY_SECRET, endpoint: ENDPOINT }),
);

/** What must match: action, version, method, path, placement and every business parameter. */
function onTheWire(request: RecordedRequest | undefined) {
  return {
    action: request?.headers['x-acs-action'],
    version: request?.headers['x-acs-version'],
    method: request?.method,
    pathname: request?.pathname,
    contentType: request?.headers['content-type'],
    query: request?.query,
    form: request?.form,
  };
}

async function bothOnTheWire(
  body: unknown,
  viaSdk: () => Promise<unknown>,
  viaAdapter: () => Promise<unknown>,
) {
  const sdkRequests: RecordedRequest[] = [];
  const adapterRequests: RecordedRequest[] = [];
  interceptCams(sdkRequests, [200, body as object]);
  await viaSdk();
  interceptCams(adapterRequests, [200, body as object]);
  await viaAdapter();
  expect(sdkRequests).toHaveLength(1);
  expect(adapterRequests).toHaveLength(1);
  return { sdk: onTheWire(sdkRequests[0]), adapter: onTheWire(adapterRequests[0]) };
}

describe('the adapter puts on the wire what the official SDK puts there', () => {
  it('GetFlow: form body', async () => {
    const { sdk: expected, adapter } = await bothOnTheWire(
      JSON.parse(getFlowExampleBody),
      () => sdk.getFlow(new Cams.GetFlowRequest({ custSpaceId: CUST_SPACE_ID, flowId: '92675332812643' })),
      () => testProvider().flows.doGet({ id: '92675332812643' }, callContext()),
    );

    expect(adapter).toEqual(expected);
    expect(adapter).toMatchObject({ action: 'GetFlow', query: {}, form: { FlowId: '92675332812643' } });
  });

  it('ListFlow: form body with Page as a JSON string', async () => {
    const { sdk: expected, adapter } = await bothOnTheWire(
      listFlowBody([{ id: 'a', name: 'A' }]),
      () =>
        sdk.listFlow(
          new Cams.ListFlowRequest({
            custSpaceId: CUST_SPACE_ID,
            page: new Cams.ListFlowRequestPage({ index: 2, size: 20 }),
          }),
        ),
      () => testProvider().flows.doList({ pageSize: 20, cursor: '2' }, callContext()),
    );

    expect(adapter).toEqual(expected);
    expect(adapter.form).toMatchObject({ Page: '{"Index":2,"Size":20}' });
  });

  it('GetFlowPreviewUrl: form body', async () => {
    const { sdk: expected, adapter } = await bothOnTheWire(
      getFlowPreviewBody,
      () =>
        sdk.getFlowPreviewUrl(
          new Cams.GetFlowPreviewUrlRequest({ custSpaceId: CUST_SPACE_ID, flowId: 'f-9' }),
        ),
      () => testProvider().flows.doGetPreview({ id: 'f-9' }, callContext()),
    );

    expect(adapter).toEqual(expected);
    expect(adapter.action).toBe('GetFlowPreviewUrl');
  });

  it('CreateFlow: form body with Categories as a JSON string', async () => {
    const { sdk: expected, adapter } = await bothOnTheWire(
      JSON.parse(createFlowExampleBody),
      () =>
        sdk.createFlow(
          new Cams.CreateFlowRequest({
            custSpaceId: CUST_SPACE_ID,
            flowName: 'sign_up_flow',
            categories: ['SIGN_UP', 'OTHER'],
          }),
        ),
      () =>
        flowsOf(testProvider()).doCreate(
          { name: 'sign_up_flow', categories: ['SIGN_UP', 'OTHER'] },
          callContext(),
        ),
    );

    expect(adapter).toEqual(expected);
    expect(adapter).toMatchObject({
      action: 'CreateFlow',
      query: {},
      form: { Categories: '["SIGN_UP","OTHER"]' },
    });
  });

  it('ModifyFlow: form body with Categories as a JSON string', async () => {
    const { sdk: expected, adapter } = await bothOnTheWire(
      JSON.parse(modifyFlowExampleBody),
      () =>
        sdk.modifyFlow(
          new Cams.ModifyFlowRequest({
            custSpaceId: CUST_SPACE_ID,
            flowId: '92675332812643',
            flowName: 'flow_002',
            categories: ['SURVEY'],
          }),
        ),
      () =>
        flowsOf(testProvider()).doUpdate(
          { id: '92675332812643', name: 'flow_002', categories: ['SURVEY'] },
          callContext(),
        ),
    );

    expect(adapter).toEqual(expected);
    expect(adapter).toMatchObject({ action: 'ModifyFlow', query: {}, form: { FlowId: '92675332812643' } });
  });

  it('PublishFlow: form body', async () => {
    const { sdk: expected, adapter } = await bothOnTheWire(
      envelopeOnlyBody,
      () => sdk.publishFlow(new Cams.PublishFlowRequest({ custSpaceId: CUST_SPACE_ID, flowId: 'f-1' })),
      () => flowsOf(testProvider()).doPublish({ id: 'f-1' }, callContext()),
    );

    expect(adapter).toEqual(expected);
    expect(adapter).toMatchObject({ action: 'PublishFlow', form: { FlowId: 'f-1' } });
  });

  it('DeprecateFlow: form body', async () => {
    const { sdk: expected, adapter } = await bothOnTheWire(
      envelopeOnlyBody,
      () => sdk.deprecateFlow(new Cams.DeprecateFlowRequest({ custSpaceId: CUST_SPACE_ID, flowId: 'f-1' })),
      () => flowsOf(testProvider()).doDeprecate({ id: 'f-1' }, callContext()),
    );

    expect(adapter).toEqual(expected);
    expect(adapter).toMatchObject({ action: 'DeprecateFlow', form: { FlowId: 'f-1' } });
  });

  it('DeleteFlow: form body', async () => {
    const { sdk: expected, adapter } = await bothOnTheWire(
      envelopeOnlyBody,
      () => sdk.deleteFlow(new Cams.DeleteFlowRequest({ custSpaceId: CUST_SPACE_ID, flowId: 'f-1' })),
      () => flowsOf(testProvider()).doDelete({ id: 'f-1' }, callContext()),
    );

    expect(adapter).toEqual(expected);
    expect(adapter).toMatchObject({ action: 'DeleteFlow', form: { FlowId: 'f-1' } });
  });

  it('UpdateFlowJSONAsset: form body, FilePath the hosted file’s URL', async () => {
    const url = 'https://files.example.test/flows/flow-f-1.json';
    const { sdk: expected, adapter } = await bothOnTheWire(
      JSON.parse(updateFlowJsonAssetExampleBody),
      () =>
        sdk.updateFlowJSONAsset(
          new Cams.UpdateFlowJSONAssetRequest({ custSpaceId: CUST_SPACE_ID, flowId: 'f-1', filePath: url }),
        ),
      () =>
        flowsOf(testProvider({ assetUploader: { upload: async () => ({ url }) } })).doUpdateJson(
          { id: 'f-1', text: '{"version":"5.0"}' },
          callContext(),
        ),
    );

    expect(adapter).toEqual(expected);
    expect(adapter).toMatchObject({ action: 'UpdateFlowJSONAsset', form: { FilePath: url } });
  });

  it('GetFlowJSONAssest: form body', async () => {
    const url = 'https://files.example.test/flows/f-1.json';
    nock('https://files.example.test').get('/flows/f-1.json').reply(200, '{}');
    const { sdk: expected, adapter } = await bothOnTheWire(
      getFlowJsonBody(url, 'f-1'),
      () =>
        sdk.getFlowJSONAssest(
          new Cams.GetFlowJSONAssestRequest({ custSpaceId: CUST_SPACE_ID, flowId: 'f-1' }),
        ),
      () => flowsOf(testProvider()).doGetJson({ id: 'f-1' }, callContext()),
    );

    expect(adapter).toEqual(expected);
    expect(adapter).toMatchObject({ action: 'GetFlowJSONAssest', form: { FlowId: 'f-1' } });
  });

  it('GetChatappUploadAuthorization (for an OSS key as FilePath): query string', async () => {
    const sdkRequests: RecordedRequest[] = [];
    interceptCams(sdkRequests, [200, uploadAuthorizationBody()]);
    await sdk.getChatappUploadAuthorization(
      new Cams.GetChatappUploadAuthorizationRequest({ custSpaceId: CUST_SPACE_ID }),
    );
    const adapterRequests: RecordedRequest[] = [];
    interceptCams(adapterRequests, [200, getFlowJsonBody('chatapp/flow.json', 'f-1')]);
    interceptCams(adapterRequests, [200, uploadAuthorizationBody()]);
    nock('https://cams-uploads.oss-ap-southeast-1.aliyuncs.com').get('/chatapp/flow.json').reply(200, '{}');

    await flowsOf(testProvider({ flowJsonFilePath: 'oss-key' })).doGetJson({ id: 'f-1' }, callContext());

    const adapter = onTheWire(adapterRequests[1]);
    expect(adapter).toEqual(onTheWire(sdkRequests[0]));
    expect(adapter).toMatchObject({
      action: 'GetChatappUploadAuthorization',
      form: {},
      query: { CustSpaceId: CUST_SPACE_ID },
    });
  });

  it('ListChatappTemplate: query string, filters in the vendor’s values, Page as a JSON string', async () => {
    const { sdk: expected, adapter } = await bothOnTheWire(
      listTemplatesBody(0, []),
      () =>
        sdk.listChatappTemplate(
          new Cams.ListChatappTemplateRequest({
            custSpaceId: CUST_SPACE_ID,
            name: 'order_update',
            language: 'en_US',
            auditStatus: 'pass',
            templateType: 'WHATSAPP',
            page: new Cams.ListChatappTemplateRequestPage({ index: 3, size: 25 }),
          }),
        ),
      () =>
        testProvider().templates.doList(
          { pageSize: 25, cursor: '3', name: 'order_update', language: 'en_US', status: 'APPROVED' },
          callContext(),
        ),
    );

    expect(adapter).toEqual(expected);
    expect(adapter).toMatchObject({ form: {}, contentType: undefined });
  });

  it('GetChatappTemplateDetail by name: query string', async () => {
    const { sdk: expected, adapter } = await bothOnTheWire(
      orderUpdateDetailBody,
      () =>
        sdk.getChatappTemplateDetail(
          new Cams.GetChatappTemplateDetailRequest({
            custSpaceId: CUST_SPACE_ID,
            templateName: 'order_update',
            language: 'en_US',
            templateType: 'WHATSAPP',
          }),
        ),
      () => testProvider().templates.doGet({ name: 'order_update', language: 'en_US' }, callContext()),
    );

    expect(adapter).toEqual(expected);
  });

  it('GetChatappTemplateDetail by code: query string', async () => {
    const { sdk: expected, adapter } = await bothOnTheWire(
      orderUpdateDetailBody,
      () =>
        sdk.getChatappTemplateDetail(
          new Cams.GetChatappTemplateDetailRequest({
            custSpaceId: CUST_SPACE_ID,
            templateCode: '744c4b5c79c9432497a075bdfca30001',
            language: 'en_US',
            templateType: 'WHATSAPP',
          }),
        ),
      () => testProvider().templates.doGet({ id: '744c4b5c79c9432497a075bdfca30001:en_US' }, callContext()),
    );

    expect(adapter).toEqual(expected);
    expect(adapter.query).toMatchObject({ TemplateCode: '744c4b5c79c9432497a075bdfca30001' });
  });
});

/**
 * The JSON-string parameters compared by value: the SDK writes an object's keys in its model's
 * order, the adapter in the draft's; CAMS reads JSON either way.
 */
function withJsonParsed(wire: ReturnType<typeof onTheWire>, names: readonly string[]) {
  const parse = (parameters: Record<string, string> | undefined) =>
    parameters &&
    Object.fromEntries(
      Object.entries(parameters).map(([name, value]) => [
        name,
        names.includes(name) ? JSON.parse(value) : value,
      ]),
    );
  return { ...wire, query: parse(wire.query), form: parse(wire.form) };
}

/** A write method's call, which the CAMS provider has. */
function write<T>(call: Promise<T> | undefined): Promise<T> {
  if (call === undefined) throw new Error('the CAMS provider lacks this write method');
  return call;
}

/** The write answers, built to CreateChatappTemplate's documented shape (Data{TemplateCode, TemplateName}). */
const templateWriteBody = {
  RequestId: 'C1F2C3D4-0000-4000-8000-000000000010',
  Code: 'OK',
  Message: 'OK',
  Data: { TemplateCode: '744c4b5c79c9432497a075bdfca30010', TemplateName: 'order_update' },
};

/** The draft of DESIGN's template writes, a text header, a body, a footer and a dynamic URL. */
const orderUpdateDraft = {
  name: 'order_update',
  language: 'en_US',
  category: 'UTILITY' as const,
  messageSendTtlSeconds: 3600,
  components: [
    {
      type: 'HEADER' as const,
      format: 'TEXT' as const,
      text: 'Order {{1}}',
      example: { headerText: ['Ana'] },
    },
    {
      type: 'BODY' as const,
      text: 'Hi {{1}}, order {{2}} has shipped.',
      example: { bodyText: [['Ana', '#1042']] },
    },
    { type: 'FOOTER' as const, text: 'Reply STOP to opt out' },
    {
      type: 'BUTTONS' as const,
      buttons: [
        {
          type: 'URL' as const,
          text: 'Track',
          url: 'https://shop.example/t/{{1}}',
          example: ['https://shop.example/t/Ana'],
        },
        { type: 'PHONE_NUMBER' as const, text: 'Call us', phoneNumber: '+6512345678' },
      ],
    },
  ],
};

type ModelClass = new (map: Record<string, unknown>) => object;

/** The same components as the SDK's models take them, in Create's or Modify's classes. */
const orderUpdateSdkComponents = (Component: ModelClass, Button: ModelClass) => [
  new Component({ type: 'HEADER', format: 'TEXT', text: 'Order {{1}}' }),
  new Component({ type: 'BODY', text: 'Hi {{1}}, order {{2}} has shipped.' }),
  new Component({ type: 'FOOTER', text: 'Reply STOP to opt out' }),
  new Component({
    type: 'BUTTONS',
    buttons: [
      new Button({ type: 'URL', text: 'Track', url: 'https://shop.example/t/{{1}}', urlType: 'dynamic' }),
      new Button({ type: 'PHONE_NUMBER', text: 'Call us', phoneNumber: '+6512345678' }),
    ],
  }),
];

describe('template writes go on the wire as the official SDK puts them', () => {
  it('CreateChatappTemplate: form body, Components and Example as JSON strings, the TTL as text', async () => {
    const { sdk: expected, adapter } = await bothOnTheWire(
      templateWriteBody,
      () =>
        sdk.createChatappTemplate(
          new Cams.CreateChatappTemplateRequest({
            custSpaceId: CUST_SPACE_ID,
            name: 'order_update',
            language: 'en_US',
            category: 'UTILITY',
            templateType: 'WHATSAPP',
            messageSendTtlSeconds: 3600,
            components: orderUpdateSdkComponents(
              Cams.CreateChatappTemplateRequestComponents,
              Cams.CreateChatappTemplateRequestComponentsButtons,
            ) as Cams.CreateChatappTemplateRequestComponents[],
            example: { '{{1}}': 'Ana', '{{2}}': '#1042' },
          }),
        ),
      () => write(testProvider().templates.doCreate?.({ draft: orderUpdateDraft }, callContext())),
    );

    expect(withJsonParsed(adapter, ['Components', 'Example'])).toEqual(
      withJsonParsed(expected, ['Components', 'Example']),
    );
    expect(adapter).toMatchObject({
      action: 'CreateChatappTemplate',
      query: {},
      contentType: 'application/x-www-form-urlencoded',
      form: { MessageSendTtlSeconds: '3600', Example: '{"{{1}}":"Ana","{{2}}":"#1042"}' },
    });
  });

  it('ModifyChatappTemplate: form body with TemplateCode, TemplateName and the same JSON strings', async () => {
    const { sdk: expected, adapter } = await bothOnTheWire(
      templateWriteBody,
      () =>
        sdk.modifyChatappTemplate(
          new Cams.ModifyChatappTemplateRequest({
            custSpaceId: CUST_SPACE_ID,
            templateCode: '744c4b5c79c9432497a075bdfca30010',
            templateName: 'order_update',
            language: 'en_US',
            category: 'UTILITY',
            templateType: 'WHATSAPP',
            messageSendTtlSeconds: 3600,
            components: orderUpdateSdkComponents(
              Cams.ModifyChatappTemplateRequestComponents,
              Cams.ModifyChatappTemplateRequestComponentsButtons,
            ) as Cams.ModifyChatappTemplateRequestComponents[],
            example: { '{{1}}': 'Ana', '{{2}}': '#1042' },
          }),
        ),
      () =>
        write(
          testProvider().templates.doUpdate?.(
            {
              id: '744c4b5c79c9432497a075bdfca30010:en_US',
              name: 'order_update',
              language: 'en_US',
              category: 'UTILITY',
              components: orderUpdateDraft.components,
              messageSendTtlSeconds: 3600,
            },
            callContext(),
          ),
        ),
    );

    expect(withJsonParsed(adapter, ['Components', 'Example'])).toEqual(
      withJsonParsed(expected, ['Components', 'Example']),
    );
    expect(adapter.action).toBe('ModifyChatappTemplate');
  });

  it('CreateChatappTemplate: an OTP button’s SupportedApps, which SDK 1.4.2 drops, is sent all the same', async () => {
    const requests: RecordedRequest[] = [];
    interceptCams(requests, [200, templateWriteBody]);

    await testProvider().templates.doCreate?.(
      {
        draft: {
          name: 'login_code',
          language: 'en',
          category: 'AUTHENTICATION',
          components: [
            { type: 'BODY', addSecurityRecommendation: true },
            { type: 'FOOTER', codeExpirationMinutes: 5 },
            {
              type: 'BUTTONS',
              buttons: [
                {
                  type: 'OTP',
                  otpType: 'ONE_TAP',
                  text: 'Copy code',
                  autofillText: 'Autofill',
                  supportedApps: [{ packageName: 'com.example.app', signatureHash: 'K8a/AINcGX7' }],
                },
              ],
            },
          ],
        },
      },
      callContext(),
    );

    expect(JSON.parse(requests[0]?.form.Components ?? '')).toEqual([
      { Type: 'BODY', AddSecretRecommendation: true },
      { Type: 'FOOTER', CodeExpirationMinutes: 5 },
      {
        Type: 'BUTTONS',
        Buttons: [
          {
            Type: 'ONE_TAP',
            Text: 'Copy code',
            AutofillText: 'Autofill',
            SupportedApps: [{ PackageName: 'com.example.app', SignatureHash: 'K8a/AINcGX7' }],
          },
        ],
      },
    ]);
    expect(requests[0]?.form.Example).toBeUndefined();
  });

  it('DeleteChatappTemplate: query string only, an empty body', async () => {
    const { sdk: expected, adapter } = await bothOnTheWire(
      { RequestId: 'C1F2C3D4-0000-4000-8000-000000000011', Code: 'OK', Message: 'OK' },
      () =>
        sdk.deleteChatappTemplate(
          new Cams.DeleteChatappTemplateRequest({
            custSpaceId: CUST_SPACE_ID,
            templateCode: '744c4b5c79c9432497a075bdfca30010',
            language: 'en_US',
            templateType: 'WHATSAPP',
          }),
        ),
      () =>
        write(
          testProvider().templates.doDelete?.(
            {
              scope: 'language',
              id: '744c4b5c79c9432497a075bdfca30010:en_US',
              name: 'order_update',
              language: 'en_US',
            },
            callContext(),
          ),
        ),
    );

    expect(adapter).toEqual(expected);
    expect(adapter).toMatchObject({ form: {}, contentType: undefined });
  });

  it('GetChatappUploadAuthorization: query string only', async () => {
    const { sdk: expected, adapter } = await bothOnTheWire(
      {
        RequestId: 'C1F2C3D4-0000-4000-8000-000000000012',
        Code: 'OK',
        Message: 'OK',
        // The documented Data fields; the values are invented.
        Data: {
          AccessKeyId: 'STS.NUnitTest',
          AccessKeySecret: 'upload-secret',
          SecurityToken: 'upload-token',
          BucketName: 'cams-uploads',
          Dir: 'chatapp/cams-space-0001',
          EndPoint: 'oss-ap-southeast-1.aliyuncs.com',
          Expire: 3600,
        },
      },
      () =>
        sdk.getChatappUploadAuthorization(
          new Cams.GetChatappUploadAuthorizationRequest({ custSpaceId: CUST_SPACE_ID }),
        ),
      () =>
        fetchUploadAuthorization(
          createCamsTransport(parseCamsOptions(testOptions())),
          CUST_SPACE_ID,
          callContext(),
        ),
    );

    expect(adapter).toEqual(expected);
    expect(adapter).toMatchObject({
      action: 'GetChatappUploadAuthorization',
      query: { CustSpaceId: CUST_SPACE_ID },
    });
  });
});
