import { FLOW_CATEGORIES } from '../model/flow.js';
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
