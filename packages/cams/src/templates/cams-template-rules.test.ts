import { type TemplateDraft, UnsupportedOperationError, validateTemplateDraft } from '@whatsapp-bsp/core';
import { describe, expect, it } from 'vitest';
import { camsCapabilities } from '../cams-capabilities.js';
import { toCamsTemplate } from './to-cams-template.js';

/** DESIGN's example draft: a header `{{1}}` and a body `{{1}}` with different samples. */
const orderUpdate: TemplateDraft = {
  name: 'order_update',
  language: 'en_US',
  category: 'UTILITY',
  components: [
    { type: 'HEADER', format: 'TEXT', text: 'Order {{1}}', example: { headerText: ['#1042'] } },
    { type: 'BODY', text: 'Hi {{1}}, order {{2}} has shipped.', example: { bodyText: [['Ana', '#1042']] } },
    { type: 'FOOTER', text: 'Reply STOP to opt out' },
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

const provider = { id: 'cams', capabilities: camsCapabilities };

describe('cams template rules, read from its capabilities', () => {
  it('refuses samples its one Example map cannot hold, and what CreateChatappTemplate does not take', () => {
    const codes = validateTemplateDraft(orderUpdate, { provider }).map(
      (issue) => `${issue.severity} ${issue.code}`,
    );
    expect(codes).toContain('error VENDOR_SAMPLE_CONFLICT');
    const gifHeader: TemplateDraft = {
      ...orderUpdate,
      components: [
        { type: 'HEADER', format: 'GIF', example: { headerUrl: 'https://shop.example/a.gif' } },
        orderUpdate.components[1]!,
      ],
    };
    expect(validateTemplateDraft(gifHeader, { provider }).map((issue) => issue.code)).toContain(
      'VENDOR_HEADER_FORMAT_UNSUPPORTED',
    );
  });

  it('refuses a media sample given as an upload handle, as the adapter does when it builds the request', () => {
    const imageHeader = (example: { headerHandle?: string[]; headerUrl?: string }): TemplateDraft => ({
      ...orderUpdate,
      components: [
        { type: 'HEADER', format: 'IMAGE', example },
        { type: 'BODY', text: 'Your order has shipped.' },
      ],
    });
    const byHandle = imageHeader({ headerHandle: ['4:aGVhZGVyLnBuZw=='] });
    const issues = validateTemplateDraft(byHandle, { provider });
    expect(issues.map((issue) => `${issue.severity} ${issue.code} ${issue.path}`)).toEqual([
      'error VENDOR_MEDIA_SAMPLE_UNSUPPORTED components[0].example.headerHandle',
    ]);
    let refusal: unknown;
    try {
      toCamsTemplate(byHandle);
    } catch (error) {
      refusal = error;
    }
    expect(UnsupportedOperationError.isInstance(refusal)).toBe(true);
    expect(refusal).toMatchObject({ field: 'components[0].example.headerHandle' });

    const byUrl = imageHeader({ headerUrl: 'https://shop.example/header.png' });
    expect(validateTemplateDraft(byUrl, { provider })).toEqual([]);
    expect(() => toCamsTemplate(byUrl)).not.toThrow();
  });
});
