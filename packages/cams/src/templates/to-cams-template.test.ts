import {
  type TemplateDraft,
  type TemplateDraftComponent,
  UnsupportedOperationError,
} from '@whatsapp-bsp/core';
import { describe, expect, it } from 'vitest';
import { toCamsTemplate } from './to-cams-template.js';

// Drafts in the model's shape; the expected wire follows CreateChatappTemplate's page
// (PascalCase Components, a template-level Example map of strings, `HasExpiration` with a capital H).

const draftOf = (
  components: TemplateDraftComponent[],
  extra: Partial<TemplateDraft> = {},
): TemplateDraft => ({
  name: 'sample',
  language: 'en_US',
  category: 'MARKETING',
  components,
  ...extra,
});

const wireOf = (draft: TemplateDraft) => {
  const content = toCamsTemplate(draft);
  return {
    components: JSON.parse(content.Components),
    example: content.Example && JSON.parse(content.Example),
  };
};

function refusal(draft: TemplateDraft): UnsupportedOperationError {
  try {
    toCamsTemplate(draft);
  } catch (error) {
    if (UnsupportedOperationError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('the draft was accepted');
}

describe('toCamsTemplate', () => {
  it('writes each component in CAMS’s names, samples in one map keyed as the variables are written', () => {
    const wire = wireOf(
      draftOf([
        { type: 'LIMITED_TIME_OFFER', text: 'Sale', hasExpiration: true },
        { type: 'HEADER', format: 'VIDEO', example: { headerUrl: 'https://cdn.example/v.mp4' } },
        {
          type: 'BODY',
          text: 'Hi {{first_name}}, use {{code}}.',
          example: {
            bodyTextNamedParams: [
              { paramName: 'first_name', example: 'Maria' },
              { paramName: 'code', example: 'SPRING' },
            ],
          },
        },
        {
          type: 'BUTTONS',
          buttons: [
            { type: 'COPY_CODE', text: 'Copy', example: 'SPRING25' },
            {
              type: 'FLOW',
              text: 'Sign up',
              flowId: '1234',
              flowAction: 'data_exchange',
              navigateScreen: 'WELCOME',
            },
            { type: 'CATALOG', text: 'View' },
          ],
        },
      ]),
    );

    expect(wire).toEqual({
      components: [
        { Type: 'LIMITED_TIME_OFFER', Text: 'Sale', HasExpiration: true },
        { Type: 'HEADER', Format: 'VIDEO', Url: 'https://cdn.example/v.mp4' },
        { Type: 'BODY', Text: 'Hi {{first_name}}, use {{code}}.' },
        {
          Type: 'BUTTONS',
          Buttons: [
            { Type: 'COPY_CODE', Text: 'Copy', CouponCode: 'SPRING25' },
            {
              Type: 'FLOW',
              Text: 'Sign up',
              FlowId: '1234',
              FlowAction: 'DATA_EXCHANGE',
              NavigateScreen: 'WELCOME',
            },
            { Type: 'CATALOG', Text: 'View' },
          ],
        },
      ],
      example: { '{{first_name}}': 'Maria', '{{code}}': 'SPRING' },
    });
  });

  it.each([
    ['the whole URL, as Meta writes it', 'https://x.example/t/1042?src=wa'],
    ['the variable’s value alone, as NXCloud reports it', '1042'],
  ])('a dynamic URL’s sample given as %s goes in the Example map as the value', (_, sample) => {
    const wire = wireOf(
      draftOf([
        { type: 'BODY', text: 'Your order is on its way.' },
        {
          type: 'BUTTONS',
          buttons: [
            { type: 'URL', text: 'Track', url: 'https://x.example/t/{{1}}?src=wa', example: [sample] },
          ],
        },
      ]),
    );
    expect(wire.example).toEqual({ '{{1}}': '1042' });
  });

  it('refuses a URL sample that is another URL', () => {
    const draft = draftOf([
      { type: 'BODY', text: 'Your order is on its way.' },
      {
        type: 'BUTTONS',
        buttons: [
          {
            type: 'URL',
            text: 'Track',
            url: 'https://x.example/t/{{1}}',
            example: ['https://y.example/1042'],
          },
        ],
      },
    ]);
    expect(() => wireOf(draft)).toThrow(/URL with its one variable filled in/);
  });

  it('a carousel’s cards go in Cards[].CardComponents, without samples', () => {
    const wire = wireOf(
      draftOf([
        { type: 'BODY', text: 'Our picks.' },
        {
          type: 'CAROUSEL',
          cards: [
            {
              components: [
                { type: 'HEADER', format: 'IMAGE', example: { headerUrl: 'https://cdn.example/a.png' } },
                { type: 'BODY', text: 'Card one' },
                { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Buy', url: 'https://shop.example/a' }] },
              ],
            },
          ],
        },
      ]),
    );

    expect(wire.components[1]).toEqual({
      Type: 'CAROUSEL',
      Cards: [
        {
          CardComponents: [
            { Type: 'HEADER', Format: 'IMAGE', Url: 'https://cdn.example/a.png' },
            { Type: 'BODY', Text: 'Card one' },
            {
              Type: 'BUTTONS',
              Buttons: [{ Type: 'URL', Text: 'Buy', Url: 'https://shop.example/a', UrlType: 'static' }],
            },
          ],
        },
      ],
    });
    expect(wire.example).toBeUndefined();
  });

  it.each<[string, TemplateDraft]>([
    [
      // The second sample for {{1}} is the one refused.
      'components[1].example',
      draftOf([
        { type: 'HEADER', format: 'TEXT', text: 'Order {{1}}', example: { headerText: ['A-1'] } },
        { type: 'BODY', text: 'Hi {{1}}.', example: { bodyText: [['Ana']] } },
      ]),
    ],
    [
      'components[1].buttons[0].example',
      draftOf([
        { type: 'BODY', text: 'Hi {{1}}.', example: { bodyText: [['Ana']] } },
        {
          type: 'BUTTONS',
          buttons: [
            { type: 'URL', text: 'Go', url: 'https://x.example/{{1}}', example: ['https://x.example/1042'] },
          ],
        },
      ]),
    ],
    [
      'components[0].example.headerHandle',
      draftOf([
        { type: 'HEADER', format: 'IMAGE', example: { headerHandle: ['4::aW1hZ2U='] } },
        { type: 'BODY', text: 'Hi' },
      ]),
    ],
    [
      'components[0].example.bodyText[1]',
      draftOf([{ type: 'BODY', text: 'Hi {{1}}.', example: { bodyText: [['a'], ['b']] } }]),
    ],
    [
      'components[0].format',
      draftOf([
        { type: 'HEADER', format: 'GIF' },
        { type: 'BODY', text: 'Hi' },
      ]),
    ],
    [
      'components[1].cards[0].components[0].example',
      draftOf([
        { type: 'BODY', text: 'Picks' },
        {
          type: 'CAROUSEL',
          cards: [{ components: [{ type: 'BODY', text: 'Card {{1}}', example: { bodyText: [['x']] } }] }],
        },
      ]),
    ],
    [
      'components[1].buttons[0].flowName',
      draftOf([
        { type: 'BODY', text: 'Hi' },
        {
          type: 'BUTTONS',
          buttons: [{ type: 'FLOW', text: 'Go', flowName: 'signup', flowAction: 'navigate' }],
        },
      ]),
    ],
    [
      'components[1].buttons[0].type',
      draftOf([
        { type: 'BODY', text: 'Hi' },
        { type: 'BUTTONS', buttons: [{ type: 'VOICE_CALL' }] },
      ]),
    ],
    ['components[0].type', draftOf([{ type: 'UNKNOWN', rawType: 'CALL_PERMISSION_REQUEST' }])],
    [
      'components[0].buttons[0].type',
      draftOf([{ type: 'BUTTONS', buttons: [{ type: 'OTP', otpType: 'COPY_CODE', text: 'Copy' }] }], {
        category: 'UTILITY',
      }),
    ],
    [
      'libraryTemplateName',
      draftOf([{ type: 'BODY', text: 'Hi' }], { libraryTemplateName: 'order_shipped' }),
    ],
    ['category', draftOf([{ type: 'BODY', text: 'Hi' }], { category: 'UNKNOWN' })],
  ])('refuses what CAMS cannot carry, naming %s', (field, draft) => {
    expect(refusal(draft)).toMatchObject({ provider: 'cams', field, outcome: 'not-sent' });
  });

  it('an OTP button’s type is its OTP type; its apps go in SupportedApps', () => {
    const wire = wireOf(
      draftOf(
        [
          { type: 'BODY', addSecurityRecommendation: false },
          {
            type: 'BUTTONS',
            buttons: [{ type: 'OTP', otpType: 'COPY_CODE', text: 'Copy code' }],
          },
        ],
        { category: 'AUTHENTICATION' },
      ),
    );

    expect(wire.components).toEqual([
      { Type: 'BODY', AddSecretRecommendation: false },
      { Type: 'BUTTONS', Buttons: [{ Type: 'COPY_CODE', Text: 'Copy code' }] },
    ]);
  });
});
