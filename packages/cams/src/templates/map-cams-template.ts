import {
  FLOW_ACTIONS,
  HEADER_FORMATS,
  type HeaderFormat,
  type NamedParameterExample,
  type Page,
  QUALITY_SCORES,
  type QualityScore,
  REJECTED_REASONS,
  type RejectedReason,
  TEMPLATE_STATUSES,
  type Template,
  type TemplateButton,
  type TemplateCategory,
  type TemplateComponent,
  type TemplateStatus,
  type TemplateSummary,
} from '@whatsapp-bsp/core';
import {
  definedOnly,
  isPositionalVariable,
  otpButtonApps,
  templateParameterFormat,
  templateVariableNames,
  toEnumValue,
  toTemplateCategory,
} from '@whatsapp-bsp/core/adapter';
import { dateFromEpochMs } from '../transport/cams-dates.js';
import { type CamsPage, nextCursor } from '../transport/cams-page.js';
import { camsTemplateId } from './cams-template-id.js';
import type {
  CamsButtonWire,
  CamsCardComponentWire,
  CamsComponentWire,
  CamsListTemplatesWire,
  CamsTemplateSummaryWire,
  CamsTemplateWire,
} from './cams-template-wire.js';

const PROVIDER = 'cams';

/**
 * CAMS `AuditStatus` is lower case. `unaudit` is "to be reviewed" in one vendor page and "review
 * suspended" in another; either way the template is not live yet, so PENDING. A newer
 * notification page writes the under-review value as `Audit`. Meta's upper-case values pass as is.
 */
const AUDIT_STATUS_ALIASES: Readonly<Record<string, TemplateStatus>> = {
  PASS: 'APPROVED',
  FAIL: 'REJECTED',
  AUDITING: 'PENDING',
  AUDIT: 'PENDING',
  UNAUDIT: 'PENDING',
};

export function mapCamsAuditStatus(auditStatus: unknown): TemplateStatus {
  return toEnumValue(TEMPLATE_STATUSES, auditStatus, AUDIT_STATUS_ALIASES);
}

/** `Reason` is free text (`"None"` in the examples); Meta's reason names are matched, spaces or not. */
function mapReason(reason: string | undefined): RejectedReason | undefined {
  const text = reason?.trim();
  return text ? toEnumValue(REJECTED_REASONS, text.replace(/[\s-]+/g, '_')) : undefined;
}

function mapQualityScore(score: unknown): QualityScore | undefined {
  return score === undefined || score === null || score === ''
    ? undefined
    : toEnumValue(QUALITY_SCORES, score);
}

/** One ListChatappTemplate item. */
export function mapCamsTemplateSummary(wire: CamsTemplateSummaryWire, raw: unknown): TemplateSummary {
  return definedOnly({
    provider: PROVIDER,
    raw,
    id: camsTemplateId(wire.TemplateCode, wire.Language),
    name: wire.TemplateName,
    language: wire.Language,
    category: toTemplateCategory(wire.Category),
    status: mapCamsAuditStatus(wire.AuditStatus),
    rejectedReason: mapReason(wire.Reason),
    updatedAt: dateFromEpochMs(wire.LastUpdateTime),
  });
}

/**
 * One page of ListChatappTemplate: the answer, and `raw`, its `ListTemplate` as received. An
 * empty page ends the list whatever `Total` says; without a `Total` (undocumented, but cheap to
 * survive), a full page means more.
 */
export function mapCamsTemplatePage(
  wire: CamsListTemplatesWire,
  raw: unknown,
  page: CamsPage,
): Page<TemplateSummary> {
  const rawItems: readonly unknown[] = Array.isArray(raw) ? raw : [];
  const items = wire.ListTemplate ?? [];
  const total = wire.Total;
  const hasNext =
    items.length > 0 && (total === undefined ? items.length >= page.size : page.index * page.size < total);
  return {
    items: items.map((item, i) => mapCamsTemplateSummary(item, rawItems[i])),
    ...nextCursor(page, hasNext),
    ...(total !== undefined && { total }),
  };
}

/**
 * GetChatappTemplateDetail's `Data`. The detail is fetched per language, so the requested
 * language stands in when the answer omits it.
 */
export function mapCamsTemplate(wire: CamsTemplateWire, raw: unknown, requestedLanguage: string): Template {
  const language = wire.Language ?? requestedLanguage;
  const category = toTemplateCategory(wire.Category);
  const examples = wire.Example;
  const components = (wire.Components ?? []).map((component) =>
    mapComponent(component, category, examples, component.Cards ?? []),
  );
  return definedOnly({
    provider: PROVIDER,
    raw,
    id: camsTemplateId(wire.TemplateCode, language),
    name: (wire.Name ?? wire.TemplateName) as string,
    language,
    category,
    status: mapCamsAuditStatus(wire.AuditStatus),
    rejectedReason: mapReason(wire.Reason),
    qualityScore: mapQualityScore(wire.QualityScore),
    messageSendTtlSeconds: wire.MessageSendTtlSeconds,
    updatedAt: dateFromEpochMs(wire.LastUpdateTime),
    // CAMS sends no format; its samples keyed `{{first_name}}` show a NAMED template.
    parameterFormat: templateParameterFormat(undefined, components),
    components,
  });
}

type CamsCardWire = NonNullable<CamsComponentWire['Cards']>[number];

/** `cards` are the component's own `Cards`; a card's components have none. */
function mapComponent(
  component: CamsCardComponentWire,
  category: TemplateCategory,
  examples: Readonly<Record<string, unknown>> | undefined,
  cards: readonly CamsCardWire[] = [],
): TemplateComponent {
  const rawType = component.Type ?? '';
  const text = component.Text;
  switch (rawType.trim().toUpperCase()) {
    case 'HEADER': {
      const format = headerFormat(component);
      const samples = format === 'TEXT' ? samplesFor(text, examples) : undefined;
      return definedOnly({
        type: 'HEADER',
        format,
        text,
        mediaUrl: component.Url,
        example:
          samples && definedOnly({ headerText: samples.positional, headerTextNamedParams: samples.named }),
      });
    }
    case 'BODY': {
      const samples = samplesFor(text, examples);
      return definedOnly({
        type: 'BODY',
        text,
        example:
          samples &&
          definedOnly({
            bodyText: samples.positional && [samples.positional],
            bodyTextNamedParams: samples.named,
          }),
        addSecurityRecommendation: component.AddSecretRecommendation,
      });
    }
    case 'FOOTER':
      return definedOnly({ type: 'FOOTER', text, codeExpirationMinutes: component.CodeExpirationMinutes });
    case 'BUTTONS':
      return {
        type: 'BUTTONS',
        buttons: (component.Buttons ?? []).map((button) => mapButton(button, category, examples)),
      };
    case 'CAROUSEL':
      // The template-level samples cannot tell one card's {{1}} from the body's, so cards get none.
      return {
        type: 'CAROUSEL',
        cards: cards.map((card) => ({
          components: (card.CardComponents ?? []).map((part) => mapComponent(part, category, undefined)),
        })),
      };
    case 'LIMITED_TIME_OFFER':
      return definedOnly({
        type: 'LIMITED_TIME_OFFER',
        text,
        hasExpiration: component.hasExpiration ?? component.HasExpiration,
      });
    default:
      return { type: 'UNKNOWN', rawType };
  }
}

/** The location header's `Format` value is undocumented; its coordinates give it away. */
function headerFormat(component: CamsCardComponentWire): HeaderFormat {
  if (component.Format !== undefined) return toEnumValue(HEADER_FORMATS, component.Format);
  if (component.Latitude !== undefined || component.Longitude !== undefined) return 'LOCATION';
  return component.Text === undefined ? 'UNKNOWN' : 'TEXT';
}

/**
 * The samples of a text's variables from CAMS's template-level `Example` map, which keys them as
 * they are written (`{"{{1}}": "Bob"}`, `{"{{first_name}}": "Maria"}`): positional ones in
 * number order, named ones in order of appearance with their names. All or nothing: a partial
 * list would pair values with the wrong variables; a text mixing both styles gets none (Meta
 * never mixes them), and the map stays in `raw`.
 */
function samplesFor(
  text: string | undefined,
  examples: Readonly<Record<string, unknown>> | undefined,
): { positional?: string[]; named?: NamedParameterExample[] } | undefined {
  if (text === undefined || examples === undefined) return undefined;
  const names = templateVariableNames(text);
  if (names.length === 0) return undefined;
  const positional = names.every(isPositionalVariable);
  if (!positional && names.some(isPositionalVariable)) return undefined;
  if (positional) names.sort((a, b) => Number(a) - Number(b));
  const samples = names.map((name) => examples[`{{${name}}}`] ?? examples[name]);
  if (!samples.every((sample) => typeof sample === 'string')) return undefined;
  const values = samples as string[];
  return positional
    ? { positional: values }
    : { named: names.map((name, index) => ({ paramName: name, example: values[index] as string })) };
}

/**
 * CAMS has no OTP button type: AUTHENTICATION templates carry `COPY_CODE`, `ONE_TAP` or
 * `ZERO_TAP` directly, which are Meta's OTP button with that `otp_type`; elsewhere `COPY_CODE` is a
 * coupon. `ZERO_TAP` is not in the SDK's list of button types, but its `SupportedApps` are "the
 * apps that support one-tap authentication and zero-tap authentication", so CAMS carries it. The flow
 * button's `Type` value is undocumented, so a button with a `FlowId` and an unknown type is one.
 * A button missing a field the model requires stays visible as UNKNOWN rather than half-filled.
 */
function mapButton(
  button: CamsButtonWire,
  category: TemplateCategory,
  examples: Readonly<Record<string, unknown>> | undefined,
): TemplateButton {
  const rawType = button.Type ?? '';
  const type = rawType.trim().toUpperCase();
  const text = button.Text;
  const unknown = (): TemplateButton => definedOnly({ type: 'UNKNOWN', rawType, text });
  const otp = (otpType: 'COPY_CODE' | 'ONE_TAP' | 'ZERO_TAP'): TemplateButton =>
    definedOnly({
      type: 'OTP',
      otpType,
      text,
      autofillText: button.AutofillText,
      ...otpButtonApps(
        { packageName: button.PackageName, signatureHash: button.SignatureHash },
        button.SupportedApps?.map((app) => ({
          packageName: app.PackageName,
          signatureHash: app.SignatureHash,
        })),
      ),
    });
  switch (type) {
    case 'QUICK_REPLY':
      return text === undefined ? unknown() : { type: 'QUICK_REPLY', text };
    case 'URL':
      return text === undefined || button.Url === undefined
        ? unknown()
        : definedOnly({ type: 'URL', text, url: button.Url, example: urlSample(button.Url, examples) });
    case 'PHONE_NUMBER':
      return text === undefined || button.PhoneNumber === undefined
        ? unknown()
        : { type: 'PHONE_NUMBER', text, phoneNumber: button.PhoneNumber };
    case 'COPY_CODE':
      return category === 'AUTHENTICATION'
        ? otp('COPY_CODE')
        : definedOnly({ type: 'COPY_CODE', text, example: button.CouponCode });
    case 'ONE_TAP':
      return otp('ONE_TAP');
    case 'ZERO_TAP':
      return otp('ZERO_TAP');
    case 'CATALOG':
    case 'MPM':
    case 'VOICE_CALL':
      return definedOnly({ type, text });
    case 'FLOW':
      return flowButton(button) ?? unknown();
    default:
      return (button.FlowId !== undefined && flowButton(button)) || unknown();
  }
}

/**
 * A dynamic URL's sample in Meta's form, the whole URL, from the template-level `Example` map,
 * which holds its variable's value as it holds every other variable's: `Url`
 * `https://example.com/track/{{1}}` with `{"{{1}}": "Bob"}` is `https://example.com/track/Bob`.
 */
function urlSample(
  url: string,
  examples: Readonly<Record<string, unknown>> | undefined,
): string[] | undefined {
  const names = templateVariableNames(url);
  const name = names[0];
  if (examples === undefined || names.length !== 1 || name === undefined) return undefined;
  const sample = examples[`{{${name}}}`] ?? examples[name];
  if (typeof sample !== 'string') return undefined;
  const start = url.indexOf('{{');
  return [url.slice(0, start) + sample + url.slice(url.indexOf('}}', start) + 2)];
}

function flowButton(button: CamsButtonWire): TemplateButton | undefined {
  if (button.Text === undefined || button.FlowId === undefined) return undefined;
  return definedOnly({
    type: 'FLOW' as const,
    text: button.Text,
    flowId: button.FlowId,
    // Meta's default action when none is given.
    flowAction: button.FlowAction === undefined ? 'navigate' : flowAction(button.FlowAction),
    navigateScreen: button.NavigateScreen,
  });
}

function flowAction(action: string): (typeof FLOW_ACTIONS)[number] | 'UNKNOWN' {
  const lower = action.trim().toLowerCase();
  return (FLOW_ACTIONS as readonly string[]).includes(lower)
    ? (lower as (typeof FLOW_ACTIONS)[number])
    : 'UNKNOWN';
}
