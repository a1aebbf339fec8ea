import { FLOW_CATEGORIES } from '../model/flow.js';
import type { TemplateChanges } from '../model/inputs/template-changes.js';
import type { TemplateDraft } from '../model/inputs/template-draft.js';
import type { Template } from '../model/template.js';

/*
 * What the contract suite's scenarios for Meta's newer template fields must read as, from any
 * vendor. Each adapter answers the scenario with its vendor's payload of the same template (its
 * own wire form of these names, texts and samples); the suite compares the result with these.
 */

type ExpectedTemplate = Pick<Template, 'name' | 'language' | 'category' | 'components'> &
  Partial<Pick<Template, 'parameterFormat'>>;

/**
 * A NAMED template (scenario `getNamedParameterTemplate`): a text header and a body whose
 * variables are named, with their samples. The header and the body share `first_name`.
 */
export const CONTRACT_NAMED_PARAMETER_TEMPLATE = {
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
} as const satisfies ExpectedTemplate;

/**
 * An AUTHENTICATION template (scenario `getZeroTapTemplate`) whose zero-tap button serves two
 * apps: both must be read, in order.
 */
export const CONTRACT_ZERO_TAP_TEMPLATE = {
  name: 'login_zero_tap',
  language: 'en_US',
  category: 'AUTHENTICATION',
  components: [
    { type: 'BODY', addSecurityRecommendation: true },
    { type: 'FOOTER', codeExpirationMinutes: 5 },
    {
      type: 'BUTTONS',
      buttons: [
        {
          type: 'OTP',
          otpType: 'ZERO_TAP',
          text: 'Autofill',
          supportedApps: [
            { packageName: 'com.example.shop', signatureHash: 'AAAAAAAAAAA' },
            { packageName: 'com.example.shop.debug', signatureHash: 'BBBBBBBBBBB' },
          ],
        },
      ],
    },
  ],
} as const satisfies ExpectedTemplate;

/** The categories of the flow of scenario `getFlowInEveryCategory`: every one of the model, in its order. */
export const CONTRACT_FLOW_CATEGORIES = FLOW_CATEGORIES;

/**
 * The template the template write contract creates (scenarios `createTemplate…`, and the
 * existing template of `updateTemplate` and `deleteTemplate…`): a UTILITY template every vendor's
 * rules admit — a text header, a body with two positional variables and their samples, a footer
 * and one quick reply. Adapters answer its scenarios with their vendor's wire form of it.
 */
export const CONTRACT_TEMPLATE_DRAFT: Readonly<TemplateDraft> = {
  name: 'contract_order_update',
  language: 'en_US',
  category: 'UTILITY',
  components: [
    { type: 'HEADER', format: 'TEXT', text: 'Order update' },
    {
      type: 'BODY',
      text: 'Hi {{1}}, order {{2}} has shipped.',
      example: { bodyText: [['Ana', '#1042']] },
    },
    { type: 'FOOTER', text: 'Reply STOP to opt out' },
    { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Thanks' }] },
  ],
};

/** The changes the template write contract's `updateTemplate` scenario sends: a new body text. */
export const CONTRACT_TEMPLATE_CHANGES: Readonly<TemplateChanges> = {
  components: [
    { type: 'HEADER', format: 'TEXT', text: 'Order update' },
    {
      type: 'BODY',
      text: 'Hello {{1}}, your order {{2}} is on its way.',
      example: { bodyText: [['Ana', '#1042']] },
    },
    { type: 'FOOTER', text: 'Reply STOP to opt out' },
  ],
};

/** A 1×1 PNG image (70 bytes): the header sample the contract's `uploadTemplateMedia` scenario uploads. */
export const CONTRACT_TEMPLATE_MEDIA = {
  base64: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  mimeType: 'image/png',
  fileName: 'contract-sample.png',
} as const;
