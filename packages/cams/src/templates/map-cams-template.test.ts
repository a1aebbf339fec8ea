import { TemplateSchema, TemplateSummarySchema } from '@whatsapp-bsp/core';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { callContext, interceptCams, type RecordedRequest, testProvider } from '../__fixtures__/harness.js';
import {
  authenticationDetailBody,
  listTemplatesBody,
  marketingDetailBody,
  namedParameterDetailBody,
  orderUpdateDetailBody,
  zeroTapDetailBody,
} from '../__fixtures__/templates.js';
import { mapCamsAuditStatus } from './map-cams-template.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('AuditStatus', () => {
  it.each([
    ['pass', 'APPROVED'],
    ['fail', 'REJECTED'],
    ['auditing', 'PENDING'],
    ['unaudit', 'PENDING'],
    ['Audit', 'PENDING'],
    ['disabled', 'DISABLED'],
    ['paused', 'PAUSED'],
    ['PASS', 'APPROVED'],
    ['APPROVED', 'APPROVED'],
    ['IN_APPEAL', 'IN_APPEAL'],
    ['reviewing', 'UNKNOWN'],
    [7, 'UNKNOWN'],
    [undefined, 'UNKNOWN'],
  ])('%j maps to %s', (raw, status) => {
    expect(mapCamsAuditStatus(raw)).toBe(status);
  });
});

describe('GetChatappTemplateDetail', () => {
  it('maps a utility template, its samples and its buttons', async () => {
    const requests: RecordedRequest[] = [];
    interceptCams(requests, [200, orderUpdateDetailBody]);

    const result = await testProvider().templates.doGet(
      { name: 'order_update', language: 'en_US' },
      callContext(),
    );

    expect(result).toEqual({
      value: {
        provider: 'cams',
        raw: orderUpdateDetailBody.Data,
        id: '744c4b5c79c9432497a075bdfca30001:en_US',
        name: 'order_update',
        language: 'en_US',
        category: 'UTILITY',
        status: 'APPROVED',
        rejectedReason: 'NONE',
        qualityScore: 'GREEN',
        messageSendTtlSeconds: 3600,
        components: [
          { type: 'HEADER', format: 'TEXT', text: 'Hello {{1}}', example: { headerText: ['Bob'] } },
          {
            type: 'BODY',
            text: 'Hi {{1}}, your order {{2}} has shipped.',
            example: { bodyText: [['Bob', 'A-1001']] },
          },
          { type: 'FOOTER', text: 'Reply STOP to opt out' },
          {
            type: 'BUTTONS',
            buttons: [
              {
                type: 'URL',
                text: 'Track',
                url: 'https://example.com/track/{{1}}',
                // The template-level Example map's {{1}}: the same sample as the body's.
                example: ['https://example.com/track/Bob'],
              },
              { type: 'PHONE_NUMBER', text: 'Call us', phoneNumber: '+6512345678' },
              { type: 'QUICK_REPLY', text: 'Stop' },
            ],
          },
        ],
      },
      requestId: 'C1F2C3D4-0000-4000-8000-000000000002',
      httpStatusCode: 200,
    });
    expect(requests[0]?.query).toEqual({
      CustSpaceId: 'cams-space-0001',
      TemplateName: 'order_update',
      Language: 'en_US',
      TemplateType: 'WHATSAPP',
    });
  });

  it('fetches by the `<TemplateCode>:<Language>` id a list hands out', async () => {
    const requests: RecordedRequest[] = [];
    interceptCams(requests, [200, orderUpdateDetailBody]);

    const { value } = await testProvider().templates.doGet(
      { id: '744c4b5c79c9432497a075bdfca30001:en_US' },
      callContext(),
    );

    expect(value.id).toBe('744c4b5c79c9432497a075bdfca30001:en_US');
    expect(requests[0]?.query).toMatchObject({
      TemplateCode: '744c4b5c79c9432497a075bdfca30001',
      Language: 'en_US',
    });
    expect(requests[0]?.query).not.toHaveProperty('TemplateName');
  });

  it('maps CAMS COPY_CODE in an AUTHENTICATION template to the OTP button', async () => {
    interceptCams([], [200, authenticationDetailBody]);

    const { value } = await testProvider().templates.doGet(
      { name: 'login_code', language: 'en' },
      callContext(),
    );

    expect(value).toMatchObject({ category: 'AUTHENTICATION', status: 'PENDING' });
    expect(value.components).toEqual([
      { type: 'BODY', addSecurityRecommendation: true },
      { type: 'FOOTER', codeExpirationMinutes: 5 },
      { type: 'BUTTONS', buttons: [{ type: 'OTP', otpType: 'COPY_CODE', text: 'Copy code' }] },
    ]);
  });

  it('maps ONE_TAP to the OTP button with its app fields', async () => {
    const [body, footer] = authenticationDetailBody.Data.Components;
    const oneTap = {
      Type: 'ONE_TAP',
      Text: 'Autofill',
      AutofillText: 'Fill',
      PackageName: 'com.example',
      SignatureHash: 'K8a',
    };
    const answer = {
      ...authenticationDetailBody,
      Data: {
        ...authenticationDetailBody.Data,
        Components: [body, footer, { Type: 'BUTTONS', Buttons: [oneTap] }],
      },
    };
    interceptCams([], [200, answer]);

    const { value } = await testProvider().templates.doGet(
      { name: 'login_code', language: 'en' },
      callContext(),
    );

    expect(value.components[2]).toEqual({
      type: 'BUTTONS',
      buttons: [
        {
          type: 'OTP',
          otpType: 'ONE_TAP',
          text: 'Autofill',
          autofillText: 'Fill',
          packageName: 'com.example',
          signatureHash: 'K8a',
        },
      ],
    });
  });

  it('maps a NAMED template: samples keyed `{{first_name}}` become named samples, not a list', async () => {
    interceptCams([], [200, namedParameterDetailBody]);

    const { value } = await testProvider().templates.doGet(
      { name: 'order_named', language: 'en_US' },
      callContext(),
    );

    expect(value.parameterFormat).toBe('NAMED');
    expect(value.components).toEqual([
      {
        type: 'HEADER',
        format: 'TEXT',
        text: 'Order for {{first_name}}',
        example: { headerTextNamedParams: [{ paramName: 'first_name', example: 'Maria' }] },
      },
      {
        type: 'BODY',
        text: 'Hi {{first_name}}, order {{order_id}} has shipped.',
        example: {
          bodyTextNamedParams: [
            { paramName: 'first_name', example: 'Maria' },
            { paramName: 'order_id', example: '#1042' },
          ],
        },
      },
    ]);
    expect(TemplateSchema.parse(value)).toEqual(value);
  });

  it('reads a template with positional variables without a parameter format (POSITIONAL by default)', async () => {
    interceptCams([], [200, orderUpdateDetailBody]);

    const { value } = await testProvider().templates.doGet(
      { name: 'order_update', language: 'en_US' },
      callContext(),
    );

    expect(value).not.toHaveProperty('parameterFormat');
  });

  it('gives no samples to a text that mixes named and positional variables', async () => {
    const body = structuredClone(namedParameterDetailBody);
    body.Data.Components[1]!.Text = 'Hi {{first_name}}, order {{1}} has shipped.';
    (body.Data as { Example: Record<string, string> }).Example = {
      '{{first_name}}': 'Maria',
      '{{1}}': '#1042',
    };
    interceptCams([], [200, body]);

    const { value } = await testProvider().templates.doGet(
      { name: 'order_named', language: 'en_US' },
      callContext(),
    );

    expect(value.components[1]).toEqual({
      type: 'BODY',
      text: 'Hi {{first_name}}, order {{1}} has shipped.',
    });
    expect(value.parameterFormat).toBe('NAMED');
  });

  it('maps ZERO_TAP to the OTP button with every one of its SupportedApps', async () => {
    interceptCams([], [200, zeroTapDetailBody]);

    const { value } = await testProvider().templates.doGet(
      { name: 'login_zero_tap', language: 'en_US' },
      callContext(),
    );

    expect(value.components[2]).toEqual({
      type: 'BUTTONS',
      buttons: [
        {
          type: 'OTP',
          otpType: 'ZERO_TAP',
          text: 'Autofill',
          packageName: 'com.example.shop',
          signatureHash: 'AAAAAAAAAAA',
          supportedApps: [
            { packageName: 'com.example.shop', signatureHash: 'AAAAAAAAAAA' },
            { packageName: 'com.example.shop.debug', signatureHash: 'BBBBBBBBBBB' },
          ],
        },
      ],
    });
  });

  it('keeps the flat PackageName and SignatureHash of a ONE_TAP button that also lists its apps', async () => {
    const body = structuredClone(zeroTapDetailBody);
    const button = body.Data.Components[2]!.Buttons![0]!;
    Object.assign(button, {
      Type: 'ONE_TAP',
      PackageName: 'com.example.legacy',
      SignatureHash: 'LEGACYHASH1',
    });
    interceptCams([], [200, body]);

    const { value } = await testProvider().templates.doGet(
      { name: 'login_zero_tap', language: 'en_US' },
      callContext(),
    );

    expect(value.components[2]).toMatchObject({
      buttons: [
        {
          otpType: 'ONE_TAP',
          packageName: 'com.example.legacy',
          signatureHash: 'LEGACYHASH1',
          supportedApps: [{ packageName: 'com.example.shop' }, { packageName: 'com.example.shop.debug' }],
        },
      ],
    });
  });

  it('maps a limited-time offer (lower-case hasExpiration), a carousel, a flow button and a coupon', async () => {
    interceptCams([], [200, marketingDetailBody]);

    const { value } = await testProvider().templates.doGet(
      { name: 'spring_sale', language: 'en' },
      callContext(),
    );

    expect(value).toMatchObject({
      category: 'MARKETING',
      status: 'REJECTED',
      rejectedReason: 'INCORRECT_CATEGORY',
    });
    expect(value.components).toEqual([
      { type: 'LIMITED_TIME_OFFER', text: 'Spring sale', hasExpiration: true },
      { type: 'BODY', text: 'Our spring sale is on.' },
      {
        type: 'CAROUSEL',
        cards: [
          {
            components: [
              { type: 'HEADER', format: 'IMAGE', mediaUrl: 'https://example.com/a.png' },
              { type: 'BODY', text: 'Card {{1}}' },
              { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'More' }] },
            ],
          },
        ],
      },
      {
        type: 'BUTTONS',
        buttons: [
          {
            type: 'FLOW',
            text: 'Sign up',
            flowId: '1234567890123456',
            flowAction: 'navigate',
            navigateScreen: 'WELCOME',
          },
          { type: 'COPY_CODE', text: 'Copy coupon', example: 'SPRING25' },
        ],
      },
    ]);
    expect(TemplateSchema.safeParse(value).success).toBe(true);
  });

  it('keeps component and button types it does not know visible as UNKNOWN', async () => {
    const body = {
      RequestId: 'r',
      Code: 'OK',
      Data: {
        TemplateCode: 'c1',
        Name: 'n',
        Language: 'en',
        Category: 'text_image',
        AuditStatus: 'pass',
        Reason: 'Spam detected',
        QualityScore: 'PURPLE',
        Components: [
          { Type: 'CALL_PERMISSION_REQUEST' },
          {
            Type: 'BUTTONS',
            Buttons: [
              { Type: 'APP', Text: 'Open' },
              { Type: 'SUBMIT', Text: 'Go', FlowId: '99', FlowAction: 'DATA_EXCHANGE' },
              { Type: 'URL', Text: 'No url' },
            ],
          },
          { Type: 'HEADER', Latitude: '1.29', Longitude: '103.85' },
        ],
      },
    };
    interceptCams([], [200, body]);

    const { value } = await testProvider().templates.doGet({ name: 'n', language: 'en' }, callContext());

    expect(value).toMatchObject({ category: 'UNKNOWN', rejectedReason: 'UNKNOWN', qualityScore: 'UNKNOWN' });
    expect(value.components).toEqual([
      { type: 'UNKNOWN', rawType: 'CALL_PERMISSION_REQUEST' },
      {
        type: 'BUTTONS',
        buttons: [
          { type: 'UNKNOWN', rawType: 'APP', text: 'Open' },
          { type: 'FLOW', text: 'Go', flowId: '99', flowAction: 'data_exchange' },
          { type: 'UNKNOWN', rawType: 'URL', text: 'No url' },
        ],
      },
      { type: 'HEADER', format: 'LOCATION' },
    ]);
  });

  it('leaves samples out rather than pairing them with the wrong variables', async () => {
    const body = structuredClone(orderUpdateDetailBody);
    body.Data.Example = { '{{1}}': 'Bob' } as typeof body.Data.Example;
    interceptCams([], [200, body]);

    const { value } = await testProvider().templates.doGet(
      { name: 'order_update', language: 'en_US' },
      callContext(),
    );

    expect(value.components[0]).toEqual({
      type: 'HEADER',
      format: 'TEXT',
      text: 'Hello {{1}}',
      example: { headerText: ['Bob'] },
    });
    expect(value.components[1]).not.toHaveProperty('example');
  });
});

describe('ListChatappTemplate', () => {
  it('maps summaries, reports the total and pages while index × size < Total', async () => {
    const requests: RecordedRequest[] = [];
    const provider = testProvider();
    interceptCams(requests, [
      200,
      listTemplatesBody(3, [
        { code: 'c1', name: 'a' },
        { code: 'c1', name: 'a', language: 'id' },
      ]),
    ]);
    interceptCams(requests, [200, listTemplatesBody(3, [{ code: 'c2', name: 'b', auditStatus: 'fail' }])]);

    const first = await provider.templates.doList({ pageSize: 2 }, callContext());
    const second = await provider.templates.doList(
      { pageSize: 2, cursor: first.value.nextCursor },
      callContext(),
    );

    expect(first.value.items.map((template) => template.id)).toEqual(['c1:en_US', 'c1:id']);
    expect(first.value).toMatchObject({ nextCursor: '2:2', total: 3 });
    expect(second.value.nextCursor).toBeUndefined();
    expect(second.value.items).toEqual([
      {
        provider: 'cams',
        raw: listTemplatesBody(3, [{ code: 'c2', name: 'b', auditStatus: 'fail' }]).ListTemplate[0],
        id: 'c2:en_US',
        name: 'b',
        language: 'en_US',
        category: 'UTILITY',
        status: 'REJECTED',
        rejectedReason: 'NONE',
        updatedAt: new Date(1700617436633),
      },
    ]);
    for (const item of [...first.value.items, ...second.value.items]) {
      expect(TemplateSummarySchema.unwrap().strict().safeParse(item).success).toBe(true);
    }
    expect(requests.map((request) => request.query.Page)).toEqual([
      '{"Index":1,"Size":2}',
      '{"Index":2,"Size":2}',
    ]);
  });

  it('sends the filters in the vendor’s own values, in the query string', async () => {
    const requests: RecordedRequest[] = [];
    interceptCams(requests, [200, listTemplatesBody(0, [])]);

    await testProvider().templates.doList(
      { pageSize: 20, name: 'order_update', language: 'en_US', status: 'APPROVED', category: 'UTILITY' },
      callContext(),
    );

    expect(requests[0]?.query).toEqual({
      CustSpaceId: 'cams-space-0001',
      Name: 'order_update',
      Language: 'en_US',
      AuditStatus: 'pass',
      Category: 'UTILITY',
      TemplateType: 'WHATSAPP',
      Page: '{"Index":1,"Size":20}',
    });
    expect(requests[0]?.form).toEqual({});
  });

  it.each([
    ['REJECTED', 'fail'],
    ['PENDING', 'auditing'],
    ['PAUSED', 'paused'],
    ['DISABLED', 'disabled'],
  ] as const)('filters status %s as AuditStatus=%s', async (status, auditStatus) => {
    const requests: RecordedRequest[] = [];
    interceptCams(requests, [200, listTemplatesBody(0, [])]);

    await testProvider().templates.doList({ pageSize: 10, status }, callContext());

    expect(requests[0]?.query.AuditStatus).toBe(auditStatus);
  });

  it('ends on an empty page even when Total claims more', async () => {
    interceptCams([], [200, listTemplatesBody(50, [])]);

    const { value } = await testProvider().templates.doList({ pageSize: 10, cursor: '3' }, callContext());

    expect(value).toEqual({ items: [], total: 50 });
  });
});
