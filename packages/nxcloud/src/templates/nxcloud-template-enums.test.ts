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
import { templateItem } from '../__fixtures__/nxcloud-built-payloads.js';
import { mapNxcloudTemplate } from '../nxcloud-payloads.js';

/*
 * Every enum of NXCloud's templates against the model's values, both ways: each value NXCloud's
 * pages (or Meta's objects, which NXCloud relays) use maps to its model value, and each model
 * value is reached from some NXCloud value or is declared out of NXCloud's reach.
 */

const template = (fields: Record<string, unknown>): Template =>
  mapNxcloudTemplate({ ...templateItem('1'), ...fields });
const component = (wire: Record<string, unknown>): TemplateComponent =>
  template({ components: [wire] }).components[0] as TemplateComponent;
const button = (wire: Record<string, unknown>): TemplateButton => {
  const buttons = component({ type: 'BUTTONS', buttons: [wire] });
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

describe('NXCloud template enums, both ways', () => {
  it('status: Meta’s names, any case', () => {
    expectEnumMapping(
      TEMPLATE_STATUSES,
      {
        rows: [
          ...TEMPLATE_STATUSES.map((status) => [status, status] as const),
          ['paused', 'PAUSED'],
          ['FLAGGED', 'UNKNOWN'],
        ],
      },
      (status) => template({ status }).status,
    );
  });

  it('category: the three, and the legacy ones as their successors', () => {
    expectEnumMapping(
      TEMPLATE_CATEGORIES,
      {
        rows: [
          ['MARKETING', 'MARKETING'],
          ['UTILITY', 'UTILITY'],
          ['AUTHENTICATION', 'AUTHENTICATION'],
          ['OTP', 'AUTHENTICATION'],
          ['TRANSACTIONAL', 'UTILITY'],
          ['ACCOUNT_UPDATE', 'UTILITY'],
          ['text_image', 'UNKNOWN'],
        ],
      },
      (category) => template({ category }).category,
    );
  });

  it('quality_score.score', () => {
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
      (score) => template({ quality_score: { score } }).qualityScore,
    );
  });

  it('rejected_reason', () => {
    expectEnumMapping(
      REJECTED_REASONS,
      { rows: [...REJECTED_REASONS.map((reason) => [reason, reason] as const), ['TOO_FUNNY', 'UNKNOWN']] },
      (reason) => template({ rejected_reason: reason }).rejectedReason,
    );
  });

  it('parameter_format', () => {
    expectEnumMapping(
      PARAMETER_FORMATS,
      {
        rows: [
          ['POSITIONAL', 'POSITIONAL'],
          ['NAMED', 'NAMED'],
          ['MIXED', 'UNKNOWN'],
        ],
      },
      (format) => template({ parameter_format: format }).parameterFormat,
    );
  });

  it('component type', () => {
    expectEnumMapping(
      COMPONENT_TYPES,
      {
        rows: [
          ...COMPONENT_TYPES.map((type) => [type, type] as const),
          ['CALL_PERMISSION_REQUEST', 'UNKNOWN'],
        ],
      },
      (type) => component({ type }).type,
    );
  });

  it('header format', () => {
    expectEnumMapping(
      HEADER_FORMATS,
      { rows: [...HEADER_FORMATS.map((format) => [format, format] as const), ['HOLOGRAM', 'UNKNOWN']] },
      (format) =>
        (component({ type: 'HEADER', format }) as Extract<TemplateComponent, { type: 'HEADER' }>).format,
    );
  });

  it('button type', () => {
    // Each with the fields its type requires; a button lacking them is UNKNOWN (tested elsewhere).
    const fields = {
      text: 'Go',
      url: 'https://example.com',
      phone_number: '+1555',
      flow_id: '1',
      otp_type: 'COPY_CODE',
    };
    expectEnumMapping(
      BUTTON_TYPES,
      { rows: [...BUTTON_TYPES.map((type) => [type, type] as const), ['SPM', 'UNKNOWN']] },
      (type) => button({ type, ...fields }).type,
    );
  });

  it('otp_type', () => {
    expectEnumMapping(
      OTP_TYPES,
      {
        rows: [
          ...OTP_TYPES.map((type) => [type, type] as const),
          ['one_tap', 'ONE_TAP'],
          ['TWO_TAP', 'UNKNOWN'],
        ],
      },
      (otpType) =>
        (button({ type: 'OTP', otp_type: otpType }) as Extract<TemplateButton, { type: 'OTP' }>).otpType,
    );
  });

  it('flow_action: lower case as Meta writes it, navigate when absent', () => {
    expectEnumMapping(
      FLOW_ACTIONS,
      {
        rows: [
          ['navigate', 'navigate'],
          ['data_exchange', 'data_exchange'],
          ['DATA_EXCHANGE', 'data_exchange'],
          [undefined, 'navigate'],
          ['complete', 'UNKNOWN'],
        ],
      },
      (action) =>
        (
          button({ type: 'FLOW', text: 'Go', flow_id: '1', flow_action: action }) as Extract<
            TemplateButton,
            { type: 'FLOW' }
          >
        ).flowAction,
    );
  });
});
