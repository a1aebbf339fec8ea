import { describe, expect, it } from 'vitest';
import {
  CONTRACT_NAMED_PARAMETER_TEMPLATE,
  CONTRACT_ZERO_TAP_TEMPLATE,
} from '../../testing/contract-payloads.js';
import {
  CAMS_SHAPED,
  NXCLOUD_SHAPED,
} from '../../validation/template-draft/__fixtures__/vendor-providers.js';
import { validateTemplateDraft } from '../../validation/template-draft/validate-template-draft.js';
import type { Template } from '../template.js';
import { TemplateDraftSchema } from './template-draft.js';
import { toTemplateDraft } from './to-template-draft.js';

/** A template as an adapter reads it: what the vendor assigned, and the vendor's object in `raw`. */
function readTemplate(fields: Partial<Template>): Template {
  return {
    provider: 'nxcloud',
    raw: { vendor: 'object' },
    id: '1021457810344961',
    name: 'order_update',
    language: 'en_US',
    category: 'UTILITY',
    status: 'APPROVED',
    rejectedReason: 'NONE',
    qualityScore: 'GREEN',
    qualityScoreDate: new Date(1717000000000),
    updatedAt: new Date(1717000000000),
    previousCategory: 'MARKETING',
    correctCategory: 'UTILITY',
    components: [],
    ...fields,
  };
}

describe('toTemplateDraft', () => {
  it('keeps what is written and drops what the vendor assigned', () => {
    const template = readTemplate({
      parameterFormat: 'POSITIONAL',
      messageSendTtlSeconds: 3600,
      subCategory: 'ORDER_STATUS',
      libraryTemplateName: 'order_update_1',
      ctaUrlLinkTrackingOptedOut: true,
      components: [
        { type: 'BODY', text: 'Hi {{1}}, order {{2}} shipped.', example: { bodyText: [['Ana', '#1']] } },
      ],
    });
    expect(toTemplateDraft(template)).toEqual({
      name: 'order_update',
      language: 'en_US',
      category: 'UTILITY',
      parameterFormat: 'POSITIONAL',
      messageSendTtlSeconds: 3600,
      subCategory: 'ORDER_STATUS',
      libraryTemplateName: 'order_update_1',
      ctaUrlLinkTrackingOptedOut: true,
      components: [
        { type: 'BODY', text: 'Hi {{1}}, order {{2}} shipped.', example: { bodyText: [['Ana', '#1']] } },
      ],
    });
  });

  it("turns a media header's link into its sample and drops upload handles, which only their vendor accepts", () => {
    const header = (fields: object) =>
      toTemplateDraft(readTemplate({ components: [{ type: 'HEADER', format: 'IMAGE', ...fields }] }))
        .components[0];
    // NXCloud: custom_header_handle_url, with Meta's link to its copy in header_handle.
    expect(
      header({
        mediaUrl: 'https://cdn.example/h.png',
        example: { headerHandle: ['https://scontent.whatsapp.net/h.png'] },
      }),
    ).toEqual({ type: 'HEADER', format: 'IMAGE', example: { headerUrl: 'https://cdn.example/h.png' } });
    // Meta's link alone.
    expect(
      header({ example: { headerHandle: ['4:aGFuZGxl', 'https://scontent.whatsapp.net/h.png'] } }),
    ).toEqual({
      type: 'HEADER',
      format: 'IMAGE',
      example: { headerUrl: 'https://scontent.whatsapp.net/h.png' },
    });
    // An upload handle alone: no sample is left, which validation reports.
    expect(header({ example: { headerHandle: ['4:aGFuZGxl'] } })).toEqual({
      type: 'HEADER',
      format: 'IMAGE',
    });
  });

  it('keeps the samples of a NAMED header and body', () => {
    const template = readTemplate({
      parameterFormat: 'NAMED',
      components: [
        {
          type: 'HEADER',
          format: 'TEXT',
          text: 'For {{first_name}}',
          example: { headerTextNamedParams: [{ paramName: 'first_name', example: 'Maria' }] },
        },
        {
          type: 'BODY',
          text: 'Hi {{first_name}}, see you.',
          example: { bodyTextNamedParams: [{ paramName: 'first_name', example: 'Maria' }] },
        },
      ],
    });
    const draft = toTemplateDraft(template);
    expect(draft.components).toEqual(template.components);
    expect(validateTemplateDraft(draft, { provider: CAMS_SHAPED })).toEqual([]);
  });

  it("drops an AUTHENTICATION template's generated texts and the single-app fields that repeat its first app", () => {
    const template = readTemplate({
      category: 'AUTHENTICATION',
      components: [
        { type: 'BODY', text: '*{{1}}* is your verification code.', addSecurityRecommendation: true },
        { type: 'FOOTER', text: 'This code expires in 5 minutes.', codeExpirationMinutes: 5 },
        {
          type: 'BUTTONS',
          buttons: [
            {
              type: 'OTP',
              otpType: 'ZERO_TAP',
              text: 'Autofill',
              autofillText: 'Autofill',
              packageName: 'com.example.shop',
              signatureHash: 'AAAAAAAAAAA',
              supportedApps: [
                { packageName: 'com.example.shop', signatureHash: 'AAAAAAAAAAA' },
                { packageName: 'com.example.shop.debug', signatureHash: 'BBBBBBBBBBB' },
              ],
            },
          ],
        },
      ],
    });
    const draft = toTemplateDraft(template);
    expect(draft.components).toEqual([
      { type: 'BODY', addSecurityRecommendation: true },
      { type: 'FOOTER', codeExpirationMinutes: 5 },
      {
        type: 'BUTTONS',
        buttons: [
          {
            type: 'OTP',
            otpType: 'ZERO_TAP',
            text: 'Autofill',
            autofillText: 'Autofill',
            supportedApps: [
              { packageName: 'com.example.shop', signatureHash: 'AAAAAAAAAAA' },
              { packageName: 'com.example.shop.debug', signatureHash: 'BBBBBBBBBBB' },
            ],
          },
        ],
      },
    ]);
    expect(validateTemplateDraft(draft, { provider: CAMS_SHAPED })).toEqual([
      expect.objectContaining({ code: 'VENDOR_UNDOCUMENTED', path: 'components[2].buttons[0].otpType' }),
    ]);
  });

  it('keeps single-app fields of their own beside the list', () => {
    const button = {
      type: 'OTP' as const,
      otpType: 'ONE_TAP' as const,
      packageName: 'com.example.legacy',
      signatureHash: 'LEGACYHASH1',
      supportedApps: [{ packageName: 'com.example.shop', signatureHash: 'AAAAAAAAAAA' }],
    };
    const draft = toTemplateDraft(
      readTemplate({ category: 'AUTHENTICATION', components: [{ type: 'BUTTONS', buttons: [button] }] }),
    );
    expect(draft.components[0]).toEqual({ type: 'BUTTONS', buttons: [button] });
  });

  it('maps carousel cards and keeps what the model does not know, for validation to report', () => {
    const template = readTemplate({
      category: 'MARKETING',
      components: [
        { type: 'BODY', text: 'Spring picks for you.' },
        {
          type: 'CAROUSEL',
          cards: [
            { components: [{ type: 'HEADER', format: 'IMAGE', mediaUrl: 'https://cdn.example/1.png' }] },
            { components: [{ type: 'HEADER', format: 'IMAGE', mediaUrl: 'https://cdn.example/2.png' }] },
          ],
        },
        { type: 'UNKNOWN', rawType: 'CALL_PERMISSION_REQUEST' },
      ],
    });
    const draft = toTemplateDraft(template);
    expect(draft.components[1]).toEqual({
      type: 'CAROUSEL',
      cards: [
        {
          components: [
            { type: 'HEADER', format: 'IMAGE', example: { headerUrl: 'https://cdn.example/1.png' } },
          ],
        },
        {
          components: [
            { type: 'HEADER', format: 'IMAGE', example: { headerUrl: 'https://cdn.example/2.png' } },
          ],
        },
      ],
    });
    expect(validateTemplateDraft(draft).map((issue) => issue.code)).toEqual(['COMPONENT_UNKNOWN']);
  });

  it('returns a draft of the schema, sharing nothing with the template', () => {
    const template = readTemplate({
      components: [
        { type: 'BODY', text: 'Hi {{1}}, see you.', example: { bodyText: [['Ana']] } },
        {
          type: 'BUTTONS',
          buttons: [{ type: 'URL', text: 'Go', url: 'https://x.example/{{1}}', example: ['a'] }],
        },
      ],
    });
    const before = structuredClone(template);
    const draft = toTemplateDraft(template);
    expect(TemplateDraftSchema.parse(draft)).toEqual(draft);
    (draft.components[0] as { example: { bodyText: string[][] } }).example.bodyText[0]?.push('changed');
    (draft.components[1] as { buttons: { example: string[] }[] }).buttons[0]?.example.push('changed');
    expect(template).toEqual(before);
  });

  it.each([
    ['NAMED', CONTRACT_NAMED_PARAMETER_TEMPLATE],
    ['zero-tap', CONTRACT_ZERO_TAP_TEMPLATE],
  ])(
    'drafts the %s template of the contract, read alike from every vendor, without an error for any vendor',
    (_name, read) => {
      const draft = toTemplateDraft(readTemplate(structuredClone(read) as unknown as Partial<Template>));
      for (const provider of [NXCLOUD_SHAPED, CAMS_SHAPED]) {
        const errors = validateTemplateDraft(draft, { provider }).filter(
          (issue) => issue.severity === 'error',
        );
        expect(errors).toEqual([]);
      }
    },
  );
});
