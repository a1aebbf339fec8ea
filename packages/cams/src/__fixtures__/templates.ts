// ListChatappTemplate and GetChatappTemplateDetail answers, built to the wire shape of the
// vendor's API pages of those names (CAMS API 2020-06-06). Codes, names and texts are invented;
// field names, the lower-case `hasExpiration`, the lower-case AuditStatus values and the
// template-level `Example` map are as documented.

export function listTemplatesBody(
  total: number,
  templates: readonly { code: string; name: string; language?: string; auditStatus?: string }[],
) {
  return {
    RequestId: 'C1F2C3D4-0000-4000-8000-000000000001',
    Code: 'OK',
    Message: 'OK',
    Success: true,
    Total: total,
    ListTemplate: templates.map((template) => ({
      TemplateCode: template.code,
      TemplateName: template.name,
      Language: template.language ?? 'en_US',
      AuditStatus: template.auditStatus ?? 'pass',
      Category: 'UTILITY',
      TemplateType: 'WHATSAPP',
      Reason: 'None',
      LastUpdateTime: 1700617436633,
    })),
  };
}

/** A utility template with a text header, a body with two variables, a footer and three buttons. */
export const orderUpdateDetailBody = {
  RequestId: 'C1F2C3D4-0000-4000-8000-000000000002\n',
  Code: 'OK',
  Message: 'OK',
  Data: {
    TemplateCode: '744c4b5c79c9432497a075bdfca30001',
    Name: 'order_update',
    Language: 'en_US',
    Category: 'TRANSACTIONAL',
    TemplateType: 'WHATSAPP',
    AuditStatus: 'pass',
    Reason: 'None',
    QualityScore: 'GREEN',
    MessageSendTtlSeconds: 3600,
    Example: { '{{1}}': 'Bob', '{{2}}': 'A-1001' },
    Components: [
      { Type: 'HEADER', Format: 'TEXT', Text: 'Hello {{1}}' },
      { Type: 'BODY', Text: 'Hi {{1}}, your order {{2}} has shipped.' },
      { Type: 'FOOTER', Text: 'Reply STOP to opt out' },
      {
        Type: 'BUTTONS',
        Buttons: [
          { Type: 'URL', Text: 'Track', Url: 'https://example.com/track/{{1}}', UrlType: 'dynamic' },
          { Type: 'PHONE_NUMBER', Text: 'Call us', PhoneNumber: '+6512345678' },
          { Type: 'QUICK_REPLY', Text: 'Stop', IsOptOut: true },
        ],
      },
    ],
  },
};

/** An authentication template: one COPY_CODE button, which is Meta's OTP button. */
export const authenticationDetailBody = {
  RequestId: 'C1F2C3D4-0000-4000-8000-000000000003',
  Code: 'OK',
  Message: 'OK',
  Data: {
    TemplateCode: '744c4b5c79c9432497a075bdfca30002',
    Name: 'login_code',
    Language: 'en',
    Category: 'AUTHENTICATION',
    TemplateType: 'WHATSAPP',
    AuditStatus: 'auditing',
    Components: [
      { Type: 'BODY', AddSecretRecommendation: true },
      { Type: 'FOOTER', CodeExpirationMinutes: 5 },
      { Type: 'BUTTONS', Buttons: [{ Type: 'COPY_CODE', Text: 'Copy code' }] },
    ],
  },
};

/** A marketing template with a limited-time offer, a carousel and a flow button. */
export const marketingDetailBody = {
  RequestId: 'C1F2C3D4-0000-4000-8000-000000000004',
  Code: 'OK',
  Message: 'OK',
  Data: {
    TemplateCode: '744c4b5c79c9432497a075bdfca30003',
    Name: 'spring_sale',
    Language: 'en',
    Category: 'MARKETING',
    TemplateType: 'WHATSAPP',
    AuditStatus: 'fail',
    Reason: 'INCORRECT_CATEGORY',
    Components: [
      { Type: 'LIMITED_TIME_OFFER', Text: 'Spring sale', hasExpiration: true },
      { Type: 'BODY', Text: 'Our spring sale is on.' },
      {
        Type: 'CAROUSEL',
        Cards: [
          {
            CardComponents: [
              { Type: 'HEADER', Format: 'IMAGE', Url: 'https://example.com/a.png' },
              { Type: 'BODY', Text: 'Card {{1}}' },
              { Type: 'BUTTONS', Buttons: [{ Type: 'QUICK_REPLY', Text: 'More' }] },
            ],
          },
        ],
      },
      {
        Type: 'BUTTONS',
        Buttons: [
          {
            Type: 'FLOW',
            Text: 'Sign up',
            FlowId: '1234567890123456',
            FlowAction: 'NAVIGATE',
            NavigateScreen: 'WELCOME',
          },
          { Type: 'COPY_CODE', Text: 'Copy coupon', CouponCode: 'SPRING25' },
        ],
      },
    ],
  },
};

/**
 * A NAMED template: CAMS sends no parameter format; its one template-level `Example` map keys the
 * samples as they are written in the texts (`{{first_name}}`), for the header and the body alike.
 */
export const namedParameterDetailBody = {
  RequestId: 'C1F2C3D4-0000-4000-8000-000000000005',
  Code: 'OK',
  Message: 'OK',
  Data: {
    TemplateCode: '744c4b5c79c9432497a075bdfca30004',
    Name: 'order_named',
    Language: 'en_US',
    Category: 'UTILITY',
    TemplateType: 'WHATSAPP',
    AuditStatus: 'pass',
    Example: { '{{first_name}}': 'Maria', '{{order_id}}': '#1042' },
    Components: [
      { Type: 'HEADER', Format: 'TEXT', Text: 'Order for {{first_name}}' },
      { Type: 'BODY', Text: 'Hi {{first_name}}, order {{order_id}} has shipped.' },
    ],
  },
};

/**
 * An authentication template whose zero-tap button serves two apps through `SupportedApps` (SDK
 * 5.x's button model). `ZERO_TAP` is not among the SDK's documented button types; CAMS documents
 * its apps as "the apps that support one-tap authentication and zero-tap authentication".
 */
export const zeroTapDetailBody = {
  RequestId: 'C1F2C3D4-0000-4000-8000-000000000006',
  Code: 'OK',
  Message: 'OK',
  Data: {
    TemplateCode: '744c4b5c79c9432497a075bdfca30005',
    Name: 'login_zero_tap',
    Language: 'en_US',
    Category: 'AUTHENTICATION',
    TemplateType: 'WHATSAPP',
    AuditStatus: 'pass',
    Components: [
      { Type: 'BODY', AddSecretRecommendation: true },
      { Type: 'FOOTER', CodeExpirationMinutes: 5 },
      {
        Type: 'BUTTONS',
        Buttons: [
          {
            Type: 'ZERO_TAP',
            Text: 'Autofill',
            SupportedApps: [
              { PackageName: 'com.example.shop', SignatureHash: 'AAAAAAAAAAA' },
              { PackageName: 'com.example.shop.debug', SignatureHash: 'BBBBBBBBBBB' },
            ],
          },
        ],
      },
    ],
  },
};
