import { compact } from '../compact.js';
import type { EmulatorTemplate, TemplateButton, TemplateComponent } from '../model.js';

/*
 * Store templates in NXCloud's wire format: Meta's snake_case field names passed through, in the
 * field order of the vendor's getTemplate example. Absent fields are left out.
 * https://github.com/nxtele/http-api-document/wiki/WhatsApp-API-getTemplate
 */

type Json = Record<string, unknown>;

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
