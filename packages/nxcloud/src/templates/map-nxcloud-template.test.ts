import {
  ResponseFormatError,
  TEMPLATE_RULE_CODES,
  TemplateSchema,
  toTemplateDraft,
  validateTemplateDraft,
} from '@whatsapp-bsp/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  TEMPLATE_WITH_QUIRKS,
  templateItem,
  templateListData,
} from '../__fixtures__/nxcloud-built-payloads.js';
import {
  NAMED_PARAMETER_TEMPLATE,
  RECLASSIFIED_TEMPLATE,
  ZERO_TAP_TEMPLATE,
} from '../__fixtures__/nxcloud-meta-fields.js';
import { decode } from '../__fixtures__/nxcloud-test-support.js';
import { GET_TEMPLATE_EXAMPLE } from '../__fixtures__/nxcloud-vendor-examples.js';
import { nxcloudCapabilities } from '../nxcloud-capabilities.js';
import { mapNxcloudTemplate } from '../nxcloud-payloads.js';
import { templatePageFromWire } from './map-nxcloud-template.js';
import { nxcloudTemplateListWireSchema, nxcloudTemplateWireSchema } from './nxcloud-template-wire.js';

/** getTemplate's `data`, decoded and mapped as templates.doList does. */
const templatePage = (data: unknown) => templatePageFromWire(decode(nxcloudTemplateListWireSchema, data));

const exampleData = (JSON.parse(GET_TEMPLATE_EXAMPLE) as { data: { data: unknown[] } }).data;

describe('mapNxcloudTemplate', () => {
  it("maps the vendor's getTemplate example to the normalized Template", () => {
    const page = templatePage(exampleData);
    expect(page.nextCursor).toBe('MTkZD');
    expect(page.items).toHaveLength(1);
    const template = page.items[0]!;
    expect(template).toEqual({
      provider: 'nxcloud',
      raw: exampleData.data[0],
      id: '15xxxx67',
      name: 'normal_text3',
      language: 'en_US',
      category: 'AUTHENTICATION',
      status: 'REJECTED',
      rejectedReason: 'INVALID_FORMAT',
      qualityScore: 'UNKNOWN',
      components: [
        { type: 'HEADER', format: 'TEXT', text: 'ni{{1}}hao', example: { headerText: ['AA'] } },
        { type: 'BODY', text: 'hello{{1}}world{{2}}hahah', example: { bodyText: [['BB', 'CC']] } },
        { type: 'FOOTER', text: 'I am footer' },
        {
          type: 'BUTTONS',
          buttons: [
            { type: 'QUICK_REPLY', text: 'I am QR1' },
            { type: 'QUICK_REPLY', text: 'I am QR2' },
          ],
        },
      ],
    });
    expect(TemplateSchema.parse(template)).toEqual(template);
    // The legacy category stays visible in raw.
    expect((template.raw as { category: string }).category).toBe('OTP');
  });

  it('absorbs every documented component and button quirk', () => {
    const template = mapNxcloudTemplate(TEMPLATE_WITH_QUIRKS);
    expect(template).toEqual({
      provider: 'nxcloud',
      raw: TEMPLATE_WITH_QUIRKS,
      id: '900120755',
      name: 'login_code',
      language: 'zh_CN',
      category: 'AUTHENTICATION',
      status: 'APPROVED',
      rejectedReason: 'NONE',
      qualityScore: 'YELLOW',
      messageSendTtlSeconds: 600,
      components: [
        // header_text as a bare string
        { type: 'HEADER', format: 'TEXT', text: 'Code {{1}}', example: { headerText: ['AA'] } },
        {
          type: 'HEADER',
          format: 'IMAGE',
          mediaUrl: 'https://cdn.example.com/h.png',
          example: { headerHandle: ['https://scontent.whatsapp.net/h.png'] },
        },
        // body_text as a flat string[]
        {
          type: 'BODY',
          text: 'Your code {{1}} {{2}}',
          example: { bodyText: [['BB', 'CC']] },
          addSecurityRecommendation: true,
        },
        { type: 'FOOTER', codeExpirationMinutes: 5 },
        {
          type: 'BUTTONS',
          buttons: [
            {
              type: 'OTP',
              text: 'Autofill',
              otpType: 'ONE_TAP',
              autofillText: 'Autofill',
              packageName: 'com.example.app',
              signatureHash: 'K8a/AINcGX7',
            },
            {
              type: 'OTP',
              otpType: 'ZERO_TAP',
              packageName: 'com.example.two',
              signatureHash: 'Z9b/HASH',
              supportedApps: [{ packageName: 'com.example.two', signatureHash: 'Z9b/HASH' }],
            },
            { type: 'COPY_CODE', example: 'SAVE20' },
            {
              type: 'FLOW',
              text: 'Open form',
              flowId: '1168300431915404',
              flowAction: 'navigate',
              navigateScreen: 'WELCOME',
            },
            { type: 'FLOW', text: 'Exchange', flowId: '1743798696088965', flowAction: 'data_exchange' },
            { type: 'UNKNOWN', rawType: 'FLOW', text: 'By name only' },
            {
              type: 'URL',
              text: 'Track',
              url: 'https://example.com/t/{{1}}',
              example: ['https://example.com/t/42'],
            },
            { type: 'PHONE_NUMBER', text: 'Call', phoneNumber: '+8613800000000' },
            { type: 'CATALOG', text: 'View catalog' },
            { type: 'UNKNOWN', rawType: 'SPM', text: 'View product' },
          ],
        },
        { type: 'LIMITED_TIME_OFFER', text: 'Ends soon', hasExpiration: true },
        {
          type: 'CAROUSEL',
          cards: [
            {
              components: [
                { type: 'HEADER', format: 'VIDEO' },
                { type: 'BODY', text: 'Card 1' },
              ],
            },
          ],
        },
        { type: 'UNKNOWN', rawType: 'CALL_PERMISSION_REQUEST' },
      ],
    });
    expect(TemplateSchema.safeParse(template).success).toBe(true);
  });

  it('maps a NAMED template: its format and its named samples, header and body', () => {
    const template = mapNxcloudTemplate(NAMED_PARAMETER_TEMPLATE);
    expect(template.parameterFormat).toBe('NAMED');
    expect(template.components).toEqual([
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
    expect(TemplateSchema.parse(template)).toEqual(template);
  });

  it('reads a template as NAMED from its variables when parameter_format is absent', () => {
    const { parameter_format: _format, ...withoutFormat } = NAMED_PARAMETER_TEMPLATE;
    expect(mapNxcloudTemplate(withoutFormat).parameterFormat).toBe('NAMED');
    // Positional variables alone say nothing: absent means POSITIONAL, Meta's default.
    expect(mapNxcloudTemplate(templateItem('1'))).not.toHaveProperty('parameterFormat');
  });

  it.each([
    ['POSITIONAL', 'POSITIONAL'],
    ['named', 'NAMED'],
    ['MIXED', 'UNKNOWN'],
  ])('maps parameter_format %s to %s', (raw, parameterFormat) => {
    expect(mapNxcloudTemplate({ ...templateItem('1'), parameter_format: raw }).parameterFormat).toBe(
      parameterFormat,
    );
  });

  it('keeps every app of a zero-tap button, in order', () => {
    const template = mapNxcloudTemplate(ZERO_TAP_TEMPLATE);
    expect(template.components[2]).toEqual({
      type: 'BUTTONS',
      buttons: [
        {
          type: 'OTP',
          otpType: 'ZERO_TAP',
          text: 'Autofill',
          // Readers of the single-app fields still find the first app.
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

  it('keeps five apps, keeps the single-app fields when both forms are sent, and drops empty entries', () => {
    const apps = Array.from({ length: 5 }, (_, index) => ({
      package_name: `com.example.app${index}`,
      signature_hash: `HASH0000${index}AB`,
    }));
    const template = mapNxcloudTemplate({
      ...templateItem('1'),
      components: [
        {
          type: 'BUTTONS',
          buttons: [
            {
              type: 'OTP',
              otp_type: 'ONE_TAP',
              package_name: 'com.example.legacy',
              signature_hash: 'LEGACYHASH1',
              supported_apps: [...apps, {}, { package_name: null, signature_hash: null }],
            },
          ],
        },
      ],
    });
    expect(template.components[0]).toEqual({
      type: 'BUTTONS',
      buttons: [
        {
          type: 'OTP',
          otpType: 'ONE_TAP',
          packageName: 'com.example.legacy',
          signatureHash: 'LEGACYHASH1',
          supportedApps: apps.map((app) => ({
            packageName: app.package_name,
            signatureHash: app.signature_hash,
          })),
        },
      ],
    });
  });

  it("maps Meta's reclassification, library and link-tracking fields and the quality score's date", () => {
    const template = mapNxcloudTemplate(RECLASSIFIED_TEMPLATE);
    expect(template).toMatchObject({
      category: 'MARKETING',
      subCategory: 'ORDER_STATUS',
      previousCategory: 'UTILITY',
      correctCategory: 'MARKETING',
      libraryTemplateName: 'appointment_reminder_1',
      ctaUrlLinkTrackingOptedOut: true,
      qualityScore: 'GREEN',
      qualityScoreDate: new Date(1717000000 * 1000),
    });
    expect(TemplateSchema.parse(template)).toEqual(template);
  });

  it('maps legacy and unknown reclassification categories as the category itself is mapped', () => {
    const template = mapNxcloudTemplate({
      ...RECLASSIFIED_TEMPLATE,
      previous_category: 'ACCOUNT_UPDATE',
      correct_category: 'PROMOTIONAL_PLUS',
    });
    expect(template).toMatchObject({ previousCategory: 'UTILITY', correctCategory: 'UNKNOWN' });
  });

  it('refuses a quality score date no Date can hold', () => {
    expect(() =>
      mapNxcloudTemplate({ ...RECLASSIFIED_TEMPLATE, quality_score: { score: 'GREEN', date: 9e12 } }),
    ).toThrow(ResponseFormatError);
  });

  it('maps unknown enum values to UNKNOWN and legacy categories to their successors', () => {
    const template = mapNxcloudTemplate({
      ...templateItem('1'),
      category: 'TRANSACTIONAL',
      status: 'SUSPENDED_FOREVER',
      rejected_reason: 'TOO_FUNNY',
      quality_score: { score: 'PURPLE' },
      components: [{ type: 'HEADER', format: 'HOLOGRAM' }],
    });
    expect(template.category).toBe('UTILITY');
    expect(template.status).toBe('UNKNOWN');
    expect(template.rejectedReason).toBe('UNKNOWN');
    expect(template.qualityScore).toBe('UNKNOWN');
    expect(template.components).toEqual([{ type: 'HEADER', format: 'UNKNOWN' }]);
  });

  it('keeps an empty body example empty rather than inventing a row', () => {
    const template = mapNxcloudTemplate({
      ...templateItem('1'),
      components: [{ type: 'BODY', text: 'x', example: { body_text: [] } }],
    });
    expect(template.components).toEqual([{ type: 'BODY', text: 'x', example: { bodyText: [] } }]);
  });

  it.each([
    ['no name', { id: '1', language: 'en' }],
    ['no language', { id: '1', name: 'n' }],
    ['an id that lost digits as a JSON number', { id: 2 ** 60, name: 'n', language: 'en' }],
    ['components not a list', { ...templateItem('1'), components: {} }],
    ['a component without a type', { ...templateItem('1'), components: [{ text: 'x' }] }],
    [
      'body_text of numbers',
      { ...templateItem('1'), components: [{ type: 'BODY', example: { body_text: [[1]] } }] },
    ],
  ])('refuses a template with %s', (_name, value) => {
    expect(() => mapNxcloudTemplate(value)).toThrow(ResponseFormatError);
  });
});

describe('templatePageFromWire', () => {
  it('stops paging when `next` is absent, even though `after` is still set', () => {
    const page = templatePage(templateListData([templateItem('1')], 'MTkZD', false));
    expect(page.items.map((item) => item.id)).toEqual(['1']);
    expect(page).not.toHaveProperty('nextCursor');
  });
});

describe('template mapping properties', () => {
  const text = fc.string();
  const nullable = <T>(arbitrary: fc.Arbitrary<T>) =>
    fc.oneof(arbitrary, fc.constant(null), fc.constant(undefined));
  const stringOrStrings = fc.oneof(text, fc.array(text));
  const namedParam = fc.record({ param_name: text, example: text });
  const category = fc.oneof(fc.constantFrom('MARKETING', 'OTP', 'ACCOUNT_UPDATE', 'utility'), text);
  const button = fc.record(
    {
      type: fc.oneof(
        fc.constantFrom(
          'QUICK_REPLY',
          'URL',
          'PHONE_NUMBER',
          'COPY_CODE',
          'OTP',
          'FLOW',
          'CATALOG',
          'MPM',
          'VOICE_CALL',
        ),
        fc.constantFrom('quick_reply', 'flow'),
        text,
      ),
      text: nullable(text),
      url: nullable(text),
      phone_number: nullable(text),
      example: nullable(stringOrStrings),
      otp_type: nullable(fc.oneof(fc.constantFrom('ONE_TAP', 'COPY_CODE', 'zero_tap'), text)),
      autofill_text: nullable(text),
      package_name: nullable(text),
      supported_apps: nullable(
        fc.array(
          fc.record({ package_name: nullable(text), signature_hash: nullable(text) }, { requiredKeys: [] }),
          { maxLength: 6 },
        ),
      ),
      flow_id: nullable(fc.oneof(fc.stringMatching(/^\d{1,16}$/), fc.nat())),
      flow_action: nullable(fc.oneof(fc.constantFrom('navigate', 'DATA_EXCHANGE'), text)),
      navigate_screen: nullable(text),
    },
    { requiredKeys: ['type'] },
  );
  const leafComponent = fc.record(
    {
      type: fc.oneof(
        fc.constantFrom('HEADER', 'BODY', 'FOOTER', 'BUTTONS', 'LIMITED_TIME_OFFER', 'header', 'CAROUSEL'),
        text,
      ),
      format: nullable(fc.oneof(fc.constantFrom('TEXT', 'IMAGE', 'video'), text)),
      text: nullable(text),
      example: nullable(
        fc.record(
          {
            header_text: nullable(stringOrStrings),
            header_handle: nullable(stringOrStrings),
            custom_header_handle_url: nullable(text),
            body_text: nullable(fc.oneof(fc.array(fc.array(text)), fc.array(text))),
            header_text_named_params: nullable(fc.array(namedParam, { maxLength: 2 })),
            body_text_named_params: nullable(fc.array(namedParam, { maxLength: 3 })),
          },
          { requiredKeys: [] },
        ),
      ),
      add_security_recommendation: nullable(fc.boolean()),
      code_expiration_minutes: nullable(fc.oneof(fc.integer({ min: 1, max: 90 }), fc.constant('10'))),
      buttons: nullable(fc.array(button, { maxLength: 4 })),
      limited_time_offer: nullable(
        fc.record({ text: nullable(text), has_expiration: nullable(fc.boolean()) }, { requiredKeys: [] }),
      ),
    },
    { requiredKeys: ['type'] },
  );
  const component = fc.oneof(
    leafComponent,
    fc.record({
      type: fc.constant('CAROUSEL'),
      cards: fc.array(fc.record({ components: nullable(fc.array(leafComponent, { maxLength: 3 })) }), {
        maxLength: 3,
      }),
    }),
  );
  const wireTemplate = fc.record(
    {
      id: fc.oneof(fc.string({ minLength: 1 }), fc.nat()),
      name: fc.string({ minLength: 1 }),
      language: fc.string({ minLength: 1 }),
      category: nullable(category),
      status: nullable(fc.oneof(fc.constantFrom('APPROVED', 'REJECTED', 'paused'), text)),
      rejected_reason: nullable(fc.oneof(fc.constantFrom('NONE', 'SCAM'), text)),
      quality_score: nullable(
        fc.oneof(
          fc.record(
            { score: nullable(text), date: nullable(fc.oneof(fc.nat(), fc.nat().map(String))) },
            { requiredKeys: [] },
          ),
          text,
        ),
      ),
      message_send_ttl_seconds: nullable(fc.oneof(fc.nat(), fc.nat().map(String))),
      components: nullable(fc.array(component, { maxLength: 6 })),
      parameter_format: nullable(fc.oneof(fc.constantFrom('NAMED', 'POSITIONAL'), text)),
      sub_category: nullable(text),
      previous_category: nullable(category),
      correct_category: nullable(category),
      library_template_name: nullable(text),
      cta_url_link_tracking_opted_out: nullable(fc.boolean()),
      extra: fc.jsonValue(),
    },
    { requiredKeys: ['id', 'name', 'language'] },
  );

  it('maps every wire template the schema admits to a Template that core accepts', () => {
    fc.assert(
      fc.property(wireTemplate, (value) => {
        expect(nxcloudTemplateWireSchema.safeParse(value).success).toBe(true);
        const template = mapNxcloudTemplate(value);
        const checked = TemplateSchema.safeParse(template);
        expect(checked.success, JSON.stringify(checked.error?.issues)).toBe(true);
        expect(template.raw).toBe(value);
      }),
    );
  });

  it('makes a draft of every mapped template that validation answers with issues, never an exception', () => {
    fc.assert(
      fc.property(wireTemplate, (value) => {
        const draft = toTemplateDraft(mapNxcloudTemplate(value));
        for (const provider of [undefined, { id: 'nxcloud', capabilities: nxcloudCapabilities }]) {
          const issues = validateTemplateDraft(draft, { provider });
          for (const issue of issues) expect(Object.hasOwn(TEMPLATE_RULE_CODES, issue.code)).toBe(true);
          // The draft is always a draft: only the rules find fault with it, never its shape.
          expect(issues.filter((issue) => issue.code === 'INVALID_DRAFT')).toEqual([]);
        }
      }),
    );
  });

  it('turns any JSON value into Templates or a ResponseFormatError, never another error', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        for (const map of [
          () => TemplateSchema.parse(mapNxcloudTemplate(value)),
          () => templatePage(value),
        ]) {
          try {
            map();
          } catch (error) {
            expect(ResponseFormatError.isInstance(error), String(error)).toBe(true);
          }
        }
      }),
    );
  });
});
