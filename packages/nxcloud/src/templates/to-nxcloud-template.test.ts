import {
  InvalidRequestError,
  type TemplateDraft,
  type TemplateDraftComponent,
  toTemplateDraft,
  UnsupportedOperationError,
} from '@whatsapp-bsp/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AUTHENTICATION_COMPONENTS_EXAMPLE,
  CREATE_TEMPLATE_REQUEST_EXAMPLE,
} from '../__fixtures__/nxcloud-template-write-examples.js';
import { decode } from '../__fixtures__/nxcloud-test-support.js';
import { templateFromWire } from './map-nxcloud-template.js';
import { nxcloudTemplateWireSchema } from './nxcloud-template-wire.js';
import { toNxcloudCreateTemplate, toNxcloudUpdateTemplate } from './to-nxcloud-template.js';

const marketing = (
  components: TemplateDraftComponent[],
  extra: Partial<TemplateDraft> = {},
): TemplateDraft => ({
  name: 'order_update',
  language: 'en_US',
  category: 'MARKETING',
  components,
  ...extra,
});

/** What the refusal of `draft` says, or a failure when it is not refused. */
function refusal(draft: TemplateDraft): UnsupportedOperationError {
  try {
    toNxcloudCreateTemplate(draft);
  } catch (error) {
    if (UnsupportedOperationError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected an UnsupportedOperationError');
}

describe('toNxcloudCreateTemplate: the createTemplate page', () => {
  it("writes the page's minimal request, field for field", () => {
    const {
      appkey: _appkey,
      business_phone: _phone,
      messaging_product: _product,
      ...fields
    } = JSON.parse(CREATE_TEMPLATE_REQUEST_EXAMPLE);
    const draft: TemplateDraft = {
      name: 'normal_text',
      category: 'MARKETING',
      language: 'zh_CN',
      components: [{ type: 'BODY', text: 'hello world' }],
    };
    expect(toNxcloudCreateTemplate(draft)).toEqual(fields);
  });

  it("writes the page's authentication components byte for byte", () => {
    const draft: TemplateDraft = {
      name: 'login_code',
      category: 'AUTHENTICATION',
      language: 'en_US',
      components: [
        { type: 'BODY', addSecurityRecommendation: true },
        { type: 'FOOTER', codeExpirationMinutes: 5 },
        { type: 'BUTTONS', buttons: [{ type: 'OTP', otpType: 'COPY_CODE', text: 'Copy Code' }] },
      ],
    };
    expect(JSON.stringify(toNxcloudCreateTemplate(draft).components)).toBe(AUTHENTICATION_COMPONENTS_EXAMPLE);
  });

  it('writes header_text as an array, body_text as an array of arrays, and every documented button field', () => {
    const fields = toNxcloudCreateTemplate(
      marketing(
        [
          { type: 'HEADER', format: 'TEXT', text: 'Order {{1}}', example: { headerText: ['#1042'] } },
          {
            type: 'BODY',
            text: 'Hi {{1}}, order {{2}} has shipped.',
            example: { bodyText: [['Ana', '#1042']] },
          },
          { type: 'FOOTER', text: 'Reply STOP to opt out' },
          {
            type: 'BUTTONS',
            buttons: [
              { type: 'QUICK_REPLY', text: 'Thanks' },
              {
                type: 'URL',
                text: 'Track',
                url: 'https://shop.example/t/{{1}}',
                example: ['https://shop.example/t/1042'],
              },
              { type: 'URL', text: 'Shop', url: 'https://shop.example' },
              { type: 'PHONE_NUMBER', text: 'Call us', phoneNumber: '+8613800000000' },
              { type: 'COPY_CODE', example: 'SAVE10' },
            ],
          },
        ],
        { messageSendTtlSeconds: 86_400 },
      ),
    );
    expect(fields).toEqual({
      name: 'order_update',
      category: 'MARKETING',
      language: 'en_US',
      components: [
        { type: 'HEADER', format: 'TEXT', text: 'Order {{1}}', example: { header_text: ['#1042'] } },
        {
          type: 'BODY',
          text: 'Hi {{1}}, order {{2}} has shipped.',
          example: { body_text: [['Ana', '#1042']] },
        },
        { type: 'FOOTER', text: 'Reply STOP to opt out' },
        {
          type: 'BUTTONS',
          buttons: [
            { type: 'QUICK_REPLY', text: 'Thanks' },
            {
              type: 'URL',
              text: 'Track',
              url: 'https://shop.example/t/{{1}}',
              example: ['https://shop.example/t/1042'],
            },
            { type: 'URL', text: 'Shop', url: 'https://shop.example' },
            { type: 'PHONE_NUMBER', text: 'Call us', phone_number: '+8613800000000' },
            { type: 'COPY_CODE', example: 'SAVE10' },
          ],
        },
      ],
      message_send_ttl_seconds: 86_400,
    });
  });

  it('sends a media sample as one header_handle string, custom_header_handle_url, or both', () => {
    const header = (example: object) =>
      toNxcloudCreateTemplate(
        marketing([
          { type: 'HEADER', format: 'IMAGE', example },
          { type: 'BODY', text: 'Look' },
        ]),
      ).components[0];
    expect(header({ headerHandle: ['4:Pz8xxxW8'] })).toEqual({
      type: 'HEADER',
      format: 'IMAGE',
      example: { header_handle: '4:Pz8xxxW8' },
    });
    expect(header({ headerUrl: 'https://cdn.example/a.png' })).toEqual({
      type: 'HEADER',
      format: 'IMAGE',
      example: { custom_header_handle_url: 'https://cdn.example/a.png' },
    });
    expect(header({ headerHandle: ['4:Pz8xxxW8'], headerUrl: 'https://cdn.example/a.png' })).toEqual({
      type: 'HEADER',
      format: 'IMAGE',
      example: { header_handle: '4:Pz8xxxW8', custom_header_handle_url: 'https://cdn.example/a.png' },
    });
    // A header without a sample (a LOCATION header) has no `example` at all.
    expect(header({})).toEqual({ type: 'HEADER', format: 'IMAGE' });
  });

  it("sends named parameters with Meta's parameter_format and *_text_named_params", () => {
    const fields = toNxcloudCreateTemplate(
      marketing(
        [
          {
            type: 'HEADER',
            format: 'TEXT',
            text: 'Hello {{first_name}}',
            example: { headerTextNamedParams: [{ paramName: 'first_name', example: 'Ana' }] },
          },
          {
            type: 'BODY',
            text: 'Your order {{order_id}} ships {{day}}.',
            example: {
              bodyTextNamedParams: [
                { paramName: 'order_id', example: '1042' },
                { paramName: 'day', example: 'today' },
              ],
            },
          },
        ],
        { parameterFormat: 'NAMED' },
      ),
    );
    expect(fields.parameter_format).toBe('NAMED');
    expect(fields.components).toEqual([
      {
        type: 'HEADER',
        format: 'TEXT',
        text: 'Hello {{first_name}}',
        example: { header_text_named_params: [{ param_name: 'first_name', example: 'Ana' }] },
      },
      {
        type: 'BODY',
        text: 'Your order {{order_id}} ships {{day}}.',
        example: {
          body_text_named_params: [
            { param_name: 'order_id', example: '1042' },
            { param_name: 'day', example: 'today' },
          ],
        },
      },
    ]);
  });

  it("writes a one-tap button's app fields as the page names them, and Meta's supported_apps as given", () => {
    const button = (otp: object) =>
      toNxcloudCreateTemplate({
        name: 'login_code',
        category: 'AUTHENTICATION',
        language: 'en_US',
        components: [
          { type: 'BODY' },
          { type: 'BUTTONS', buttons: [{ type: 'OTP', otpType: 'ONE_TAP', ...otp } as never] },
        ],
      }).components[1];
    expect(
      button({
        text: 'Copy code',
        autofillText: 'Autofill',
        packageName: 'com.example.app',
        signatureHash: 'K8a/AINcGX7',
      }),
    ).toEqual({
      type: 'BUTTONS',
      buttons: [
        {
          type: 'OTP',
          otp_type: 'ONE_TAP',
          text: 'Copy code',
          autofill_text: 'Autofill',
          package_name: 'com.example.app',
          signature_hash: 'K8a/AINcGX7',
        },
      ],
    });
    expect(
      button({
        supportedApps: [
          { packageName: 'com.example.app', signatureHash: 'K8a/AINcGX7' },
          { packageName: 'com.example.lite', signatureHash: 'Z9b/BJOdHY8' },
        ],
      }),
    ).toEqual({
      type: 'BUTTONS',
      buttons: [
        {
          type: 'OTP',
          otp_type: 'ONE_TAP',
          supported_apps: [
            { package_name: 'com.example.app', signature_hash: 'K8a/AINcGX7' },
            { package_name: 'com.example.lite', signature_hash: 'Z9b/BJOdHY8' },
          ],
        },
      ],
    });
    expect(button({ otpType: 'ZERO_TAP', supportedApps: [{ packageName: 'com.example.app' }] })).toEqual({
      type: 'BUTTONS',
      buttons: [{ type: 'OTP', otp_type: 'ZERO_TAP', supported_apps: [{ package_name: 'com.example.app' }] }],
    });
  });

  it('writes flow buttons by id, name or Flow JSON, with flow_action and navigate_screen', () => {
    const fields = toNxcloudCreateTemplate(
      marketing([
        { type: 'BODY', text: 'Book a visit' },
        {
          type: 'BUTTONS',
          buttons: [
            {
              type: 'FLOW',
              text: 'Book',
              flowId: '3603023670018851',
              flowAction: 'navigate',
              navigateScreen: 'WELCOME',
            },
            { type: 'FLOW', text: 'Survey', flowName: 'survey_v2', flowAction: 'data_exchange' },
            {
              type: 'FLOW',
              text: 'Sign up',
              flowJson: '{"version":"6.0","screens":[]}',
              flowAction: 'navigate',
            },
          ],
        },
      ]),
    );
    expect(fields.components[1]).toEqual({
      type: 'BUTTONS',
      buttons: [
        {
          type: 'FLOW',
          text: 'Book',
          flow_id: '3603023670018851',
          flow_action: 'navigate',
          navigate_screen: 'WELCOME',
        },
        { type: 'FLOW', text: 'Survey', flow_name: 'survey_v2', flow_action: 'data_exchange' },
        {
          type: 'FLOW',
          text: 'Sign up',
          flow_json: '{"version":"6.0","screens":[]}',
          flow_action: 'navigate',
        },
      ],
    });
  });

  it("writes carousel cards, limited-time offers and Meta's catalog, MPM and voice-call buttons", () => {
    const fields = toNxcloudCreateTemplate(
      marketing([
        { type: 'LIMITED_TIME_OFFER', text: 'Ends soon', hasExpiration: true },
        { type: 'BODY', text: 'Two offers for you' },
        {
          type: 'CAROUSEL',
          cards: [1, 2].map((card) => ({
            components: [
              { type: 'HEADER', format: 'IMAGE', example: { headerHandle: [`4:card${card}`] } },
              { type: 'BODY', text: `Card {{1}} of two`, example: { bodyText: [[String(card)]] } },
              { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'More' }] },
            ],
          })),
        },
        {
          type: 'BUTTONS',
          buttons: [
            { type: 'CATALOG', text: 'View catalog' },
            { type: 'MPM', text: 'View items' },
            { type: 'VOICE_CALL', text: 'Call' },
          ],
        },
      ]),
    );
    expect(fields.components).toEqual([
      { type: 'LIMITED_TIME_OFFER', limited_time_offer: { text: 'Ends soon', has_expiration: true } },
      { type: 'BODY', text: 'Two offers for you' },
      {
        type: 'CAROUSEL',
        cards: [1, 2].map((card) => ({
          components: [
            { type: 'HEADER', format: 'IMAGE', example: { header_handle: `4:card${card}` } },
            { type: 'BODY', text: 'Card {{1}} of two', example: { body_text: [[String(card)]] } },
            { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'More' }] },
          ],
        })),
      },
      {
        type: 'BUTTONS',
        buttons: [
          { type: 'CATALOG', text: 'View catalog' },
          { type: 'MPM', text: 'View items' },
          { type: 'VOICE_CALL', text: 'Call' },
        ],
      },
    ]);
  });

  it('copies what it sends: changing the request leaves the draft as it was', () => {
    const draft = marketing([{ type: 'BODY', text: 'Hi {{1}} there', example: { bodyText: [['Ana']] } }]);
    const before = structuredClone(draft);
    const fields = toNxcloudCreateTemplate(draft);
    const sent = fields.components[0] as { example: { body_text: string[][] } };
    (sent.example.body_text[0] as string[]).push('x');
    expect(draft).toEqual(before);
  });

  it('leaves out ctaUrlLinkTrackingOptedOut: false, which is what Meta assumes without it', () => {
    const fields = toNxcloudCreateTemplate(
      marketing([{ type: 'BODY', text: 'Hi' }], { ctaUrlLinkTrackingOptedOut: false }),
    );
    expect(Object.keys(fields)).toEqual(['name', 'category', 'language', 'components']);
  });
});

describe('toNxcloudCreateTemplate refuses what NXCloud cannot carry, naming the field', () => {
  const body: TemplateDraftComponent = { type: 'BODY', text: 'Hi' };
  it.each<[string, TemplateDraft]>([
    ['components[1].type', marketing([body, { type: 'UNKNOWN', rawType: 'CALL_PERMISSION_REQUEST' }])],
    [
      'components[1].buttons[1].type',
      marketing([
        body,
        {
          type: 'BUTTONS',
          buttons: [
            { type: 'QUICK_REPLY', text: 'Yes' },
            { type: 'UNKNOWN', rawType: 'APP', text: 'Open' },
          ],
        },
      ]),
    ],
    ['category', { ...marketing([body]), category: 'UNKNOWN' }],
    ['components[0].format', marketing([{ type: 'HEADER', format: 'UNKNOWN' }, body])],
    [
      'components[1].buttons[0].otpType',
      {
        ...marketing([{ type: 'BODY' }, { type: 'BUTTONS', buttons: [{ type: 'OTP', otpType: 'UNKNOWN' }] }]),
        category: 'AUTHENTICATION',
      },
    ],
    [
      'components[1].buttons[0].flowAction',
      marketing([
        body,
        { type: 'BUTTONS', buttons: [{ type: 'FLOW', text: 'Go', flowId: '1', flowAction: 'UNKNOWN' }] },
      ]),
    ],
    ['parameterFormat', marketing([body], { parameterFormat: 'UNKNOWN' })],
    [
      'components[0].example.headerHandle',
      marketing([{ type: 'HEADER', format: 'IMAGE', example: { headerHandle: ['4:a', '4:b'] } }, body]),
    ],
    [
      'components[0].cards[1].components[0].type',
      marketing([
        {
          type: 'CAROUSEL',
          cards: [{ components: [body] }, { components: [{ type: 'UNKNOWN', rawType: 'PRODUCT_CARD' }] }],
        },
        body,
      ]),
    ],
    ['subCategory', marketing([body], { subCategory: 'ORDER_DETAILS' })],
    ['libraryTemplateName', marketing([body], { libraryTemplateName: 'delivery_update_1' })],
    ['ctaUrlLinkTrackingOptedOut', marketing([body], { ctaUrlLinkTrackingOptedOut: true })],
  ])('%s', (field, draft) => {
    const error = refusal(draft);
    expect(error.field).toBe(field);
    expect(error.message).toContain(`\`${field}\``);
    expect(error.outcome).toBe('not-sent');
    expect(error.provider).toBe('nxcloud');
  });

  it('refuses a language that is not a WhatsApp code as an InvalidRequestError on `language`', () => {
    let thrown: unknown;
    try {
      toNxcloudCreateTemplate({ ...marketing([body]), language: 'English' });
    } catch (error) {
      thrown = error;
    }
    expect(InvalidRequestError.isInstance(thrown)).toBe(true);
    expect(thrown).toMatchObject({ field: 'language', outcome: 'not-sent' });
  });
});

describe('toNxcloudUpdateTemplate: the updateTemplate page', () => {
  it('sends template_id, category and components, with no name or language', () => {
    const fields = toNxcloudUpdateTemplate({
      id: '900120120755',
      name: 'order_update',
      language: 'en_US',
      category: 'UTILITY',
      components: [{ type: 'BODY', text: 'Hi {{1}} there', example: { bodyText: [['Ana']] } }],
      messageSendTtlSeconds: 3600,
    });
    expect(fields).toEqual({
      template_id: '900120120755',
      category: 'UTILITY',
      components: [{ type: 'BODY', text: 'Hi {{1}} there', example: { body_text: [['Ana']] } }],
      message_send_ttl_seconds: 3600,
    });
  });

  it('refuses an unknown component by its path', () => {
    expect(() =>
      toNxcloudUpdateTemplate({
        id: '1',
        name: 'a',
        language: 'en_US',
        category: 'UTILITY',
        components: [{ type: 'UNKNOWN', rawType: 'X' }],
      }),
    ).toThrow(expect.objectContaining({ code: 'UNSUPPORTED', field: 'components[0].type' }));
  });
});

/*
 * The write mapping is the inverse of the read mapping: a draft written to NXCloud's wire, read
 * back as getTemplate would return it, and turned into a draft again is the same draft. Drafts
 * here hold every feature the wire carries both ways; they need not pass WhatsApp's rules (the
 * emulator test checks valid ones end to end). Left out, since reading does not give them back as
 * they were written: upload handles (`toTemplateDraft` drops them), flow buttons by name or JSON
 * (a template read back names its flow by id), an OTP app repeated in the single-app fields, and
 * an authentication template's body and footer texts (WhatsApp writes them).
 */
describe('written to the wire and read back, a draft is unchanged', () => {
  const text = fc.stringMatching(/^[A-Za-z0-9 ]{1,20}$/);
  const samples = fc.array(text, { minLength: 1, maxLength: 3 });
  const named = fc.array(
    fc.record({ paramName: fc.stringMatching(/^[a-z][a-z0-9_]{0,9}$/), example: text }),
    { minLength: 1, maxLength: 3 },
  );
  const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
  const strip = <T extends object>(value: T): T =>
    Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;

  const header: fc.Arbitrary<TemplateDraftComponent> = fc.oneof(
    fc
      .record({
        text: optional(text),
        headerText: optional(fc.array(text, { minLength: 1, maxLength: 1 })),
        headerTextNamedParams: optional(named),
      })
      .map(({ text: headerTextValue, headerText, headerTextNamedParams }) => {
        const example = strip({ headerText, headerTextNamedParams });
        return strip({
          type: 'HEADER' as const,
          format: 'TEXT' as const,
          text: headerTextValue,
          example: Object.keys(example).length > 0 ? example : undefined,
        });
      }),
    fc
      .record({
        format: fc.constantFrom('IMAGE', 'VIDEO', 'DOCUMENT', 'LOCATION', 'GIF', 'PRODUCT' as const),
        url: optional(fc.webUrl({ validSchemes: ['https'] })),
      })
      .map(({ format, url }) =>
        strip({
          type: 'HEADER' as const,
          format,
          example: url === undefined ? undefined : { headerUrl: url },
        }),
      ),
  );
  const bodyComponent: fc.Arbitrary<TemplateDraftComponent> = fc
    .record({
      text: optional(text),
      bodyText: optional(fc.array(samples, { minLength: 1, maxLength: 2 })),
      named: optional(named),
    })
    .map(({ text: bodyTextValue, bodyText, named: bodyTextNamedParams }) => {
      const example = strip({ bodyText, bodyTextNamedParams });
      return strip({
        type: 'BODY' as const,
        text: bodyTextValue,
        example: Object.keys(example).length > 0 ? example : undefined,
      });
    });
  const footer: fc.Arbitrary<TemplateDraftComponent> = text.map((footerText) => ({
    type: 'FOOTER',
    text: footerText,
  }));
  const app = fc.record({
    packageName: fc.stringMatching(/^com\.[a-z]{1,8}$/),
    signatureHash: fc.stringMatching(/^[A-Za-z0-9]{11}$/),
  });
  const button = fc.oneof(
    text.map((buttonText) => ({ type: 'QUICK_REPLY' as const, text: buttonText })),
    fc
      .record({
        text,
        url: fc.webUrl(),
        example: optional(fc.array(fc.webUrl(), { minLength: 1, maxLength: 1 })),
      })
      .map((fields) => strip({ type: 'URL' as const, ...fields })),
    fc.record({ text, phoneNumber: fc.stringMatching(/^\+[1-9][0-9]{6,14}$/) }).map((fields) => ({
      type: 'PHONE_NUMBER' as const,
      ...fields,
    })),
    fc
      .record({ text: optional(text), example: optional(text) })
      .map((fields) => strip({ type: 'COPY_CODE' as const, ...fields })),
    fc
      .record({
        text: optional(text),
        otpType: fc.constantFrom('COPY_CODE', 'ONE_TAP', 'ZERO_TAP' as const),
        autofillText: optional(text),
        single: optional(app),
        supportedApps: optional(fc.array(app, { minLength: 1, maxLength: 5 })),
      })
      .filter(
        ({ single, supportedApps }) =>
          single === undefined ||
          supportedApps === undefined ||
          single.packageName !== supportedApps[0]?.packageName ||
          single.signatureHash !== supportedApps[0]?.signatureHash,
      )
      .map(({ single, ...fields }) => strip({ type: 'OTP' as const, ...fields, ...single })),
    fc
      .record({
        text,
        flowId: fc.stringMatching(/^[1-9][0-9]{5,15}$/),
        flowAction: fc.constantFrom('navigate', 'data_exchange' as const),
        navigateScreen: optional(fc.stringMatching(/^[A-Z_]{1,10}$/)),
      })
      .map((fields) => strip({ type: 'FLOW' as const, ...fields })),
    fc
      .record({ type: fc.constantFrom('CATALOG', 'MPM', 'VOICE_CALL' as const), text: optional(text) })
      .map((fields) => strip(fields)),
  );
  const buttons: fc.Arbitrary<TemplateDraftComponent> = fc
    .array(button, { minLength: 1, maxLength: 4 })
    .map((list) => ({ type: 'BUTTONS', buttons: list }));
  const offer: fc.Arbitrary<TemplateDraftComponent> = fc
    .record({ text: optional(text), hasExpiration: optional(fc.boolean()) })
    .map((fields) => strip({ type: 'LIMITED_TIME_OFFER' as const, ...fields }));
  const carousel: fc.Arbitrary<TemplateDraftComponent> = fc
    .array(
      fc.tuple(header, bodyComponent, optional(buttons)).map((parts) => ({
        components: parts.filter((part): part is TemplateDraftComponent => part !== undefined),
      })),
      { minLength: 1, maxLength: 3 },
    )
    .map((cards) => ({ type: 'CAROUSEL', cards }));
  const draft: fc.Arbitrary<TemplateDraft> = fc
    .record({
      name: fc.stringMatching(/^[a-z0-9_]{1,20}$/),
      language: fc.constantFrom('en_US', 'zh_CN', 'pt_BR', 'fil', 'es'),
      category: fc.constantFrom('MARKETING', 'UTILITY' as const),
      parameterFormat: optional(fc.constantFrom('POSITIONAL', 'NAMED' as const)),
      messageSendTtlSeconds: optional(fc.integer({ min: -1, max: 2_592_000 })),
      components: fc
        .tuple(
          optional(offer),
          optional(header),
          bodyComponent,
          optional(footer),
          optional(carousel),
          optional(buttons),
        )
        .map((parts) => parts.filter((part): part is TemplateDraftComponent => part !== undefined)),
    })
    .map(strip);

  it('for every draft the wire carries both ways (200 runs)', () => {
    fc.assert(
      fc.property(draft, (original) => {
        const fields = toNxcloudCreateTemplate(original);
        // What getTemplate returns for the template: the fields sent, plus what NXCloud assigns.
        const listed = JSON.parse(JSON.stringify({ ...fields, id: '900120120755', status: 'PENDING' }));
        const template = templateFromWire(decode(nxcloudTemplateWireSchema, listed), listed);
        // A template that declares no format but has named samples reads as NAMED (Meta's meaning).
        const named = JSON.stringify(original).includes('NamedParams');
        expect(toTemplateDraft(template)).toEqual({
          ...original,
          parameterFormat: original.parameterFormat ?? (named ? 'NAMED' : undefined),
        });
      }),
      { numRuns: 200 },
    );
  });
});
