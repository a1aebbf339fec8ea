import {
  type NamedParameterExample,
  type SupportedApp,
  TEMPLATE_CATEGORIES,
  type TemplateDraft,
  type TemplateDraftButton,
  type TemplateDraftComponent,
  type TemplateDraftHeader,
  UnsupportedOperationError,
  type UpdateTemplateRequest,
} from '@whatsapp-bsp/core';
import { definedOnly } from '@whatsapp-bsp/core/adapter';
import { NXCLOUD_PROVIDER_ID } from '../nxcloud-id.js';
import { requireLanguage } from './nxcloud-template-language.js';

/*
 * Drafts turned into the body of NXCloud's createTemplate and updateTemplate: Meta's components in
 * Meta's snake_case, which NXCloud passes on to Meta, with `header_text` as an array of one sample
 * and `body_text` as an array of arrays as in every example of its pages (the 2023 English pages
 * type `body_text` as a flat array, which Meta refuses), and a media sample as
 * `example.header_handle` (one handle, a string as the getTemplate page types it) or
 * `example.custom_header_handle_url`.
 * https://github.com/nxtele/http-api-document/wiki/WhatsApp-API-createTemplate
 *
 * What NXCloud's pages do not list but Meta's components carry (named parameters, `supported_apps`,
 * carousel cards, limited-time offers, flow buttons by name or JSON) is sent with Meta's names, as
 * NXCloud relays components as they are; `validateTemplateDraft` warns about each. What this body
 * cannot carry at all is refused with an UnsupportedOperationError naming the draft's field, before
 * anything is sent: nothing is dropped silently.
 */

/** A JSON object of the request body, keys in the order they are sent. */
export type NxcloudWireObject = Readonly<Record<string, unknown>>;

type KnownCategory = (typeof TEMPLATE_CATEGORIES)[number];

/** What createTemplate and createTemplateAsync take beside `appkey`, `business_phone` and `messaging_product`. */
export interface NxcloudCreateTemplateFields {
  readonly name: string;
  readonly category: KnownCategory;
  readonly language: string;
  readonly components: NxcloudWireObject[];
  /** Meta's `parameter_format`; needed for `{{first_name}}` variables, which Meta reads only with `NAMED`. */
  readonly parameter_format?: 'POSITIONAL' | 'NAMED';
  /** Seconds; a field of the Chinese createTemplate page. */
  readonly message_send_ttl_seconds?: number;
}

/** What updateTemplate takes beside the common fields: no name or language (the page lists neither). */
export interface NxcloudUpdateTemplateFields {
  readonly template_id: string;
  readonly category: KnownCategory;
  readonly components: NxcloudWireObject[];
  readonly message_send_ttl_seconds?: number;
}

/**
 * The createTemplate fields of a draft the client has validated.
 *
 * @throws UnsupportedOperationError (`outcome: 'not-sent'`) naming the draft's field, for what
 *   NXCloud's createTemplate body cannot carry: a component or button type the model does not know
 *   (`UNKNOWN`), an `UNKNOWN` category, format, OTP type or flow action, more than one upload handle
 *   for a media sample, and the template-level `subCategory`, `libraryTemplateName` and
 *   `ctaUrlLinkTrackingOptedOut: true`, which the page does not list and nothing says NXCloud passes
 *   on (dropped on the way, they would leave a different template than the one asked for).
 * @throws InvalidRequestError naming `language` when it is not a WhatsApp language code.
 */
export function toNxcloudCreateTemplate(draft: TemplateDraft): NxcloudCreateTemplateFields {
  refuseTemplateLevelFields(draft);
  const parameterFormat = draft.parameterFormat;
  if (parameterFormat === 'UNKNOWN') {
    throw unsupported('parameterFormat', 'a parameter format this library does not know cannot be sent');
  }
  return definedOnly({
    name: draft.name,
    category: knownCategory(draft.category, 'category'),
    language: requireLanguage(draft.language),
    components: toNxcloudComponents(draft.components, 'components'),
    parameter_format: parameterFormat,
    message_send_ttl_seconds: draft.messageSendTtlSeconds,
  });
}

/**
 * The updateTemplate fields of an edit the client has resolved to the template's id.
 *
 * @throws UnsupportedOperationError naming the field, as for `toNxcloudCreateTemplate`.
 */
export function toNxcloudUpdateTemplate(request: UpdateTemplateRequest): NxcloudUpdateTemplateFields {
  return definedOnly({
    template_id: request.id,
    category: knownCategory(request.category, 'category'),
    components: toNxcloudComponents(request.components, 'components'),
    message_send_ttl_seconds: request.messageSendTtlSeconds,
  });
}

/** Components in Meta's snake_case; `path` names the list in errors, e.g. `components`. */
export function toNxcloudComponents(
  components: readonly TemplateDraftComponent[],
  path: string,
): NxcloudWireObject[] {
  return components.map((component, index) => toNxcloudComponent(component, `${path}[${index}]`));
}

function toNxcloudComponent(component: TemplateDraftComponent, path: string): NxcloudWireObject {
  switch (component.type) {
    case 'HEADER':
      return toNxcloudHeader(component, path);
    case 'BODY': {
      const example = component.example;
      return definedOnly({
        type: 'BODY',
        text: component.text,
        add_security_recommendation: component.addSecurityRecommendation,
        example: nonEmpty({
          body_text: example?.bodyText?.map((row) => [...row]),
          body_text_named_params: namedParams(example?.bodyTextNamedParams),
        }),
      });
    }
    case 'FOOTER':
      return definedOnly({
        type: 'FOOTER',
        text: component.text,
        code_expiration_minutes: component.codeExpirationMinutes,
      });
    case 'BUTTONS':
      return {
        type: 'BUTTONS',
        buttons: component.buttons.map((button, index) =>
          toNxcloudButton(button, `${path}.buttons[${index}]`),
        ),
      };
    case 'CAROUSEL':
      return {
        type: 'CAROUSEL',
        cards: component.cards.map((card, index) => ({
          components: toNxcloudComponents(card.components, `${path}.cards[${index}].components`),
        })),
      };
    case 'LIMITED_TIME_OFFER':
      return {
        type: 'LIMITED_TIME_OFFER',
        limited_time_offer: definedOnly({ text: component.text, has_expiration: component.hasExpiration }),
      };
    case 'UNKNOWN':
      throw unsupported(
        `${path}.type`,
        `the component type ${component.rawType} is one this library does not model, so its content is unknown`,
      );
  }
}

function toNxcloudHeader(header: TemplateDraftHeader, path: string): NxcloudWireObject {
  if (header.format === 'UNKNOWN') {
    throw unsupported(`${path}.format`, 'a header format this library does not know cannot be sent');
  }
  const example = header.example;
  return definedOnly({
    type: 'HEADER',
    format: header.format,
    text: header.text,
    example: nonEmpty({
      header_text: example?.headerText && [...example.headerText],
      header_text_named_params: namedParams(example?.headerTextNamedParams),
      header_handle: singleHandle(example?.headerHandle, `${path}.example.headerHandle`),
      // NXCloud uses this link over an uploaded handle when both are given (createTemplate page).
      custom_header_handle_url: example?.headerUrl,
    }),
  });
}

function toNxcloudButton(button: TemplateDraftButton, path: string): NxcloudWireObject {
  switch (button.type) {
    case 'QUICK_REPLY':
      return { type: 'QUICK_REPLY', text: button.text };
    case 'URL':
      return definedOnly({
        type: 'URL',
        text: button.text,
        url: button.url,
        example: button.example && [...button.example],
      });
    case 'PHONE_NUMBER':
      return { type: 'PHONE_NUMBER', text: button.text, phone_number: button.phoneNumber };
    case 'COPY_CODE':
      // Meta's coupon sample is one string, not a list.
      return definedOnly({ type: 'COPY_CODE', text: button.text, example: button.example });
    case 'OTP':
      if (button.otpType === 'UNKNOWN') {
        throw unsupported(`${path}.otpType`, 'an OTP type this library does not know cannot be sent');
      }
      // The single-app fields are the createTemplate page's; `supported_apps` is Meta's newer list.
      // Each is sent as the draft gives it: neither stands in for the other.
      return definedOnly({
        type: 'OTP',
        otp_type: button.otpType,
        text: button.text,
        autofill_text: button.autofillText,
        package_name: button.packageName,
        signature_hash: button.signatureHash,
        supported_apps: button.supportedApps?.map(toNxcloudSupportedApp),
      });
    case 'FLOW':
      if (button.flowAction === 'UNKNOWN') {
        throw unsupported(`${path}.flowAction`, 'a flow action this library does not know cannot be sent');
      }
      return definedOnly({
        type: 'FLOW',
        text: button.text,
        flow_id: button.flowId,
        flow_name: button.flowName,
        flow_json: button.flowJson,
        flow_action: button.flowAction,
        navigate_screen: button.navigateScreen,
      });
    case 'CATALOG':
    case 'MPM':
    case 'VOICE_CALL':
      return definedOnly({ type: button.type, text: button.text });
    case 'UNKNOWN':
      throw unsupported(
        `${path}.type`,
        `the button type ${button.rawType} is one this library does not model, so its fields are unknown`,
      );
  }
}

function toNxcloudSupportedApp(app: SupportedApp): NxcloudWireObject {
  return definedOnly({ package_name: app.packageName, signature_hash: app.signatureHash });
}

function namedParams(params: readonly NamedParameterExample[] | undefined): NxcloudWireObject[] | undefined {
  return params?.map((param) => ({ param_name: param.paramName, example: param.example }));
}

/** NXCloud's `header_handle` holds one handle (a string on its getTemplate page). */
function singleHandle(handles: readonly string[] | undefined, path: string): string | undefined {
  if (handles === undefined || handles.length === 0) return undefined;
  if (handles.length > 1) {
    throw unsupported(path, "NXCloud's `header_handle` holds one upload handle; give one sample");
  }
  return handles[0];
}

function refuseTemplateLevelFields(draft: TemplateDraft): void {
  if (draft.subCategory !== undefined) {
    throw unsupported('subCategory', "NXCloud's createTemplate takes no `sub_category`");
  }
  if (draft.libraryTemplateName !== undefined) {
    throw unsupported(
      'libraryTemplateName',
      "NXCloud's createTemplate takes no `library_template_name` (nor the inputs Meta needs with it)",
    );
  }
  // `false` is Meta's default, the same as not sending the field.
  if (draft.ctaUrlLinkTrackingOptedOut === true) {
    throw unsupported(
      'ctaUrlLinkTrackingOptedOut',
      "NXCloud's createTemplate takes no `cta_url_link_tracking_opted_out`",
    );
  }
}

function knownCategory(category: TemplateDraft['category'], field: string): KnownCategory {
  if (category === 'UNKNOWN') {
    throw unsupported(
      field,
      `a template is created as ${TEMPLATE_CATEGORIES.join(', ')}; UNKNOWN cannot be sent`,
    );
  }
  return category;
}

/** The object without its undefined fields, or undefined when none is left. */
function nonEmpty(fields: Record<string, unknown>): NxcloudWireObject | undefined {
  const defined = definedOnly(fields);
  return Object.keys(defined).length > 0 ? defined : undefined;
}

function unsupported(field: string, reason: string): UnsupportedOperationError {
  return new UnsupportedOperationError(`NXCloud cannot take \`${field}\`: ${reason}; nothing was sent`, {
    provider: NXCLOUD_PROVIDER_ID,
    field,
  });
}
