import { compact } from '../compact.js';
import type { EmulatorFlow, EmulatorTemplate, TemplateButton, TemplateComponent } from '../model.js';

/*
 * Store records in NXCloud's wire format: Meta's snake_case field names passed through, in the
 * field order of the vendor's examples (nxcloud-api.md 5.3 and 6.1). Absent fields are left out.
 */

type Json = Record<string, unknown>;

/** `2024-01-13T10:03:53+0000`: ISO-8601 with a colon-less offset, as NXCloud and Meta send it. */
export function nxcloudTimestamp(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 19)}+0000`;
}

export function nxcloudPreview(preview: { url: string; expiresAt: number }): Json {
  return { preview_url: preview.url, expires_at: nxcloudTimestamp(preview.expiresAt) };
}

/** A flow as queryFlowById returns it. */
export function nxcloudFlow(flow: EmulatorFlow): Json {
  return compact({
    id: flow.id,
    name: flow.name,
    categories: flow.categories,
    preview: flow.preview && nxcloudPreview(flow.preview),
    status: flow.status,
    validation_errors: flow.validationErrors.map(validationError),
    json_version: flow.jsonVersion,
    data_api_version: flow.dataApiVersion,
    endpoint_uri: flow.endpointUri,
    whatsapp_business_account: flow.whatsappBusinessAccountId,
    application: flow.application && compact({ ...flow.application }),
  });
}

/** A flow as queryFlowsByPhone lists it: the fields Meta's flow list returns by default. */
export function nxcloudFlowListItem(flow: EmulatorFlow): Json {
  return {
    id: flow.id,
    name: flow.name,
    status: flow.status,
    categories: flow.categories,
    validation_errors: flow.validationErrors.map(validationError),
  };
}

function validationError(error: EmulatorFlow['validationErrors'][number]): Json {
  return compact({
    error: error.error,
    error_type: error.errorType,
    message: error.message,
    line_start: error.lineStart,
    line_end: error.lineEnd,
    column_start: error.columnStart,
    column_end: error.columnEnd,
    pointers: error.pointers?.map((pointer) =>
      compact({
        line_start: pointer.lineStart,
        line_end: pointer.lineEnd,
        column_start: pointer.columnStart,
        column_end: pointer.columnEnd,
        path: pointer.path,
      }),
    ),
  });
}

/** A template as getTemplate returns it. */
export function nxcloudTemplate(template: EmulatorTemplate): Json {
  return compact({
    components: template.components.map(component),
    rejected_reason: template.rejectedReason,
    quality_score: template.qualityScore === undefined ? undefined : { score: template.qualityScore },
    name: template.name,
    language: template.language,
    id: template.id,
    category: template.category,
    status: template.status,
    message_send_ttl_seconds: template.messageSendTtlSeconds,
  });
}

function component(part: TemplateComponent): Json {
  switch (part.type) {
    case 'HEADER':
      return compact({
        format: part.format,
        text: part.text,
        type: part.type,
        example:
          part.example !== undefined
            ? { header_text: [part.example] }
            : part.mediaUrl !== undefined
              ? { header_handle: part.mediaUrl }
              : undefined,
      });
    case 'BODY':
      return compact({
        text: part.text,
        type: part.type,
        add_security_recommendation: part.addSecurityRecommendation,
        example: part.example && { body_text: [part.example] },
      });
    case 'FOOTER':
      return compact({
        text: part.text,
        type: part.type,
        code_expiration_minutes: part.codeExpirationMinutes,
      });
    case 'BUTTONS':
      return { buttons: part.buttons.map(button), type: part.type };
    case 'LIMITED_TIME_OFFER':
      return { type: part.type, limited_time_offer: { text: part.text, has_expiration: part.hasExpiration } };
  }
}

function button(item: TemplateButton): Json {
  switch (item.type) {
    case 'QUICK_REPLY':
      return { text: item.text, type: item.type };
    case 'URL':
      return compact({
        text: item.text,
        type: item.type,
        url: item.url,
        example: item.example && [item.example],
      });
    case 'PHONE_NUMBER':
      return { text: item.text, type: item.type, phone_number: item.phoneNumber };
    case 'COPY_CODE':
      return compact({ text: item.text, type: item.type, example: item.example });
    case 'OTP':
      return compact({
        text: item.text,
        type: item.type,
        otp_type: item.otpType,
        autofill_text: item.autofillText,
        package_name: item.packageName,
        signature_hash: item.signatureHash,
      });
    case 'FLOW':
      return compact({
        text: item.text,
        type: item.type,
        flow_id: item.flowId,
        flow_action: item.flowAction,
        navigate_screen: item.navigateScreen,
      });
  }
}
