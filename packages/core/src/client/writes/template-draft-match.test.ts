import { describe, expect, it } from 'vitest';
import type { TemplateDraft } from '../../model/inputs/template-draft.js';
import type { Template } from '../../model/template.js';
import { utilityDraft } from '../../validation/template-draft/__fixtures__/valid-drafts.js';
import { templateMatchesDraft } from './template-draft-match.js';

/** The template a vendor reads back after creating `draft`, as the read model has it. */
function readBack(draft: TemplateDraft, changes: Partial<Template> = {}): Template {
  return {
    provider: 'vendor',
    raw: {},
    id: '900',
    name: draft.name,
    language: draft.language,
    category: draft.category,
    status: 'PENDING',
    components: structuredClone(draft.components) as Template['components'],
    ...changes,
  };
}

describe('templateMatchesDraft', () => {
  it('matches the template a draft made', () => {
    expect(templateMatchesDraft(readBack(utilityDraft()), utilityDraft())).toBe(true);
  });

  it('tells another category, text, button or component count apart', () => {
    const draft = utilityDraft();
    expect(templateMatchesDraft(readBack(draft, { category: 'MARKETING' }), draft)).toBe(false);
    const otherBody = readBack(draft);
    otherBody.components[1] = { type: 'BODY', text: 'Hi {{1}}, order {{2}} is late.' };
    expect(templateMatchesDraft(otherBody, draft)).toBe(false);
    const fewer = readBack(draft);
    fewer.components.pop();
    expect(templateMatchesDraft(fewer, draft)).toBe(false);
    const otherPhone = readBack(draft);
    otherPhone.components[3] = {
      type: 'BUTTONS',
      buttons: [
        { type: 'URL', text: 'Track', url: 'https://shop.example/t/{{1}}' },
        { type: 'PHONE_NUMBER', text: 'Call us', phoneNumber: '+6599999999' },
      ],
    };
    expect(templateMatchesDraft(otherPhone, draft)).toBe(false);
  });

  it('ignores what vendors add or keep in their own form: extra fields, samples, the order of components', () => {
    const draft = utilityDraft();
    const template = readBack(draft);
    const [header, body, footer, buttons] = template.components;
    template.components = [
      buttons!,
      footer!,
      // CAMS keeps samples in one Example map; a vendor may answer them differently or not at all.
      { type: 'BODY', text: (body as { text: string }).text },
      { ...header!, mediaUrl: 'https://cdn.vendor.example/x' } as Template['components'][number],
    ];
    expect(templateMatchesDraft(template, draft)).toBe(true);
  });

  it('reads an OTP button the same in its single-app and list forms', () => {
    const draft: TemplateDraft = {
      name: 'login_code',
      language: 'en_US',
      category: 'AUTHENTICATION',
      components: [
        { type: 'BODY', addSecurityRecommendation: true },
        {
          type: 'BUTTONS',
          buttons: [
            {
              type: 'OTP',
              otpType: 'ONE_TAP',
              text: 'Autofill',
              autofillText: 'Autofill',
              packageName: 'com.example.shop',
              signatureHash: 'AAAAAAAAAAA',
            },
          ],
        },
      ],
    };
    const template = readBack(draft, {
      components: [
        // WhatsApp writes the body of an authentication template itself.
        { type: 'BODY', text: '{{1}} is your verification code.', addSecurityRecommendation: true },
        {
          type: 'BUTTONS',
          buttons: [
            {
              type: 'OTP',
              otpType: 'ONE_TAP',
              text: 'Autofill',
              autofillText: 'Autofill',
              packageName: 'com.example.shop',
              signatureHash: 'AAAAAAAAAAA',
              supportedApps: [{ packageName: 'com.example.shop', signatureHash: 'AAAAAAAAAAA' }],
            },
          ],
        },
      ],
    });
    expect(templateMatchesDraft(template, draft)).toBe(true);
    const otherApp = structuredClone(template);
    (otherApp.components[1] as { buttons: { supportedApps: unknown }[] }).buttons[0]!.supportedApps = [
      { packageName: 'com.example.other', signatureHash: 'AAAAAAAAAAA' },
    ];
    expect(templateMatchesDraft(otherApp, draft)).toBe(false);
  });
});
