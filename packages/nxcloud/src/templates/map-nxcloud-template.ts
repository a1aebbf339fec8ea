import {
  FLOW_ACTIONS,
  HEADER_FORMATS,
  type NamedParameterExample,
  OTP_TYPES,
  type Page,
  QUALITY_SCORES,
  REJECTED_REASONS,
  TEMPLATE_STATUSES,
  type Template,
  type TemplateButton,
  type TemplateComponent,
} from '@whatsapp-bsp/core';
import {
  definedOnly,
  otpButtonApps,
  templateParameterFormat,
  toEnumValue,
  toTemplateCategory,
} from '@whatsapp-bsp/core/adapter';
import { NXCLOUD_PROVIDER_ID } from '../nxcloud-id.js';
import { nextCursorFrom } from '../wire/nxcloud-paging.js';
import type {
  NxcloudTemplateButtonWire,
  NxcloudTemplateComponentWire,
  NxcloudTemplateListWire,
  NxcloudTemplateWire,
} from './nxcloud-template-wire.js';

/*
 * NXCloud's templates, already parsed by their wire schemas, turned into the model. `raw` is
 * always the vendor's object as received, not its parsed form.
 */

/** One getTemplate item. */
export function templateFromWire(wire: NxcloudTemplateWire, raw: unknown): Template {
  const quality = typeof wire.quality_score === 'string' ? { score: wire.quality_score } : wire.quality_score;
  const score = quality?.score;
  const components = (wire.components ?? []).map(mapComponent);
  return definedOnly({
    provider: NXCLOUD_PROVIDER_ID,
    raw,
    id: wire.id,
    name: wire.name,
    language: wire.language,
    // Legacy values such as the example's `OTP` map to their successor (`AUTHENTICATION`).
    category: toTemplateCategory(wire.category),
    status: toEnumValue(TEMPLATE_STATUSES, wire.status),
    rejectedReason:
      wire.rejected_reason == null ? undefined : toEnumValue(REJECTED_REASONS, wire.rejected_reason),
    qualityScore: score == null ? undefined : toEnumValue(QUALITY_SCORES, score),
    qualityScoreDate: quality?.date ?? undefined,
    messageSendTtlSeconds: wire.message_send_ttl_seconds ?? undefined,
    parameterFormat: templateParameterFormat(wire.parameter_format, components),
    subCategory: wire.sub_category ?? undefined,
    previousCategory: wire.previous_category == null ? undefined : toTemplateCategory(wire.previous_category),
    correctCategory: wire.correct_category == null ? undefined : toTemplateCategory(wire.correct_category),
    libraryTemplateName: wire.library_template_name ?? undefined,
    ctaUrlLinkTrackingOptedOut: wire.cta_url_link_tracking_opted_out ?? undefined,
    components,
  });
}

/** getTemplate's `data`. */
export function templatePageFromWire(list: NxcloudTemplateListWire): Page<Template> {
  return definedOnly({
    items: list.data.map((item) => templateFromWire(item.wire, item.raw)),
    nextCursor: nextCursorFrom(list.paging),
  });
}

function mapComponent(component: NxcloudTemplateComponentWire): TemplateComponent {
  const example = component.example ?? undefined;
  const text = component.text ?? undefined;
  switch (component.type.toUpperCase()) {
    case 'HEADER': {
      const headerText = asList(example?.header_text);
      const headerHandle = asList(example?.header_handle);
      const headerTextNamedParams = namedExamples(example?.header_text_named_params);
      return definedOnly({
        type: 'HEADER',
        format: toEnumValue(HEADER_FORMATS, component.format),
        text,
        mediaUrl: example?.custom_header_handle_url ?? undefined,
        example:
          headerText || headerHandle || headerTextNamedParams
            ? definedOnly({ headerText, headerHandle, headerTextNamedParams })
            : undefined,
      });
    }
    case 'BODY': {
      const bodyText = example?.body_text;
      const bodyTextNamedParams = namedExamples(example?.body_text_named_params);
      return definedOnly({
        type: 'BODY',
        text,
        example:
          bodyText || bodyTextNamedParams
            ? definedOnly({
                // A flat `string[]` (2023 docs) is one set of sample values, like one row of `string[][]`.
                bodyText: bodyText ? (isFlat(bodyText) ? [bodyText] : bodyText) : undefined,
                bodyTextNamedParams,
              })
            : undefined,
        addSecurityRecommendation: component.add_security_recommendation ?? undefined,
      });
    }
    case 'FOOTER':
      return definedOnly({
        type: 'FOOTER',
        text,
        codeExpirationMinutes: component.code_expiration_minutes ?? undefined,
      });
    case 'BUTTONS':
      return { type: 'BUTTONS', buttons: (component.buttons ?? []).map(mapButton) };
    case 'CAROUSEL':
      return {
        type: 'CAROUSEL',
        cards: (component.cards ?? []).map((card) => ({
          components: (card.components ?? []).map(mapComponent),
        })),
      };
    case 'LIMITED_TIME_OFFER': {
      const offer = component.limited_time_offer;
      return definedOnly({
        type: 'LIMITED_TIME_OFFER',
        text: offer?.text ?? undefined,
        hasExpiration: offer?.has_expiration ?? undefined,
      });
    }
    default:
      return { type: 'UNKNOWN', rawType: component.type };
  }
}

/**
 * A button whose type is known but which lacks a field the model requires for that type (a URL
 * button without `url`, a FLOW button named by `flow_name` instead of `flow_id`) cannot be that
 * type truthfully, so it becomes UNKNOWN with its `rawType`; the entity's `raw` keeps it whole.
 */
function mapButton(button: NxcloudTemplateButtonWire): TemplateButton {
  const text = button.text ?? undefined;
  const unknown = (): TemplateButton => definedOnly({ type: 'UNKNOWN', rawType: button.type, text });
  switch (button.type.toUpperCase()) {
    case 'QUICK_REPLY':
      return text === undefined ? unknown() : { type: 'QUICK_REPLY', text };
    case 'URL':
      return text === undefined || !button.url
        ? unknown()
        : definedOnly({ type: 'URL', text, url: button.url, example: asList(button.example) });
    case 'PHONE_NUMBER':
      return text === undefined || !button.phone_number
        ? unknown()
        : { type: 'PHONE_NUMBER', text, phoneNumber: button.phone_number };
    case 'COPY_CODE':
      return definedOnly({ type: 'COPY_CODE', text, example: asList(button.example)?.[0] });
    case 'OTP':
      return definedOnly({
        type: 'OTP',
        text,
        otpType: toEnumValue(OTP_TYPES, button.otp_type),
        autofillText: button.autofill_text ?? undefined,
        ...otpButtonApps(
          {
            packageName: button.package_name ?? undefined,
            signatureHash: button.signature_hash ?? undefined,
          },
          button.supported_apps?.map((app) => ({
            packageName: app.package_name ?? undefined,
            signatureHash: app.signature_hash ?? undefined,
          })),
        ),
      });
    case 'FLOW':
      return text === undefined || !button.flow_id
        ? unknown()
        : definedOnly({
            type: 'FLOW',
            text,
            flowId: button.flow_id,
            flowAction: toFlowAction(button.flow_action),
            navigateScreen: button.navigate_screen ?? undefined,
          });
    case 'CATALOG':
    case 'MPM':
    case 'VOICE_CALL':
      return definedOnly({ type: button.type.toUpperCase() as 'CATALOG' | 'MPM' | 'VOICE_CALL', text });
    default:
      return unknown();
  }
}

/** Flow actions are lower-case in the model; NXCloud documents `navigate` as the default. */
function toFlowAction(
  raw: string | null | undefined,
): Extract<TemplateButton, { type: 'FLOW' }>['flowAction'] {
  if (raw == null) return 'navigate';
  const value = raw.trim().toLowerCase();
  return (FLOW_ACTIONS as readonly string[]).includes(value)
    ? (value as (typeof FLOW_ACTIONS)[number])
    : 'UNKNOWN';
}

/** Meta's `{ param_name, example }` samples, renamed; absent stays absent. */
function namedExamples(
  params: readonly { param_name: string; example: string }[] | null | undefined,
): NamedParameterExample[] | undefined {
  return params?.map((param) => ({ paramName: param.param_name, example: param.example }));
}

function asList(value: string | readonly string[] | null | undefined): string[] | undefined {
  if (value == null) return undefined;
  return typeof value === 'string' ? [value] : [...value];
}

function isFlat(value: readonly string[] | readonly (readonly string[])[]): value is string[] {
  return value.length > 0 && value.every((item) => typeof item === 'string');
}
