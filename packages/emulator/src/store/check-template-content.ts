import type { TemplateComponent } from '../model.js';

/**
 * Meta's content rules for a new or edited template, which both vendors enforce (NXCloud relays
 * Meta's refusal, CAMS has a code for several of them). Each vendor turns a violation into its own
 * error answer.
 */
export type TemplateContentRule =
  | 'BODY_REQUIRED'
  | 'TEXT_REQUIRED'
  | 'TEXT_TOO_LONG'
  | 'HEADER_FORMAT'
  | 'HEADER_VARIABLES'
  | 'FOOTER_VARIABLE'
  | 'CODE_EXPIRATION'
  | 'EXAMPLE_MISSING'
  | 'BUTTON_TEXT_VARIABLE'
  | 'URL_VARIABLES';

export interface TemplateContentViolation {
  rule: TemplateContentRule;
  /** Where, as `components[1].text`. */
  path: string;
  message: string;
}

/** The categories a new template may take (legacy ones such as `OTP` are read, never created). */
export const TEMPLATE_CATEGORIES: readonly string[] = ['MARKETING', 'UTILITY', 'AUTHENTICATION'];

/** Meta's template names: lower-case letters, digits and underscores, at most 512. */
export function isTemplateName(name: string): boolean {
  return /^[a-z0-9_]{1,512}$/.test(name);
}

const HEADER_FORMATS = new Set(['TEXT', 'IMAGE', 'VIDEO', 'DOCUMENT', 'LOCATION']);
/** The limits CAMS's CreateChatappTemplate page states; they are Meta's. */
const MAX_LENGTH = { HEADER: 60, BODY: 1024, FOOTER: 60 } as const;

/** The distinct variables (`{{1}}`, `{{name}}`) of a text. */
export function variablesOf(text: string | undefined): string[] {
  return [...new Set([...(text ?? '').matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1] as string))];
}

/** The first rule the components break, or undefined. */
export function checkTemplateContent(
  category: string,
  components: readonly TemplateComponent[],
): TemplateContentViolation | undefined {
  const authentication = category === 'AUTHENTICATION';
  const violation = (rule: TemplateContentRule, path: string, message: string) => ({ rule, path, message });
  if (components.filter((part) => part.type === 'BODY').length !== 1) {
    return violation('BODY_REQUIRED', 'components', 'a template has exactly one BODY component');
  }
  for (const [index, part] of components.entries()) {
    const path = `components[${index}]`;
    if (part.type === 'HEADER' || part.type === 'BODY' || part.type === 'FOOTER') {
      const needsText = part.type === 'HEADER' ? part.format === 'TEXT' : !authentication;
      if (needsText && !part.text) return violation('TEXT_REQUIRED', `${path}.text`, 'is required');
      if ((part.text ?? '').length > MAX_LENGTH[part.type]) {
        return violation(
          'TEXT_TOO_LONG',
          `${path}.text`,
          `is longer than ${MAX_LENGTH[part.type]} characters`,
        );
      }
    }
    switch (part.type) {
      case 'HEADER': {
        if (!HEADER_FORMATS.has(part.format)) {
          return violation('HEADER_FORMAT', `${path}.format`, `${part.format} is not a header format`);
        }
        const variables = variablesOf(part.text);
        if (variables.length > 1) {
          return violation('HEADER_VARIABLES', `${path}.text`, 'a header takes at most one variable');
        }
        if (variables.length === 1 && part.example === undefined) {
          return violation('EXAMPLE_MISSING', `${path}.example`, 'the header variable needs a sample');
        }
        break;
      }
      case 'BODY': {
        const variables = variablesOf(part.text);
        if (variables.length > 0 && part.example?.length !== variables.length) {
          return violation(
            'EXAMPLE_MISSING',
            `${path}.example`,
            `the body has ${variables.length} variables and ${part.example?.length ?? 0} samples`,
          );
        }
        break;
      }
      case 'FOOTER': {
        if (variablesOf(part.text).length > 0) {
          return violation('FOOTER_VARIABLE', `${path}.text`, 'a footer takes no variables');
        }
        const minutes = part.codeExpirationMinutes;
        if (minutes !== undefined && (minutes < 1 || minutes > 90)) {
          return violation('CODE_EXPIRATION', `${path}.codeExpirationMinutes`, 'must be from 1 to 90');
        }
        break;
      }
      case 'BUTTONS':
        for (const [buttonIndex, button] of part.buttons.entries()) {
          const buttonPath = `${path}.buttons[${buttonIndex}]`;
          if ('text' in button && variablesOf(button.text).length > 0) {
            return violation(
              'BUTTON_TEXT_VARIABLE',
              `${buttonPath}.text`,
              'a button text takes no variables',
            );
          }
          if (button.type === 'URL') {
            const variables = variablesOf(button.url);
            if (variables.length > 1 || (variables.length === 1 && !/\{\{\s*\w+\s*\}\}$/.test(button.url))) {
              return violation('URL_VARIABLES', `${buttonPath}.url`, 'a URL takes one variable, at its end');
            }
          }
        }
        break;
      case 'LIMITED_TIME_OFFER':
        break;
    }
  }
  return undefined;
}
