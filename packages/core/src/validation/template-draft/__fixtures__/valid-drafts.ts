import type { TemplateDraft, TemplateDraftCard } from '../../../model/inputs/template-draft.js';

/*
 * Drafts that break no rule, one per kind of template, for the rule tests to break one rule at a
 * time. Built to Meta's template component shapes; names and texts are invented.
 */

/**
 * A UTILITY template: text header, body with two positional variables, footer, URL and phone
 * buttons. The URL's `{{1}}` has the body's `{{1}}` sample, as CAMS's one Example map needs.
 */
export function utilityDraft(): TemplateDraft {
  return {
    name: 'order_update',
    language: 'en_US',
    category: 'UTILITY',
    components: [
      { type: 'HEADER', format: 'TEXT', text: 'Order update' },
      {
        type: 'BODY',
        text: 'Order {{1}} for {{2}} has shipped today.',
        example: { bodyText: [['1042', 'Ana']] },
      },
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
          { type: 'PHONE_NUMBER', text: 'Call us', phoneNumber: '+6512345678' },
        ],
      },
    ],
  };
}

/** A NAMED UTILITY template: the header and the body share `first_name`. */
export function namedDraft(): TemplateDraft {
  return {
    name: 'order_named',
    language: 'en_US',
    category: 'UTILITY',
    parameterFormat: 'NAMED',
    components: [
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
    ],
  };
}

/** A carousel card: image header, body, quick reply. */
function card(number: number): TemplateDraftCard {
  return {
    components: [
      { type: 'HEADER', format: 'IMAGE', example: { headerUrl: `https://shop.example/c${number}.png` } },
      { type: 'BODY', text: `Spring pick number ${number} is here.` },
      { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'More like this' }] },
    ],
  };
}

/** A MARKETING template: a media header, a body, quick replies grouped before a copy-code and a flow button. */
export function marketingDraft(): TemplateDraft {
  return {
    name: 'spring_sale',
    language: 'en',
    category: 'MARKETING',
    components: [
      { type: 'HEADER', format: 'IMAGE', example: { headerHandle: ['4:c3ByaW5nLnBuZw=='] } },
      {
        type: 'BODY',
        text: 'Our spring sale is on, {{1}}: see what is new.',
        example: { bodyText: [['Ana']] },
      },
      { type: 'FOOTER', text: 'Tap Stop to opt out' },
      {
        type: 'BUTTONS',
        buttons: [
          { type: 'QUICK_REPLY', text: 'Stop' },
          { type: 'QUICK_REPLY', text: 'Tell me more' },
          { type: 'COPY_CODE', example: 'SPRING25' },
          {
            type: 'FLOW',
            text: 'Sign up',
            flowId: '1234567890123456',
            flowAction: 'navigate',
            navigateScreen: 'WELCOME',
          },
        ],
      },
    ],
  };
}

/** A MARKETING carousel of two cards. */
export function carouselDraft(): TemplateDraft {
  return {
    name: 'spring_picks',
    language: 'en',
    category: 'MARKETING',
    components: [
      {
        type: 'BODY',
        text: 'Our spring picks for you, {{1}}: swipe to see.',
        example: { bodyText: [['Ana']] },
      },
      { type: 'CAROUSEL', cards: [card(1), card(2)] },
    ],
  };
}

/** A MARKETING limited-time offer: offer, body, copy-code and URL buttons, no footer. */
export function offerDraft(): TemplateDraft {
  return {
    name: 'spring_offer',
    language: 'en',
    category: 'MARKETING',
    components: [
      { type: 'LIMITED_TIME_OFFER', text: 'Spring sale', hasExpiration: true },
      { type: 'BODY', text: 'Use the code at checkout before it expires.' },
      {
        type: 'BUTTONS',
        buttons: [
          { type: 'COPY_CODE', example: 'SPRING25' },
          { type: 'URL', text: 'Shop now', url: 'https://shop.example/spring' },
        ],
      },
    ],
  };
}

/** An AUTHENTICATION template: generated texts, one one-tap OTP button with its app. */
export function authenticationDraft(): TemplateDraft {
  return {
    name: 'login_code',
    language: 'en',
    category: 'AUTHENTICATION',
    messageSendTtlSeconds: 600,
    components: [
      { type: 'BODY', addSecurityRecommendation: true },
      { type: 'FOOTER', codeExpirationMinutes: 5 },
      {
        type: 'BUTTONS',
        buttons: [
          {
            type: 'OTP',
            otpType: 'ONE_TAP',
            text: 'Copy code',
            autofillText: 'Autofill',
            supportedApps: [{ packageName: 'com.example.shop', signatureHash: 'AAAAAAAAAAA' }],
          },
        ],
      },
    ],
  };
}
