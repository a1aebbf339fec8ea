import type {
  TemplateDraft,
  TemplateDraftComponent,
  TemplateDraftHeader,
} from '../../model/inputs/template-draft.js';
import type { TemplateCategory } from '../../model/template.js';
import { findTemplateVariables, templateVariableNames } from '../../model/template-variables.js';
import type { TemplateIssues } from './template-issues.js';
import { characterCount, isBlank } from './text-measures.js';

const HEADER_MAX = 60;
const BODY_MAX = 1024;
const CARD_BODY_MAX = 160;
const FOOTER_MAX = 60;
const OFFER_TEXT_MAX = 16;
const CARDS_MIN = 2;
const CARDS_MAX = 10;
/** The components a carousel card may hold (Meta's media card carousels). */
const CARD_COMPONENTS: readonly TemplateDraftComponent['type'][] = ['HEADER', 'BODY', 'BUTTONS'];
const MEDIA_FORMATS: readonly string[] = ['IMAGE', 'VIDEO', 'DOCUMENT', 'GIF'];

/**
 * Which components a template holds and what each holds: one body, at most one of each kind,
 * carousel cards, limited-time offers, and the texts and samples of headers, bodies and footers.
 * The parts an AUTHENTICATION template may not have are the authentication rules' to report.
 */
export function checkComponents(draft: TemplateDraft, issues: TemplateIssues): void {
  checkComponentList(draft.components, 'components', draft.category, false, issues);
  if (!draft.components.some((component) => component.type === 'BODY')) {
    issues.add('BODY_MISSING', 'components', 'A template has exactly one BODY component.');
  }
  const offer = draft.components.findIndex((component) => component.type === 'LIMITED_TIME_OFFER');
  if (offer >= 0) {
    if (draft.category !== 'MARKETING' && draft.category !== 'UNKNOWN') {
      issues.add(
        'LIMITED_TIME_OFFER_CATEGORY',
        `components[${offer}]`,
        'A limited-time offer is only allowed in a MARKETING template.',
      );
    }
    const footer = draft.components.findIndex((component) => component.type === 'FOOTER');
    if (footer >= 0) {
      issues.add(
        'LIMITED_TIME_OFFER_WITH_FOOTER',
        `components[${footer}]`,
        'A template with a limited-time offer has no footer.',
      );
    }
  }
}

function checkComponentList(
  components: readonly TemplateDraftComponent[],
  base: string,
  category: TemplateCategory,
  inCard: boolean,
  issues: TemplateIssues,
): void {
  const seen = new Set<string>();
  components.forEach((component, index) => {
    const path = `${base}[${index}]`;
    if (component.type === 'UNKNOWN') {
      issues.add('COMPONENT_UNKNOWN', path, `A ${component.rawType} component cannot be written.`);
      return;
    }
    if (seen.has(component.type)) {
      issues.add(
        'COMPONENT_DUPLICATE',
        path,
        `Only one ${component.type} component is allowed${inCard ? ' in a card' : ''}.`,
      );
    }
    seen.add(component.type);
    if (inCard && !CARD_COMPONENTS.includes(component.type)) {
      issues.add(
        'CARD_COMPONENT_NOT_ALLOWED',
        path,
        `A carousel card holds a header, a body and buttons, not ${component.type}.`,
      );
      return;
    }
    const authentication = category === 'AUTHENTICATION';
    switch (component.type) {
      case 'HEADER':
        if (!authentication) checkHeader(component, path, issues);
        break;
      case 'BODY':
        if (!authentication) {
          if (isBlank(component.text)) {
            issues.add('BODY_TEXT_MISSING', `${path}.text`, 'The body needs its text.');
          } else if (characterCount(component.text as string) > (inCard ? CARD_BODY_MAX : BODY_MAX)) {
            const [code, max] = inCard
              ? (['CARD_BODY_TOO_LONG', CARD_BODY_MAX] as const)
              : (['BODY_TEXT_TOO_LONG', BODY_MAX] as const);
            issues.add(
              code,
              `${path}.text`,
              `The ${inCard ? "card's " : ''}body is at most ${max} characters.`,
            );
          }
          if (component.addSecurityRecommendation === true) {
            issues.add(
              'SECURITY_RECOMMENDATION_OUTSIDE_AUTHENTICATION',
              `${path}.addSecurityRecommendation`,
              'The security recommendation belongs to AUTHENTICATION templates.',
            );
          }
        }
        break;
      case 'FOOTER':
        if (!authentication) checkFooter(component, path, issues);
        break;
      case 'CAROUSEL':
        if (component.cards.length < CARDS_MIN || component.cards.length > CARDS_MAX) {
          issues.add(
            'CAROUSEL_CARD_COUNT',
            `${path}.cards`,
            `A carousel has ${CARDS_MIN} to ${CARDS_MAX} cards; this one has ${component.cards.length}.`,
          );
        }
        component.cards.forEach((card, cardIndex) => {
          checkComponentList(
            card.components,
            `${path}.cards[${cardIndex}].components`,
            category,
            true,
            issues,
          );
        });
        break;
      case 'LIMITED_TIME_OFFER':
        if (component.text !== undefined && characterCount(component.text) > OFFER_TEXT_MAX) {
          issues.add(
            'LIMITED_TIME_OFFER_TEXT_TOO_LONG',
            `${path}.text`,
            `A limited-time offer's text is at most ${OFFER_TEXT_MAX} characters.`,
          );
        }
        break;
    }
  });
}

function checkHeader(header: TemplateDraftHeader, path: string, issues: TemplateIssues): void {
  if (header.format === 'UNKNOWN') {
    issues.add('HEADER_FORMAT_INVALID', `${path}.format`, 'The header format must be one WhatsApp knows.');
    return;
  }
  if (header.format === 'TEXT') {
    if (isBlank(header.text)) {
      issues.add('HEADER_TEXT_MISSING', `${path}.text`, 'A TEXT header needs its text.');
      return;
    }
    const text = header.text as string;
    if (characterCount(text) > HEADER_MAX) {
      issues.add('HEADER_TEXT_TOO_LONG', `${path}.text`, `A header is at most ${HEADER_MAX} characters.`);
    }
    if (templateVariableNames(text).length > 1) {
      issues.add('HEADER_TOO_MANY_VARIABLES', `${path}.text`, 'A header has at most one variable.');
    }
    return;
  }
  if (!MEDIA_FORMATS.includes(header.format)) return;
  const handle = header.example?.headerHandle?.some((value) => !isBlank(value)) === true;
  const url = header.example?.headerUrl;
  if (!handle && isBlank(url)) {
    issues.add(
      'MEDIA_SAMPLE_MISSING',
      `${path}.example`,
      `An ${header.format} header needs a sample: an upload handle (headerHandle) or a link (headerUrl).`,
    );
    return;
  }
  if (url !== undefined && !isWebLink(url)) {
    issues.add(
      'MEDIA_SAMPLE_URL_INVALID',
      `${path}.example.headerUrl`,
      'The sample link must be an http(s) URL.',
    );
  }
  if (handle && url !== undefined) {
    issues.add(
      'MEDIA_SAMPLE_AMBIGUOUS',
      `${path}.example`,
      'Both a handle and a link are given; vendors use one (NXCloud takes the link).',
    );
  }
}

function checkFooter(
  footer: Extract<TemplateDraftComponent, { type: 'FOOTER' }>,
  path: string,
  issues: TemplateIssues,
): void {
  if (footer.codeExpirationMinutes !== undefined) {
    issues.add(
      'CODE_EXPIRATION_OUTSIDE_AUTHENTICATION',
      `${path}.codeExpirationMinutes`,
      'The code expiry belongs to AUTHENTICATION templates.',
    );
  } else if (isBlank(footer.text)) {
    issues.add('FOOTER_TEXT_MISSING', `${path}.text`, 'The footer needs its text.');
  }
  if (footer.text === undefined) return;
  if (characterCount(footer.text) > FOOTER_MAX) {
    issues.add('FOOTER_TEXT_TOO_LONG', `${path}.text`, `A footer is at most ${FOOTER_MAX} characters.`);
  }
  if (findTemplateVariables(footer.text).length > 0) {
    issues.add('FOOTER_HAS_VARIABLE', `${path}.text`, 'A footer has no variables.');
  }
}

/** An absolute http(s) URL. */
export function isWebLink(value: string): boolean {
  if (!/^https?:\/\//i.test(value)) return false;
  return URL.canParse(value);
}
