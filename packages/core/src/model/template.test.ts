import { describe, expect, it } from 'vitest';
import { toEnumValue } from './enum-with-unknown.js';
import { FLOW_STATUSES } from './flow.js';
import { toTemplateCategory } from './template.js';
import { TemplateComponentSchema } from './template-component.js';

describe('toTemplateCategory', () => {
  it.each([
    ['MARKETING', 'MARKETING'],
    ['utility', 'UTILITY'],
    ['OTP', 'AUTHENTICATION'],
    ['TRANSACTIONAL', 'UTILITY'],
    ['ACCOUNT_UPDATE', 'UTILITY'],
    ['shipping_update', 'UTILITY'],
    ['ISSUE_RESOLUTION', 'UTILITY'],
    ['AUTO_REPLY', 'UTILITY'],
    ['text_image_button', 'UNKNOWN'],
    [undefined, 'UNKNOWN'],
    [42, 'UNKNOWN'],
  ])('%s → %s', (raw, expected) => {
    expect(toTemplateCategory(raw)).toBe(expected);
  });
});

describe('toEnumValue', () => {
  it('matches case-insensitively and maps everything else to UNKNOWN', () => {
    expect(toEnumValue(FLOW_STATUSES, 'published')).toBe('PUBLISHED');
    expect(toEnumValue(FLOW_STATUSES, 'ARCHIVED')).toBe('UNKNOWN');
    expect(toEnumValue(FLOW_STATUSES, { status: 'DRAFT' })).toBe('UNKNOWN');
    expect(toEnumValue(FLOW_STATUSES, '__proto__')).toBe('UNKNOWN');
  });
});

describe('TemplateComponentSchema', () => {
  it('accepts carousels of cards with their own components', () => {
    const carousel = {
      type: 'CAROUSEL',
      cards: [
        {
          components: [
            { type: 'BODY', text: 'card' },
            { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Go' }] },
          ],
        },
      ],
    };
    expect(TemplateComponentSchema.parse(carousel)).toEqual(carousel);
  });
});
