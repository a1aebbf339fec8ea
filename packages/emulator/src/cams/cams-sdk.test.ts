import Cams, {
  CreateChatappTemplateRequest,
  CreateChatappTemplateRequestComponents,
  CreateChatappTemplateRequestComponentsButtons,
  CreateFlowRequest,
  DeleteChatappTemplateRequest,
  DeleteFlowRequest,
  DeprecateFlowRequest,
  GetChatappTemplateDetailRequest,
  GetFlowJSONAssestRequest,
  GetFlowPreviewUrlRequest,
  GetFlowRequest,
  ListChatappTemplateRequest,
  ListChatappTemplateRequestPage,
  ListFlowRequest,
  ListFlowRequestPage,
  ModifyChatappTemplateRequest,
  ModifyChatappTemplateRequestComponents,
  ModifyFlowRequest,
  PublishFlowRequest,
  UpdateFlowJSONAssetRequest,
} from '@alicloud/cams20200606';
import OpenApi, { Config, OpenApiRequest, Params } from '@alicloud/openapi-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commonJsClass } from '../__fixtures__/common-js.js';
import { send } from '../__fixtures__/signed-requests.js';
import { CAMS_GET_FLOW_EXAMPLE } from '../__fixtures__/vendor-example-payloads.js';
import { type Emulator, startEmulator } from '../start-emulator.js';

// Proof of fidelity: the official Alibaba Cloud SDK, unchanged, talks to the emulator.

const CamsClient = commonJsClass(Cams);
const OpenApiClient = commonJsClass(OpenApi);

let emulator: Emulator<'cams'>;
let client: InstanceType<typeof CamsClient>;

beforeAll(async () => {
  emulator = await startEmulator({ vendors: ['cams'] });
  client = new CamsClient(new Config(emulator.cams.config));
});
afterAll(() => emulator.close());

const custSpaceId = () => emulator.cams.config.custSpaceId;

/** The SDK's error for a rejected call: code, HTTP status and the parsed body. */
async function sdkError(
  call: Promise<unknown>,
): Promise<{ code: string; statusCode: number; data: Record<string, unknown> }> {
  try {
    await call;
  } catch (error) {
    return error as { code: string; statusCode: number; data: Record<string, unknown> };
  }
  throw new Error('the call succeeded');
}

describe('official SDK against the CAMS emulator', () => {
  it("getFlow returns the vendor's documented example", async () => {
    const { statusCode, body } = await client.getFlow(
      new GetFlowRequest({ custSpaceId: custSpaceId(), flowId: '926753328126430000' }),
    );
    expect(statusCode).toBe(200);
    expect(body?.code).toBe('OK');
    expect(body?.requestId).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
    const expected = CAMS_GET_FLOW_EXAMPLE.Data;
    expect(body?.data?.toMap()).toEqual({ ...expected, FlowId: '926753328126430000' });
  });

  it('getFlowPreviewUrl returns the link and its epoch-millisecond expiry', async () => {
    const { body } = await client.getFlowPreviewUrl(
      new GetFlowPreviewUrlRequest({ flowId: '3603023670018851' }),
    );
    expect(body?.data?.toMap()).toEqual({
      FlowId: '3603023670018851',
      PreviewUrl: expect.stringContaining('/flows/3603023670018850/preview/'),
      PreviewUrlExpires: Date.parse('2024-01-13T10:03:53Z'),
    });
  });

  it('listFlow pages to the end by page index, items without status', async () => {
    const ids: string[] = [];
    for (let index = 1; ; index++) {
      const { body } = await client.listFlow(
        new ListFlowRequest({
          custSpaceId: custSpaceId(),
          page: new ListFlowRequestPage({ index, size: 8 }),
        }),
      );
      const items = body?.data ?? [];
      for (const item of items)
        expect(Object.keys(item.toMap()).sort()).toEqual(['Categories', 'FlowId', 'FlowName']);
      ids.push(...items.map((item) => item.flowId ?? ''));
      if (items.length < 8) break;
    }
    expect(ids).toEqual(emulator.store.flows.list().map((flow) => flow.id));
  });

  it('listFlow filters by FlowName', async () => {
    const { body } = await client.listFlow(new ListFlowRequest({ flowName: 'flow_001' }));
    expect(body?.data?.map((item) => item.flowId)).toEqual(['926753328126430000']);
  });

  it('listChatappTemplate pages with a total, and filters by AuditStatus and Language', async () => {
    const names: string[] = [];
    let total = 0;
    for (let index = 1; names.length < 200; index++) {
      const { body } = await client.listChatappTemplate(
        new ListChatappTemplateRequest({
          custSpaceId: custSpaceId(),
          page: new ListChatappTemplateRequestPage({ index, size: 25 }),
        }),
      );
      total = body?.total ?? 0;
      const items = body?.listTemplate ?? [];
      names.push(...items.map((item) => `${item.templateName}/${item.language}`));
      if (items.length === 0) break;
    }
    const stored = emulator.store.templates.list();
    expect(total).toBe(stored.length);
    expect(names).toEqual(stored.map((t) => `${t.name}/${t.language}`));

    const { body } = await client.listChatappTemplate(
      new ListChatappTemplateRequest({
        custSpaceId: custSpaceId(),
        auditStatus: 'pass',
        language: 'en_US',
        page: new ListChatappTemplateRequestPage({ index: 1, size: 100 }),
      }),
    );
    const approvedEnglish = stored.filter((t) => t.status === 'APPROVED' && t.language === 'en_US');
    expect(approvedEnglish.length).toBeGreaterThan(0);
    expect(body?.total).toBe(approvedEnglish.length);
    expect(body?.listTemplate?.map((item) => item.templateCode)).toEqual(approvedEnglish.map((t) => t.code));
    expect(
      body?.listTemplate?.every((item) => item.auditStatus === 'pass' && item.templateType === 'WHATSAPP'),
    ).toBe(true);
  });

  it('getChatappTemplateDetail finds a template by name or by code, with components and the Example map', async () => {
    const byName = await client.getChatappTemplateDetail(
      new GetChatappTemplateDetailRequest({
        custSpaceId: custSpaceId(),
        templateName: 'normal_text3',
        language: 'en_US',
      }),
    );
    const data = byName.body?.data;
    expect(data?.toMap()).toMatchObject({
      Name: 'normal_text3',
      Language: 'en_US',
      Category: 'OTP',
      AuditStatus: 'fail',
      Reason: 'INVALID_FORMAT',
      QualityScore: 'UNKNOWN',
      Example: { '{{1}}': 'BB', '{{2}}': 'CC' },
    });
    expect(data?.components?.map((c) => c.type)).toEqual(['HEADER', 'BODY', 'FOOTER', 'BUTTONS']);
    expect(data?.components?.[3]?.buttons?.map((b) => b.text)).toEqual(['I am QR1', 'I am QR2']);

    const byCode = await client.getChatappTemplateDetail(
      new GetChatappTemplateDetailRequest({
        custSpaceId: custSpaceId(),
        templateCode: data?.templateCode,
        language: 'en_US',
      }),
    );
    expect(byCode.body?.data?.toMap()).toEqual(data?.toMap());
  });

  it('answers an unknown template with DetailError.TemplateNotExist (HTTP 400)', async () => {
    const error = await sdkError(
      client.getChatappTemplateDetail(
        new GetChatappTemplateDetailRequest({
          custSpaceId: custSpaceId(),
          templateName: 'nope',
          language: 'en_US',
        }),
      ),
    );
    expect(error).toMatchObject({ code: 'DetailError.TemplateNotExist', statusCode: 400 });
    expect(error.data.RequestId).toEqual(expect.any(String));
  });

  it('rejects a request signed with a wrong secret: SignatureDoesNotMatch, HTTP 400', async () => {
    const wrong = new CamsClient(new Config({ ...emulator.cams.config, accessKeySecret: 'not-the-secret' }));
    const error = await sdkError(wrong.getFlow(new GetFlowRequest({ flowId: '3603023670018851' })));
    expect(error).toMatchObject({ code: 'SignatureDoesNotMatch', statusCode: 400 });
    expect(Object.keys(error.data).sort()).toEqual([
      'Code',
      'HostId',
      'Message',
      'Recommend',
      'RequestId',
      'statusCode',
    ]);
    expect(JSON.stringify(error.data)).not.toContain('not-the-secret');
  });

  it('rejects an unknown AccessKey id: InvalidAccessKeyId.NotFound', async () => {
    const stranger = new CamsClient(new Config({ ...emulator.cams.config, accessKeyId: 'LTAIsomeoneElse' }));
    const error = await sdkError(stranger.listFlow(new ListFlowRequest({})));
    expect(error).toMatchObject({ code: 'InvalidAccessKeyId.NotFound', statusCode: 400 });
  });

  it('accepts STS credentials (a signed x-acs-security-token)', async () => {
    const sts = new CamsClient(new Config({ ...emulator.cams.config, securityToken: 'CAIS-emulator-token' }));
    const { body } = await sts.listFlow(new ListFlowRequest({}));
    expect(body?.code).toBe('OK');
  });
});

describe('generic openapi-client calls (the raw PascalCase body)', () => {
  const rpc = (action: string) =>
    new Params({
      action,
      version: '2020-06-06',
      protocol: 'HTTP',
      pathname: '/',
      method: 'POST',
      authType: 'AK',
      style: 'RPC',
      reqBodyType: 'formData',
      bodyType: 'json',
    });
  let generic: InstanceType<typeof OpenApiClient>;
  beforeAll(() => {
    generic = new OpenApiClient(new Config(emulator.cams.config));
  });
  // tea-util's RuntimeOptions is not a dependency here; a plain object works at run time.
  const runtime = {} as Parameters<InstanceType<typeof OpenApiClient>['callApi']>[2];

  it('reads GetFlow parameters from the query string too, as SDK 5.x sends them', async () => {
    const response = await generic.callApi(
      rpc('GetFlow'),
      new OpenApiRequest({ query: { FlowId: '3603023670018851' } }),
      runtime,
    );
    expect(response.body).toMatchObject({
      Code: 'OK',
      Data: { FlowId: '3603023670018851', FlowName: 'flows_hqq_008' },
    });
  });

  it('accepts the lower-case Page keys some vendor docs show', async () => {
    const response = await generic.callApi(
      rpc('ListChatappTemplate'),
      new OpenApiRequest({ query: { CustSpaceId: custSpaceId(), Page: '{"index": 2,"size": 3}' } }),
      runtime,
    );
    const stored = emulator.store.templates.slice(3, 6);
    expect(response.body.ListTemplate.map((t: { TemplateCode: string }) => t.TemplateCode)).toEqual(
      stored.map((t) => t.code),
    );
  });

  it('spells hasExpiration with a lower-case h in a detail, as CAMS does', async () => {
    const offer = emulator.store.templates
      .list()
      .find((t) => t.components.some((component) => component.type === 'LIMITED_TIME_OFFER'));
    expect(offer).toBeDefined();
    const response = await generic.callApi(
      rpc('GetChatappTemplateDetail'),
      new OpenApiRequest({
        query: {
          CustSpaceId: custSpaceId(),
          TemplateCode: offer?.code ?? '',
          Language: offer?.language ?? '',
        },
      }),
      runtime,
    );
    const components = response.body.Data.Components as Array<Record<string, unknown>>;
    expect(components.find((c) => c.Type === 'LIMITED_TIME_OFFER')).toEqual({
      Type: 'LIMITED_TIME_OFFER',
      Text: 'Expiring offer!',
      hasExpiration: true,
    });
  });
});

describe('official SDK writes against the CAMS emulator', () => {
  it('createChatappTemplate: Components and Example as the SDK serializes them, reviewed as a vendor create', async () => {
    emulator.review.set({ delayMs: 0 });
    const { statusCode, body } = await client.createChatappTemplate(
      new CreateChatappTemplateRequest({
        custSpaceId: custSpaceId(),
        name: 'sdk_order_update',
        language: 'en_US',
        category: 'UTILITY',
        templateType: 'WHATSAPP',
        allowCategoryChange: true,
        components: [
          new CreateChatappTemplateRequestComponents({ type: 'HEADER', format: 'TEXT', text: 'Order {{1}}' }),
          new CreateChatappTemplateRequestComponents({
            type: 'BODY',
            text: 'Hi {{1}}, order {{2}} has shipped.',
          }),
          new CreateChatappTemplateRequestComponents({
            type: 'BUTTONS',
            buttons: [
              new CreateChatappTemplateRequestComponentsButtons({
                type: 'URL',
                text: 'Track',
                url: 'https://shop.example/t/{{1}}',
                urlType: 'dynamic',
              }),
            ],
          }),
        ],
        example: { '{{1}}': 'Ana', '{{2}}': '#1042' },
      }),
    );
    expect(statusCode).toBe(200);
    expect(body?.code).toBe('OK');
    expect(body?.data?.templateName).toBe('sdk_order_update');
    expect(emulator.store.templates.getByCode(body?.data?.templateCode ?? '', 'en_US')).toMatchObject({
      status: 'APPROVED',
      components: [
        { type: 'HEADER', format: 'TEXT', text: 'Order {{1}}', example: 'Ana' },
        { type: 'BODY', example: ['Ana', '#1042'] },
        { type: 'BUTTONS', buttons: [{ type: 'URL', url: 'https://shop.example/t/{{1}}' }] },
      ],
    });
    const duplicate = await sdkError(
      client.createChatappTemplate(
        new CreateChatappTemplateRequest({
          custSpaceId: custSpaceId(),
          name: 'sdk_order_update',
          language: 'en_US',
          category: 'UTILITY',
          templateType: 'WHATSAPP',
          components: [new CreateChatappTemplateRequestComponents({ type: 'BODY', text: 'Hello' })],
        }),
      ),
    );
    expect({ code: duplicate.code, statusCode: duplicate.statusCode }).toEqual({
      code: 'InvalidParameter.TemplateNameExist',
      statusCode: 400,
    });
  });

  it('modifyChatappTemplate edits a rejected template and is refused for an approved one; deleteChatappTemplate removes it', async () => {
    emulator.review.set({ delayMs: 0, rules: [{ rejectNamesMatching: /^sdk_refused/ }] });
    const created = await client.createChatappTemplate(
      new CreateChatappTemplateRequest({
        custSpaceId: custSpaceId(),
        name: 'sdk_refused',
        language: 'es',
        category: 'MARKETING',
        templateType: 'WHATSAPP',
        components: [new CreateChatappTemplateRequestComponents({ type: 'BODY', text: 'Hola' })],
      }),
    );
    const templateCode = created.body?.data?.templateCode ?? '';
    const modify = () =>
      client.modifyChatappTemplate(
        new ModifyChatappTemplateRequest({
          custSpaceId: custSpaceId(),
          templateCode,
          language: 'es',
          templateType: 'WHATSAPP',
          components: [new ModifyChatappTemplateRequestComponents({ type: 'BODY', text: 'Hola, {{1}}' })],
          example: { '{{1}}': 'Ana' },
        }),
      );
    emulator.review.set({ rules: [] });
    const { body } = await modify();
    expect(body?.code).toBe('OK');
    expect(body?.data?.toMap()).toEqual({ TemplateCode: templateCode, TemplateName: 'sdk_refused' });
    expect(emulator.store.templates.getByCode(templateCode, 'es')).toMatchObject({
      status: 'APPROVED',
      components: [{ type: 'BODY', text: 'Hola, {{1}}', example: ['Ana'] }],
    });
    const refused = await sdkError(modify());
    expect({ code: refused.code, statusCode: refused.statusCode }).toEqual({
      code: 'InvalidParameter.ModifyError',
      statusCode: 400,
    });

    const deleted = await client.deleteChatappTemplate(
      new DeleteChatappTemplateRequest({ custSpaceId: custSpaceId(), templateCode, language: 'es' }),
    );
    expect(deleted.body?.code).toBe('OK');
    expect(emulator.store.templates.getByCode(templateCode, 'es')).toBeUndefined();
    emulator.review.set({ delayMs: 200 });
  });
});

describe('official SDK flow writes against the CAMS emulator', () => {
  // A Flow JSON built to the shape of Meta's Flow JSON reference: one terminal screen.
  const flowJson =
    '{"version":"7.0","screens":[{"id":"DONE","terminal":true,"layout":{"type":"SingleColumnLayout","children":[]}}]}';

  it('createFlow, modifyFlow, updateFlowJSONAsset, getFlowJSONAssest, publishFlow and deprecateFlow each go through, as the SDK sends them', async () => {
    const created = await client.createFlow(
      new CreateFlowRequest({ custSpaceId: custSpaceId(), flowName: 'sdk_flow', categories: ['SIGN_UP'] }),
    );
    expect(created.statusCode).toBe(200);
    expect(created.body?.code).toBe('OK');
    const flowId = created.body?.data?.flowId ?? '';
    expect(created.body?.data?.toMap()).toEqual({
      FlowId: flowId,
      FlowName: 'sdk_flow',
      Categories: ['SIGN_UP'],
    });

    const modified = await client.modifyFlow(
      new ModifyFlowRequest({
        custSpaceId: custSpaceId(),
        flowId,
        flowName: 'sdk_flow_renamed',
        categories: ['SURVEY', 'OTHER'],
      }),
    );
    expect(modified.body?.data?.toMap()).toEqual({
      FlowId: flowId,
      FlowName: 'sdk_flow_renamed',
      Categories: ['SURVEY', 'OTHER'],
    });

    const key = 'chatapp/cams-emulator-space/sdk-flow.json';
    emulator.cams.oss.objects.put(key, Buffer.from(flowJson), 'application/json');
    const updated = await client.updateFlowJSONAsset(
      new UpdateFlowJSONAssetRequest({
        custSpaceId: custSpaceId(),
        flowId,
        filePath: `${emulator.cams.oss.url}/${emulator.cams.oss.bucket}/${key}`,
      }),
    );
    expect(updated.body?.data?.toMap()).toEqual({ FlowId: flowId });

    const asset = await client.getFlowJSONAssest(
      new GetFlowJSONAssestRequest({ custSpaceId: custSpaceId(), flowId }),
    );
    expect(asset.body?.data?.flowId).toBe(flowId);
    expect((await send(asset.body?.data?.filePath ?? '', { method: 'GET' })).text).toBe(flowJson);

    expect(
      (await client.publishFlow(new PublishFlowRequest({ custSpaceId: custSpaceId(), flowId }))).body?.code,
    ).toBe('OK');
    expect(emulator.store.flows.get(flowId)?.status).toBe('PUBLISHED');
    const deprecated = await client.deprecateFlow(
      new DeprecateFlowRequest({ custSpaceId: custSpaceId(), flowId }),
    );
    expect(deprecated.body?.code).toBe('OK');
    expect(emulator.store.flows.get(flowId)?.status).toBe('DEPRECATED');
  });

  it('deleteFlow removes a DRAFT, and a refusal reaches the SDK as its error with the code and HTTP 400', async () => {
    const created = await client.createFlow(
      new CreateFlowRequest({ custSpaceId: custSpaceId(), flowName: 'sdk_draft', categories: ['OTHER'] }),
    );
    const flowId = created.body?.data?.flowId ?? '';
    await client.publishFlow(new PublishFlowRequest({ flowId }));
    const refused = await sdkError(
      client.deleteFlow(new DeleteFlowRequest({ custSpaceId: custSpaceId(), flowId })),
    );
    expect({ code: refused.code, statusCode: refused.statusCode }).toEqual({
      code: 'InvalidParameter.FlowStatusError',
      statusCode: 400,
    });

    const draft = await client.createFlow(
      new CreateFlowRequest({ custSpaceId: custSpaceId(), flowName: 'sdk_deletable', categories: ['OTHER'] }),
    );
    const draftId = draft.body?.data?.flowId ?? '';
    const deleted = await client.deleteFlow(
      new DeleteFlowRequest({ custSpaceId: custSpaceId(), flowId: draftId }),
    );
    expect(deleted.body?.code).toBe('OK');
    expect(emulator.store.flows.get(draftId)).toBeUndefined();
    const taken = await sdkError(
      client.createFlow(new CreateFlowRequest({ flowName: 'sdk_draft', categories: ['OTHER'] })),
    );
    expect(taken.code).toBe('InvalidParameter.FlowNameExist');
  });
});
