import {
  FLOW_ACTIONS,
  HEADER_FORMATS,
  OTP_TYPES,
  PARAMETER_FORMATS,
  QUALITY_SCORES,
  REJECTED_REASONS,
  TEMPLATE_CATEGORIES,
  TEMPLATE_STATUSES,
  type Template,
  type TemplateButton,
  type TemplateComponent,
} from '@whatsapp-bsp/core';
import { expectEnumMapping } from '@whatsapp-bsp/core/testing';
import { describe, it } from 'vitest';
import { camsGetTemplateAnswerSchema } from './cams-template-wire.js';
import { mapCamsTemplate } from './map-cams-template.js';

/*
 * Every enum of CAMS's templates against the model's values, both ways: each value CAMS's API
 * pages and SDK models document (`@alicloud/cams20200606`'s template component and button
 * models; SDK 5.x's remarks list the values) maps to its model value, and each model value is
 * reached from some CAMS value or is declared out of CAMS's reach, with the reason.
 */

/** GetChatappTemplateDetail's `Data`, decoded and mapped as templates.doGet does. */
function template(fields: Record<string, unknown>): Template {
  const data = { TemplateCode: 'c1', Name: 'n', Language: 'en', AuditStatus: 'pass', ...fields };
  const answer = camsGetTemplateAnswerSchema.lenient.parse({ Code: 'OK', Data: data });
  return mapCamsTemplate(answer.Data, data, 'en');
}
const component = (wire: Record<string, unknown>, category = 'UTILITY'): TemplateComponent =>
  template({ Category: category, Components: [wire] }).components[0] as TemplateComponent;
const button = (wire: Record<string, unknown>, category = 'UTILITY'): TemplateButton => {
  const buttons = component({ Type: 'BUTTONS', Buttons: [wire] }, category);
  return (buttons as Extract<TemplateComponent, { type: 'BUTTONS' }>).buttons[0] as TemplateButton;
};
const COMPONENT_TYPES = ['HEADER', 'BODY', 'FOOTER', 'BUTTONS', 'CAROUSEL', 'LIMITED_TIME_OFFER'] as const;
const BUTTON_TYPES = [
  'QUICK_REPLY',
  'URL',
  'PHONE_NUMBER',
  'COPY_CODE',
  'OTP',
  'FLOW',
  'CATALOG',
  'MPM',
  'VOICE_CALL',
] as const;

describe('CAMS template enums, both ways', () => {
  it("AuditStatus: CAMS's lower-case words, and Meta's names for what CAMS has no word for", () => {
    expectEnumMapping(
      TEMPLATE_STATUSES,
      {
        rows: [
          ['pass', 'APPROVED'],
          ['fail', 'REJECTED'],
          ['auditing', 'PENDING'],
          ['Audit', 'PENDING'],
          ['unaudit', 'PENDING'],
          ['disabled', 'DISABLED'],
          ['paused', 'PAUSED'],
          ['APPROVED', 'APPROVED'],
          ['IN_APPEAL', 'IN_APPEAL'],
          ['PENDING_DELETION', 'PENDING_DELETION'],
          ['DELETED', 'DELETED'],
          ['LIMIT_EXCEEDED', 'LIMIT_EXCEEDED'],
          ['archived', 'ARCHIVED'],
          ['LOCKED', 'LOCKED'],
          ['reviewing', 'UNKNOWN'],
        ],
      },
      (status) => template({ AuditStatus: status }).status,
    );
  });

  it('Category: the three WhatsApp ones, the legacy ones as their successors, Viber ones UNKNOWN', () => {
    expectEnumMapping(
      TEMPLATE_CATEGORIES,
      {
        rows: [
          ['UTILITY', 'UTILITY'],
          ['MARKETING', 'MARKETING'],
          ['AUTHENTICATION', 'AUTHENTICATION'],
          ['TRANSACTIONAL', 'UTILITY'],
          ['OTP', 'AUTHENTICATION'],
          ['text_image_button', 'UNKNOWN'],
        ],
      },
      (category) => template({ Category: category }).category,
    );
  });

  it('QualityScore', () => {
    expectEnumMapping(
      QUALITY_SCORES,
      {
        rows: [
          ['GREEN', 'GREEN'],
          ['YELLOW', 'YELLOW'],
          ['RED', 'RED'],
          ['UNKNOWN', 'UNKNOWN'],
        ],
      },
      (score) => template({ QualityScore: score }).qualityScore,
    );
  });

  it('Reason: free text matched against the reasons, spaces or not', () => {
    expectEnumMapping(
      REJECTED_REASONS,
      {
        rows: [
          ...REJECTED_REASONS.map((reason) => [reason, reason] as const),
          ['None', 'NONE'],
          ['Tag content mismatch', 'TAG_CONTENT_MISMATCH'],
          ['Spam detected', 'UNKNOWN'],
        ],
      },
      (reason) => template({ Reason: reason }).rejectedReason,
    );
  });

  it('parameter format: NAMED from the variables; CAMS cannot say POSITIONAL', () => {
    expectEnumMapping(
      PARAMETER_FORMATS,
      {
        rows: [['Hi {{first_name}}', 'NAMED']],
        notExpressible: {
          POSITIONAL: 'CAMS sends no format; a template without one is positional, so the field stays absent',
          UNKNOWN: 'CAMS sends no format to be unknown',
        },
      },
      (text) => template({ Components: [{ Type: 'BODY', Text: text }] }).parameterFormat,
    );
  });

  it('component Type', () => {
    expectEnumMapping(
      COMPONENT_TYPES,
      {
        rows: [
          ...COMPONENT_TYPES.map((type) => [type, type] as const),
          ['body', 'BODY'],
          ['CALL_PERMISSION_REQUEST', 'UNKNOWN'],
        ],
      },
      (type) => component({ Type: type }).type,
    );
  });

  it('header Format: the four documented, LOCATION from its coordinates, the rest by Meta’s names', () => {
    const format = (wire: Record<string, unknown>) =>
      (component({ Type: 'HEADER', ...wire }) as Extract<TemplateComponent, { type: 'HEADER' }>).format;
    expectEnumMapping(
      HEADER_FORMATS,
      {
        rows: [
          ...HEADER_FORMATS.map((value) => [{ Format: value }, value] as const),
          [{ Latitude: '1.29', Longitude: '103.85' }, 'LOCATION'],
          [{ Format: 'HOLOGRAM' }, 'UNKNOWN'],
        ],
      },
      (wire) => format(wire as Record<string, unknown>),
    );
  });

  it('button Type: OTP from COPY_CODE in AUTHENTICATION, ONE_TAP and ZERO_TAP', () => {
    const fields = { Text: 'Go', Url: 'https://example.com', PhoneNumber: '+1555', FlowId: '1' };
    expectEnumMapping(
      BUTTON_TYPES,
      {
        rows: [
          [['QUICK_REPLY'], 'QUICK_REPLY'],
          [['URL'], 'URL'],
          [['PHONE_NUMBER'], 'PHONE_NUMBER'],
          [['COPY_CODE'], 'COPY_CODE'],
          [['COPY_CODE', 'AUTHENTICATION'], 'OTP'],
          [['ONE_TAP'], 'OTP'],
          [['ZERO_TAP'], 'OTP'],
          [['FLOW'], 'FLOW'],
          // The flow button's Type is undocumented: a FlowId tells it.
          [['NAVIGATE_FLOW'], 'FLOW'],
          [['CATALOG'], 'CATALOG'],
          [['MPM'], 'MPM'],
          [['VOICE_CALL'], 'VOICE_CALL'],
          [['APP', 'UTILITY', { FlowId: undefined }], 'UNKNOWN'],
        ],
      },
      (row) => {
        const [type, category, overrides] = row as [string, string?, Record<string, unknown>?];
        return button({ Type: type, ...fields, ...overrides }, category).type;
      },
    );
  });

  it('OTP type: COPY_CODE, ONE_TAP and ZERO_TAP, each its own button Type', () => {
    expectEnumMapping(
      OTP_TYPES,
      {
        rows: [
          ['COPY_CODE', 'COPY_CODE'],
          ['ONE_TAP', 'ONE_TAP'],
          ['ZERO_TAP', 'ZERO_TAP'],
          ['zero_tap', 'ZERO_TAP'],
        ],
        notExpressible: { UNKNOWN: 'each CAMS button Type is one OTP type; another Type is no OTP button' },
      },
      (type) =>
        (button({ Type: type, Text: 'Go' }, 'AUTHENTICATION') as Extract<TemplateButton, { type: 'OTP' }>)
          .otpType,
    );
  });

  it('FlowAction: upper case on CAMS, lower case in the model, navigate when absent', () => {
    expectEnumMapping(
      FLOW_ACTIONS,
      {
        rows: [
          ['NAVIGATE', 'navigate'],
          ['DATA_EXCHANGE', 'data_exchange'],
          [undefined, 'navigate'],
          ['COMPLETE', 'UNKNOWN'],
        ],
      },
      (action) =>
        (
          button({ Type: 'FLOW', Text: 'Go', FlowId: '1', FlowAction: action }) as Extract<
            TemplateButton,
            { type: 'FLOW' }
          >
        ).flowAction,
    );
  });
});
