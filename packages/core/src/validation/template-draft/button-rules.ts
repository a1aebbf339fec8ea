import type { TemplateDraft, TemplateDraftButton } from '../../model/inputs/template-draft.js';
import { findTemplateVariables } from '../../model/template-variables.js';
import { isWebLink } from './component-rules.js';
import type { DraftFacts } from './draft-facts.js';
import type { TemplateIssues } from './template-issues.js';
import { characterCount, isBlank } from './text-measures.js';

const BUTTONS_MAX = 10;
const TEXT_MAX = 25;
const URL_MAX = 2000;
const PHONE_MAX = 20;
/** How many buttons of a type a template may have. */
const PER_TYPE_MAX = [
  ['URL', 2, 'URL_BUTTONS_TOO_MANY'],
  ['PHONE_NUMBER', 1, 'PHONE_BUTTONS_TOO_MANY'],
  ['COPY_CODE', 1, 'COPY_CODE_BUTTONS_TOO_MANY'],
] as const;
/** Buttons whose text the template sets (the others' text WhatsApp may write). */
const TEXT_REQUIRED: readonly string[] = ['QUICK_REPLY', 'URL', 'PHONE_NUMBER', 'FLOW'];

/**
 * The buttons of a MARKETING or UTILITY template, and of carousel cards: how many, of which
 * types, in which order, and what each holds. An AUTHENTICATION template's one OTP button is the
 * authentication rules' to check.
 */
export function checkButtons(draft: TemplateDraft, facts: DraftFacts, issues: TemplateIssues): void {
  if (draft.category === 'AUTHENTICATION') return;
  for (const { component, path } of facts.placed) {
    if (component.type !== 'BUTTONS') continue;
    const listPath = `${path}.buttons`;
    const { buttons } = component;
    if (buttons.length === 0)
      issues.add('BUTTONS_EMPTY', listPath, 'A BUTTONS component holds at least one button.');
    if (buttons.length > BUTTONS_MAX) {
      issues.add(
        'BUTTONS_TOO_MANY',
        listPath,
        `At most ${BUTTONS_MAX} buttons; there are ${buttons.length}.`,
      );
    }
    // One pass: how many of each type, and where the quick replies start and end.
    const counts: Partial<Record<string, number>> = {};
    let firstReply = -1;
    let lastReply = -1;
    buttons.forEach((button, index) => {
      counts[button.type] = (counts[button.type] ?? 0) + 1;
      if (button.type !== 'QUICK_REPLY') return;
      if (firstReply < 0) firstReply = index;
      lastReply = index;
    });
    for (const [type, max, code] of PER_TYPE_MAX) {
      const count = counts[type] ?? 0;
      if (count > max) {
        issues.add(
          code,
          listPath,
          `At most ${max} ${type} button${max === 1 ? '' : 's'}; there are ${count}.`,
        );
      }
    }
    if (firstReply >= 0 && lastReply - firstReply + 1 !== (counts.QUICK_REPLY ?? 0)) {
      issues.add(
        'QUICK_REPLIES_NOT_GROUPED',
        listPath,
        'Quick replies stand together, before or after the other buttons, not between them.',
      );
    }
    buttons.forEach((button, index) => {
      checkButton(button, `${listPath}[${index}]`, issues);
    });
  }
}

function checkButton(button: TemplateDraftButton, path: string, issues: TemplateIssues): void {
  if (button.type === 'UNKNOWN') {
    issues.add('BUTTON_UNKNOWN', path, `A ${button.rawType} button cannot be written.`);
    return;
  }
  if (button.type === 'OTP') {
    issues.add('OTP_BUTTON_OUTSIDE_AUTHENTICATION', path, 'OTP buttons belong to AUTHENTICATION templates.');
    return;
  }
  checkButtonText(button, path, issues);
  switch (button.type) {
    case 'URL':
      checkUrl(button, path, issues);
      break;
    case 'PHONE_NUMBER':
      if (isBlank(button.phoneNumber)) {
        issues.add('PHONE_NUMBER_MISSING', `${path}.phoneNumber`, 'A phone button needs its number.');
      } else if (characterCount(button.phoneNumber) > PHONE_MAX) {
        issues.add(
          'PHONE_NUMBER_TOO_LONG',
          `${path}.phoneNumber`,
          `A phone number is at most ${PHONE_MAX} characters.`,
        );
      }
      break;
    case 'COPY_CODE':
      if (isBlank(button.example)) {
        issues.add('COPY_CODE_EXAMPLE_MISSING', `${path}.example`, 'A copy-code button needs a sample code.');
      }
      break;
    case 'FLOW': {
      const targets = [button.flowId, button.flowName, button.flowJson].filter((target) => !isBlank(target));
      if (targets.length !== 1) {
        issues.add(
          'FLOW_BUTTON_TARGET',
          path,
          'A flow button names its flow by exactly one of flowId, flowName or flowJson.',
        );
      }
      if (button.flowAction === 'UNKNOWN') {
        issues.add(
          'FLOW_ACTION_INVALID',
          `${path}.flowAction`,
          'The flow action is navigate or data_exchange.',
        );
      } else if (button.flowAction === 'navigate' && isBlank(button.navigateScreen)) {
        issues.add(
          'FLOW_SCREEN_MISSING',
          `${path}.navigateScreen`,
          'A navigate flow button names the first screen.',
        );
      }
      break;
    }
  }
}

/** Text every button type may carry; the types of `TEXT_REQUIRED` must. Shared with the OTP button. */
export function checkButtonText(
  button: { readonly type: string; readonly text?: string | undefined },
  path: string,
  issues: TemplateIssues,
): void {
  if (isBlank(button.text)) {
    if (TEXT_REQUIRED.includes(button.type))
      issues.add('BUTTON_TEXT_MISSING', `${path}.text`, 'The button needs its text.');
    return;
  }
  const text = button.text as string;
  if (characterCount(text) > TEXT_MAX) {
    issues.add('BUTTON_TEXT_TOO_LONG', `${path}.text`, `A button's text is at most ${TEXT_MAX} characters.`);
  }
  if (findTemplateVariables(text).length > 0) {
    issues.add('BUTTON_TEXT_HAS_VARIABLE', `${path}.text`, "A button's text has no variables.");
  }
}

function checkUrl(
  button: Extract<TemplateDraftButton, { type: 'URL' }>,
  path: string,
  issues: TemplateIssues,
): void {
  const urlPath = `${path}.url`;
  const variables = findTemplateVariables(button.url);
  // The variable stands for text the message fills in; a placeholder keeps the rest checkable.
  const filled = variables.reduceRight(
    (url, variable) => `${url.slice(0, variable.start)}x${url.slice(variable.end)}`,
    button.url,
  );
  if (!isWebLink(filled)) issues.add('URL_INVALID', urlPath, 'The button URL must be an http(s) URL.');
  if (characterCount(button.url) > URL_MAX) {
    issues.add('URL_TOO_LONG', urlPath, `A button URL is at most ${URL_MAX} characters.`);
  }
  if (variables.length > 1) {
    issues.add('URL_TOO_MANY_VARIABLES', urlPath, 'A button URL has at most one variable.');
  } else if (variables.length === 1 && (variables[0] as { end: number }).end !== button.url.length) {
    issues.add('URL_VARIABLE_NOT_AT_END', urlPath, "The URL's variable ends the URL.");
  }
  if (variables.length > 0 && !button.example?.some((sample) => !isBlank(sample))) {
    issues.add('URL_EXAMPLE_MISSING', `${path}.example`, 'A URL with a variable needs a sample.');
  }
}
