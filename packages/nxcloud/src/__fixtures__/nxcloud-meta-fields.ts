// Payloads carrying Meta's newer template and flow fields, which NXCloud's pages do not list but
// relay as Meta returns them (NXCloud passes Meta's objects through). Built to Meta's documented
// wire shapes as the reference's model document lists them (named-parameter samples
// `[{ param_name, example }]`, OTP `supported_apps`, `quality_score.date` in Unix seconds, flow
// `health_status` and `updated_at`), not recorded. Names, ids and texts are invented.

import { templateItem } from './nxcloud-built-payloads.js';

/** A NAMED template: the samples are in `*_text_named_params`, not `header_text` / `body_text`. */
export const NAMED_PARAMETER_TEMPLATE = {
  id: '1021457810344961',
  name: 'order_named',
  language: 'en_US',
  category: 'UTILITY',
  status: 'APPROVED',
  parameter_format: 'NAMED',
  components: [
    {
      type: 'HEADER',
      format: 'TEXT',
      text: 'Order for {{first_name}}',
      example: { header_text_named_params: [{ param_name: 'first_name', example: 'Maria' }] },
    },
    {
      type: 'BODY',
      text: 'Hi {{first_name}}, order {{order_id}} has shipped.',
      example: {
        body_text_named_params: [
          { param_name: 'first_name', example: 'Maria' },
          { param_name: 'order_id', example: '#1042' },
        ],
      },
    },
  ],
};

/** An authentication template whose zero-tap button serves two apps (the issue's own button). */
export const ZERO_TAP_TEMPLATE = {
  id: '1021457810344962',
  name: 'login_zero_tap',
  language: 'en_US',
  category: 'AUTHENTICATION',
  status: 'APPROVED',
  components: [
    { type: 'BODY', add_security_recommendation: true },
    { type: 'FOOTER', code_expiration_minutes: 5 },
    {
      type: 'BUTTONS',
      buttons: [
        {
          type: 'OTP',
          otp_type: 'ZERO_TAP',
          text: 'Autofill',
          supported_apps: [
            { package_name: 'com.example.shop', signature_hash: 'AAAAAAAAAAA' },
            { package_name: 'com.example.shop.debug', signature_hash: 'BBBBBBBBBBB' },
          ],
        },
      ],
    },
  ],
};

/** A template Meta reclassified, cloned from its library, with a dated quality score. */
export const RECLASSIFIED_TEMPLATE = {
  ...templateItem('1021457810344963', 'appointment_reminder'),
  category: 'MARKETING',
  sub_category: 'ORDER_STATUS',
  previous_category: 'UTILITY',
  correct_category: 'MARKETING',
  library_template_name: 'appointment_reminder_1',
  cta_url_link_tracking_opted_out: true,
  quality_score: { score: 'GREEN', date: 1717000000 },
};

/** Every flow category of the model, SHOPPING included (from the AWS proxy's enum for Meta's API). */
export const FLOW_IN_EVERY_CATEGORY = {
  id: '1168300431915405',
  name: 'every_category',
  status: 'DRAFT',
  categories: [
    'SIGN_UP',
    'SIGN_IN',
    'APPOINTMENT_BOOKING',
    'LEAD_GENERATION',
    'CONTACT_US',
    'CUSTOMER_SUPPORT',
    'SURVEY',
    'OTHER',
    'SHOPPING',
  ],
};

/** A published flow Meta's health monitor blocked, with the entity at fault and its advice. */
export const FLOW_WITH_HEALTH_STATUS = {
  id: '1168300431915406',
  name: 'booking',
  status: 'BLOCKED',
  categories: ['APPOINTMENT_BOOKING'],
  updated_at: '2024-06-01T08:30:00+0000',
  health_status: {
    can_send_message: 'BLOCKED',
    entities: [
      {
        entity_type: 'FLOW',
        id: '1168300431915406',
        can_send_message: 'BLOCKED',
        errors: [
          {
            error_code: 131000.0,
            error_description: 'The endpoint is not available.',
            possible_solution: 'Make the endpoint available, then publish the flow again.',
          },
        ],
      },
      { entity_type: 'WABA', id: 196938173492252, can_send_message: 'AVAILABLE' },
      {
        entity_type: 'APP',
        id: '1407008009801816',
        can_send_message: 'LIMITED',
        additional_info: ['The app is in development mode.'],
      },
      { entity_type: 'PHONE_NUMBER', id: '8615800001795', can_send_message: 'PAUSED' },
    ],
  },
};
