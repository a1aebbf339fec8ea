import { compact } from '../compact.js';
import type { EmulatorTemplate, TemplateButton, TemplateComponent } from '../model.js';

/*
 * Store templates in CAMS's PascalCase wire format, in the field order of the vendor's pages.
 * Absent fields are left out.
 * https://www.alibabacloud.com/help/en/chatapp/developer-reference/api-cams-2020-06-06-listchatapptemplate
 * https://www.alibabacloud.com/help/en/chatapp/developer-reference/api-cams-2020-06-06-getchatapptemplatedetail
 */

type Json = Record<string, unknown>;

/** CAMS `AuditStatus` words for Meta's statuses; statuses CAMS has no word for pass through. */
const AUDIT_STATUS: ReadonlyMap<string, string> = new Map([
  ['APPROVED', 'pass'],
  ['REJECTED', 'fail'],
  ['PENDING', 'auditing'],
  ['PAUSED', 'paused'],
  ['DISABLED', 'disabled'],
]);

/** A Map, so that a stored status such as `constructor` passes through as a word too. */
export function camsAuditStatus(status: string): string {
  return AUDIT_STATUS.get(status) ?? status;
}

/** CAMS's free-text `Reason`; its examples write Meta's `NONE` as `None`. */
function reason(template: EmulatorTemplate): string | undefined {
  return template.rejectedReason === 'NONE' ? 'None' : template.rejectedReason;
}

/** A ListChatappTemplate `ListTemplate` item: no components. */
export function camsTemplateListItem(template: EmulatorTemplate): Json {
  return compact({
    TemplateCode: template.code,
    TemplateName: template.name,
    Language: template.language,
    AuditStatus: camsAuditStatus(template.status),
    Category: template.category,
    TemplateType: 'WHATSAPP',
    Reason: reason(template),
    LastUpdateTime: template.updatedAt,
  });
}

/** GetChatappTemplateDetail's `Data`. */
export function camsTemplateDetail(template: EmulatorTemplate): Json {
  const example = exampleMap(template.components);
  return compact({
    TemplateCode: template.code,
    Name: template.name,
    Language: template.language,
    Category: template.category,
    TemplateType: 'WHATSAPP',
    AuditStatus: camsAuditStatus(template.status),
    Reason: reason(template),
    QualityScore: template.qualityScore,
    MessageSendTtlSeconds: template.messageSendTtlSeconds,
    Example: Object.keys(example).length > 0 ? example : undefined,
    Components: template.components.map(component),
  });
}

/**
 * CAMS keeps variable samples in one template-level map (`{"{{1}}": "Bob"}`) rather than per
 * component. Body samples fill it; a text header's sample is added when its key is still free
 * (the map cannot tell a header `{{1}}` from a body `{{1}}`).
 */
function exampleMap(components: readonly TemplateComponent[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const part of components) {
    if (part.type === 'BODY') {
      part.example?.forEach((value, index) => {
        map[`{{${index + 1}}}`] = value;
      });
    }
  }
  for (const part of components) {
    if (part.type === 'HEADER' && part.example !== undefined && map['{{1}}'] === undefined)
      map['{{1}}'] = part.example;
  }
  return map;
}

function component(part: TemplateComponent): Json {
  switch (part.type) {
    case 'HEADER':
      return compact({ Type: part.type, Format: part.format, Text: part.text, Url: part.mediaUrl });
    case 'BODY':
      return compact({
        Type: part.type,
        Text: part.text,
        AddSecretRecommendation: part.addSecurityRecommendation,
      });
    case 'FOOTER':
      return compact({ Type: part.type, Text: part.text, CodeExpirationMinutes: part.codeExpirationMinutes });
    case 'BUTTONS':
      return { Type: part.type, Buttons: part.buttons.map(button) };
    case 'LIMITED_TIME_OFFER':
      // Lower-case "h": GetChatappTemplateDetail spells it so on the wire, unlike its other fields.
      return { Type: part.type, Text: part.text, hasExpiration: part.hasExpiration };
  }
}

function button(item: TemplateButton): Json {
  switch (item.type) {
    case 'QUICK_REPLY':
      return { Type: item.type, Text: item.text };
    case 'URL':
      return {
        Type: item.type,
        Text: item.text,
        Url: item.url,
        UrlType: /\{\{\d+\}\}/.test(item.url) ? 'dynamic' : 'static',
      };
    case 'PHONE_NUMBER':
      return { Type: item.type, Text: item.text, PhoneNumber: item.phoneNumber };
    case 'COPY_CODE':
      return compact({ Type: item.type, Text: item.text, CouponCode: item.example });
    case 'OTP':
      // CAMS has no OTP wrapper: the button type is the OTP type itself.
      return compact({
        Type: item.otpType,
        Text: item.text,
        AutofillText: item.autofillText,
        PackageName: item.packageName,
        SignatureHash: item.signatureHash,
      });
    case 'FLOW':
      // CAMS documents the flow fields but not the button type; Meta's `FLOW` is used.
      return compact({
        Type: item.type,
        Text: item.text,
        FlowId: item.flowId,
        FlowAction: item.flowAction.toUpperCase(),
        NavigateScreen: item.navigateScreen,
      });
  }
}
