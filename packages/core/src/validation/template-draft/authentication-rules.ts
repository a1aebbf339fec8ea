import type { TemplateDraft } from '../../model/inputs/template-draft.js';
import type { TemplateButton } from '../../model/template-button.js';
import { checkButtonText } from './button-rules.js';
import type { TemplateIssues } from './template-issues.js';
import { isBlank } from './text-measures.js';

const CODE_EXPIRATION_MIN = 1;
const CODE_EXPIRATION_MAX = 90;
const APPS_MAX = 5;
const SIGNATURE_HASH_LENGTH = 11;

/**
 * An AUTHENTICATION template: no header, texts WhatsApp writes (the body's security
 * recommendation and the footer's code expiry are the only choices), and exactly one button, an
 * OTP button, whose one-tap and zero-tap forms name the apps that receive the code.
 */
export function checkAuthentication(draft: TemplateDraft, issues: TemplateIssues): void {
  if (draft.category !== 'AUTHENTICATION') return;
  let otpButtons = 0;
  let otherButtons = 0;
  draft.components.forEach((component, index) => {
    const path = `components[${index}]`;
    switch (component.type) {
      case 'HEADER':
        if (component.format === 'LOCATION') {
          issues.add(
            'LOCATION_HEADER_CATEGORY',
            path,
            'A location header is only allowed in UTILITY and MARKETING templates.',
          );
        } else {
          issues.add('AUTH_HEADER_NOT_ALLOWED', path, 'An AUTHENTICATION template has no header.');
        }
        break;
      case 'BODY':
        if (!isBlank(component.text)) {
          issues.add(
            'AUTH_BODY_TEXT_NOT_ALLOWED',
            `${path}.text`,
            'WhatsApp writes the body of an AUTHENTICATION template.',
          );
        }
        break;
      case 'FOOTER': {
        if (!isBlank(component.text)) {
          issues.add(
            'AUTH_FOOTER_TEXT_NOT_ALLOWED',
            `${path}.text`,
            'WhatsApp writes the footer of an AUTHENTICATION template.',
          );
        }
        const minutes = component.codeExpirationMinutes;
        if (minutes !== undefined && (minutes < CODE_EXPIRATION_MIN || minutes > CODE_EXPIRATION_MAX)) {
          issues.add(
            'CODE_EXPIRATION_OUT_OF_RANGE',
            `${path}.codeExpirationMinutes`,
            `The code expires after ${CODE_EXPIRATION_MIN} to ${CODE_EXPIRATION_MAX} minutes; got ${minutes}.`,
          );
        }
        break;
      }
      case 'CAROUSEL':
        issues.add('AUTH_COMPONENT_NOT_ALLOWED', path, 'An AUTHENTICATION template has no carousel.');
        break;
      case 'BUTTONS':
        if (component.buttons.length > 1) {
          issues.add(
            'AUTH_TOO_MANY_BUTTONS',
            `${path}.buttons`,
            'An AUTHENTICATION template has exactly one button.',
          );
        }
        component.buttons.forEach((button, buttonIndex) => {
          const buttonPath = `${path}.buttons[${buttonIndex}]`;
          if (button.type === 'OTP') {
            otpButtons++;
            checkOtpButton(button, buttonPath, issues);
          } else {
            otherButtons++;
            issues.add(
              'AUTH_BUTTON_NOT_OTP',
              buttonPath,
              `An AUTHENTICATION template's button is an OTP button, not ${button.type}.`,
            );
          }
        });
        break;
    }
  });
  // A button of another type has been reported as such already.
  if (otpButtons === 0 && otherButtons === 0) {
    issues.add('AUTH_OTP_BUTTON_MISSING', 'components', 'An AUTHENTICATION template has one OTP button.');
  }
}

function checkOtpButton(
  button: Extract<TemplateButton, { type: 'OTP' }>,
  path: string,
  issues: TemplateIssues,
): void {
  checkButtonText(button, path, issues);
  if (button.otpType === 'UNKNOWN') {
    issues.add('OTP_TYPE_INVALID', `${path}.otpType`, 'The OTP type is COPY_CODE, ONE_TAP or ZERO_TAP.');
    return;
  }
  const apps = button.supportedApps ?? [];
  if (button.otpType !== 'COPY_CODE') {
    const single = button.packageName !== undefined || button.signatureHash !== undefined;
    if (apps.length === 0 && !single) {
      issues.add(
        'OTP_APP_MISSING',
        path,
        `A ${button.otpType} button names its app: packageName and signatureHash, or supportedApps.`,
      );
    } else if (apps.length === 0 && (isBlank(button.packageName) || isBlank(button.signatureHash))) {
      issues.add('OTP_APP_INCOMPLETE', path, 'The app needs both its package name and its signature hash.');
    }
  }
  if (apps.length > APPS_MAX) {
    issues.add(
      'OTP_TOO_MANY_APPS',
      `${path}.supportedApps`,
      `At most ${APPS_MAX} apps; there are ${apps.length}.`,
    );
  }
  apps.forEach((app, index) => {
    const appPath = `${path}.supportedApps[${index}]`;
    if (isBlank(app.packageName) || isBlank(app.signatureHash)) {
      issues.add(
        'OTP_APP_INCOMPLETE',
        appPath,
        'The app needs both its package name and its signature hash.',
      );
    }
    checkSignatureHash(app.signatureHash, `${appPath}.signatureHash`, issues);
  });
  checkSignatureHash(button.signatureHash, `${path}.signatureHash`, issues);
}

function checkSignatureHash(hash: string | undefined, path: string, issues: TemplateIssues): void {
  if (hash !== undefined && !isBlank(hash) && hash.length !== SIGNATURE_HASH_LENGTH) {
    issues.add(
      'OTP_SIGNATURE_HASH_INVALID',
      path,
      `An app signature hash is ${SIGNATURE_HASH_LENGTH} characters; this one has ${hash.length}.`,
    );
  }
}
