import type { TemplateDraft } from '../../model/inputs/template-draft.js';
import type { ProviderCapabilities } from '../../provider/capabilities.js';
import type { TemplateVendorRules } from '../../validation/template-draft/vendor-template-rules.js';
import type { PlanTarget } from '../plan-target.js';

/*
 * Drafts and flows for the state tests, built to the model's shapes (the template texts follow the
 * createTemplate examples of the vendor pages and Meta's template components page).
 */

export const orderUpdate: TemplateDraft = {
  name: 'order_update',
  language: 'en_US',
  category: 'UTILITY',
  components: [
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

export const loginCode: TemplateDraft = {
  name: 'login_code',
  language: 'en',
  category: 'AUTHENTICATION',
  components: [
    { type: 'BODY', addSecurityRecommendation: true },
    { type: 'FOOTER', codeExpirationMinutes: 5 },
    { type: 'BUTTONS', buttons: [{ type: 'OTP', otpType: 'COPY_CODE', text: 'Copy code' }] },
  ],
};

export const springSale: TemplateDraft = {
  name: 'spring_sale',
  language: 'en',
  category: 'MARKETING',
  components: [
    { type: 'HEADER', format: 'IMAGE', example: { headerUrl: 'https://shop.example/spring.png' } },
    { type: 'BODY', text: 'Our spring sale starts today.' },
  ],
};

/** A Flow JSON with one terminal screen: valid by Meta's rules. */
export function flowJson(title = 'Welcome'): Record<string, unknown> {
  return {
    version: '7.3',
    screens: [
      {
        id: 'WELCOME',
        title,
        terminal: true,
        layout: {
          type: 'SingleColumnLayout',
          children: [
            { type: 'TextHeading', text: 'Hello' },
            { type: 'Footer', label: 'Done', 'on-click-action': { name: 'complete', payload: {} } },
          ],
        },
      },
    ],
  };
}

const rules: TemplateVendorRules = {
  vendor: 'Vendor',
  oneSamplePerVariable: false,
  unsupported: { headerFormats: ['GIF'], buttonTypes: ['VOICE_CALL'] },
  undocumented: {
    componentTypes: [],
    headerFormats: [],
    buttonTypes: [],
    otpTypes: [],
    namedParameters: false,
    supportedApps: false,
  },
  quickRepliesWithCallToAction: true,
  otpRequires: {},
};

export function capabilities(
  deleteScopes: readonly ('name' | 'language')[] = ['language'],
): ProviderCapabilities {
  const list = { maxPageSize: 50, defaultPageSize: 10, reportsTotal: false };
  return {
    flows: { list: { ...list, includesStatus: true } },
    templates: {
      list: { ...list, filters: ['name'], includesComponents: true },
      get: { byId: 'native', byNameAndLanguage: 'native' },
      delete: { scopes: deleteScopes },
      draftRules: rules,
    },
    rateLimits: {},
  };
}

const write = () => Promise.reject(new Error('not sent in these tests'));

/** A target with every write, or without those named. */
export function target(
  options: { id?: string; without?: readonly string[]; deleteScopes?: readonly ('name' | 'language')[] } = {},
): PlanTarget {
  const without = new Set(options.without ?? []);
  const methods = (names: readonly string[]) =>
    Object.fromEntries(names.filter((name) => !without.has(name)).map((name) => [name, write]));
  return {
    id: options.id ?? 'vendor',
    capabilities: capabilities(options.deleteScopes),
    templates: methods(['doCreate', 'doUpdate', 'doDelete']),
    flows: methods(['doCreate', 'doUpdate', 'doUpdateJson', 'doPublish', 'doDeprecate', 'doDelete']),
  };
}
