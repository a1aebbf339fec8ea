import { type TemplateDraft, validateTemplateDraft } from '@whatsapp-bsp/core';
import { describe, expect, it } from 'vitest';
import { nxcloudCapabilities } from '../nxcloud-capabilities.js';

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

const provider = { id: 'nxcloud', capabilities: nxcloudCapabilities };

describe('nxcloud template rules, read from its capabilities', () => {
  it('accepts what NXCloud relays to Meta as it is, and only warns of what its pages leave out', () => {
    expect(validateTemplateDraft(orderUpdate, { provider })).toEqual([]);
    const gifHeader: TemplateDraft = {
      ...orderUpdate,
      components: [
        { type: 'HEADER', format: 'GIF', example: { headerUrl: 'https://shop.example/a.gif' } },
        orderUpdate.components[1]!,
      ],
    };
    const issues = validateTemplateDraft(gifHeader, { provider }).filter((issue) =>
      issue.code.startsWith('VENDOR_'),
    );
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.every((issue) => issue.severity === 'warning')).toBe(true);
  });

  it('takes a media sample as an upload handle or as a link', () => {
    for (const example of [
      { headerHandle: ['4:aGVhZGVyLnBuZw=='] },
      { headerUrl: 'https://shop.example/h.png' },
    ]) {
      const draft: TemplateDraft = {
        ...orderUpdate,
        components: [
          { type: 'HEADER', format: 'IMAGE', example },
          { type: 'BODY', text: 'Your order has shipped.' },
        ],
      };
      expect(validateTemplateDraft(draft, { provider })).toEqual([]);
    }
  });
});
