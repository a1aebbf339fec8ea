import type {
  TemplateDraft,
  TemplateDraftButton,
  TemplateDraftComponent,
} from '../model/inputs/template-draft.js';
import type { NamedParameterExample } from '../model/template-component.js';

/** A template draft reduced to what a plan compares; plain JSON data. */
export type NormalizedTemplate = Record<string, unknown>;

/**
 * Where each component type sits in the order WhatsApp and both vendors list components; a file
 * may list them in any order.
 */
const COMPONENT_RANK: Readonly<Record<string, number>> = {
  HEADER: 0,
  LIMITED_TIME_OFFER: 1,
  BODY: 2,
  FOOTER: 3,
  BUTTONS: 4,
  CAROUSEL: 5,
  UNKNOWN: 6,
};

/**
 * The form in which two drafts of one template are compared, so that only differences a vendor
 * would keep show as changes:
 *
 * - `name` and `language` are left out: they are the template's identity, equal by construction;
 * - texts lose leading and trailing whitespace and `\r\n` line ends (a YAML block scalar ends
 *   with a line break; vendors store the trimmed text);
 * - components are in WhatsApp's order (header, limited-time offer, body, footer, buttons,
 *   carousel), whatever the order written; buttons keep theirs, which the user sees;
 * - named-parameter samples are sorted by name; of the positional body samples only the first
 *   set counts (the one WhatsApp reviews, and the only one CAMS keeps); samples of a text without
 *   variables are left out; a dynamic URL's sample is the whole URL, also when written as the
 *   variable's value alone;
 * - media header samples are left out: an upload handle is valid only at the vendor that issued
 *   it, and a sample link comes back as the vendor's own copy;
 * - AUTHENTICATION bodies and footers keep only what a create sends (WhatsApp writes the texts),
 *   as `toTemplateDraft` does; an OTP button's single-app fields that repeat its first supported
 *   app are left out;
 * - `parameterFormat` is left out (the texts say whether variables are named), and so are
 *   `false` flags that are WhatsApp's default (`addSecurityRecommendation`,
 *   `ctaUrlLinkTrackingOptedOut`).
 *
 * @returns New data; the draft is not modified.
 */
export function normalizeTemplateDraft(draft: TemplateDraft): NormalizedTemplate {
  const authentication = draft.category === 'AUTHENTICATION';
  const normalized: NormalizedTemplate = {
    category: draft.category,
    components: normalizeComponents(draft.components, authentication),
  };
  if (draft.messageSendTtlSeconds !== undefined)
    normalized.messageSendTtlSeconds = draft.messageSendTtlSeconds;
  if (draft.subCategory !== undefined) normalized.subCategory = cleanText(draft.subCategory);
  if (draft.libraryTemplateName !== undefined)
    normalized.libraryTemplateName = cleanText(draft.libraryTemplateName);
  if (draft.ctaUrlLinkTrackingOptedOut === true) normalized.ctaUrlLinkTrackingOptedOut = true;
  return normalized;
}

/** A text as vendors keep it: no surrounding whitespace, `\n` line ends. */
export function cleanText(text: string): string {
  const unified = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  return unified.trim();
}

function normalizeComponents(
  components: readonly TemplateDraftComponent[],
  authentication: boolean,
): Record<string, unknown>[] {
  const normalized = components.map((component) => normalizeComponent(component, authentication));
  // A stable sort: components of one type (only in invalid drafts) keep their order.
  return normalized.sort((a, b) => rank(a.type) - rank(b.type));
}

function rank(type: unknown): number {
  return COMPONENT_RANK[type as string] ?? COMPONENT_RANK.UNKNOWN!;
}

function normalizeComponent(
  component: TemplateDraftComponent,
  authentication: boolean,
): Record<string, unknown> & { type: string } {
  switch (component.type) {
    case 'HEADER': {
      const header: Record<string, unknown> & { type: string } = { type: 'HEADER', format: component.format };
      if (component.text !== undefined) header.text = cleanText(component.text);
      // Only a text header's samples are comparable; a media sample is vendor-local (see above).
      if (component.format === 'TEXT' && hasVariables(component.text) && component.example !== undefined) {
        const example: Record<string, unknown> = {};
        if (component.example.headerText !== undefined)
          example.headerText = component.example.headerText.map(cleanText);
        if (component.example.headerTextNamedParams !== undefined)
          example.headerTextNamedParams = sortNamed(component.example.headerTextNamedParams);
        if (Object.keys(example).length > 0) header.example = example;
      }
      return header;
    }
    case 'BODY': {
      const body: Record<string, unknown> & { type: string } = { type: 'BODY' };
      if (!authentication) {
        if (component.text !== undefined) body.text = cleanText(component.text);
        if (hasVariables(component.text) && component.example !== undefined) {
          const example: Record<string, unknown> = {};
          const firstSet = component.example.bodyText?.[0];
          if (firstSet !== undefined) example.bodyText = [firstSet.map(cleanText)];
          if (component.example.bodyTextNamedParams !== undefined)
            example.bodyTextNamedParams = sortNamed(component.example.bodyTextNamedParams);
          if (Object.keys(example).length > 0) body.example = example;
        }
      }
      if (component.addSecurityRecommendation === true) body.addSecurityRecommendation = true;
      return body;
    }
    case 'FOOTER': {
      const footer: Record<string, unknown> & { type: string } = { type: 'FOOTER' };
      if (!authentication && component.text !== undefined) footer.text = cleanText(component.text);
      if (component.codeExpirationMinutes !== undefined)
        footer.codeExpirationMinutes = component.codeExpirationMinutes;
      return footer;
    }
    case 'BUTTONS':
      return { type: 'BUTTONS', buttons: component.buttons.map(normalizeButton) };
    case 'CAROUSEL':
      return {
        type: 'CAROUSEL',
        cards: component.cards.map((card) => ({
          components: normalizeComponents(card.components, authentication),
        })),
      };
    default:
      return cleanValue(component) as Record<string, unknown> & { type: string };
  }
}

function normalizeButton(button: TemplateDraftButton): unknown {
  const cleaned = cleanValue(button) as Record<string, unknown>;
  if (button.type === 'URL' && button.example !== undefined) {
    cleaned.example = button.example.map((sample) => fullUrlSample(cleanText(button.url), cleanText(sample)));
  }
  if (button.type !== 'OTP' || button.supportedApps === undefined) return cleaned;
  const first = button.supportedApps[0];
  if (
    first !== undefined &&
    (button.packageName === undefined || button.packageName === first.packageName) &&
    (button.signatureHash === undefined || button.signatureHash === first.signatureHash)
  ) {
    delete cleaned.packageName;
    delete cleaned.signatureHash;
  }
  return cleaned;
}

/**
 * A dynamic URL's sample as the whole URL, Meta's form. Vendors and the model also write it as the
 * variable's value alone (`LTO603` for `https://shop.example/offer?code={{1}}`), which is filled in.
 */
function fullUrlSample(url: string, sample: string): string {
  const start = url.indexOf('{{');
  const end = url.indexOf('}}', start);
  if (start < 0 || end < 0 || url.indexOf('{{', end) >= 0) return sample;
  const prefix = url.slice(0, start);
  const suffix = url.slice(end + 2);
  if (
    sample.startsWith(prefix) &&
    sample.endsWith(suffix) &&
    sample.length >= prefix.length + suffix.length
  ) {
    return sample;
  }
  return `${prefix}${sample}${suffix}`;
}

function sortNamed(samples: readonly NamedParameterExample[]): { paramName: string; example: string }[] {
  return samples
    .map((sample) => ({ paramName: cleanText(sample.paramName), example: cleanText(sample.example) }))
    .sort((a, b) => (a.paramName < b.paramName ? -1 : a.paramName > b.paramName ? 1 : 0));
}

function hasVariables(text: string | undefined): boolean {
  return text?.includes('{{') === true;
}

/** A copy without `undefined` keys, every string cleaned as a text. */
function cleanValue(value: unknown): unknown {
  if (typeof value === 'string') return cleanText(value);
  if (Array.isArray(value)) return value.map(cleanValue);
  if (typeof value !== 'object' || value === null) return value;
  const copy: Record<string, unknown> = {};
  for (const key in value) {
    const item = (value as Record<string, unknown>)[key];
    if (item !== undefined && Object.hasOwn(value, key)) copy[key] = cleanValue(item);
  }
  return copy;
}
