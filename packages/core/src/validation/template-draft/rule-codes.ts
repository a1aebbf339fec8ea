/*
 * Every code `validateTemplateDraft` can report, once, with its severity and the rule it comes
 * from. `docs/template-rules.md` describes each one with an example, and a test checks that every
 * code here has an invalid draft of its own. Warnings are for rules that move (Meta's language
 * list), heuristics, and what a vendor does not document; errors for what WhatsApp or the vendor
 * refuses.
 */

export type TemplateIssueSeverity = 'error' | 'warning';

interface RuleDefinition {
  readonly severity: TemplateIssueSeverity;
  /** Where the rule comes from, in a few words (the docs table gives the page). */
  readonly source: string;
}

const META = "Meta's template components page";

export const TEMPLATE_RULE_CODES = {
  // The draft's shape
  INVALID_DRAFT: { severity: 'error', source: 'the TemplateDraft schema' },
  // The template
  NAME_INVALID: { severity: 'error', source: `${META}: name` },
  CATEGORY_INVALID: { severity: 'error', source: `${META}: category` },
  LANGUAGE_INVALID: { severity: 'error', source: "Meta's supported languages page: code format" },
  LANGUAGE_UNKNOWN: { severity: 'warning', source: "Meta's supported languages page" },
  PARAMETER_FORMAT_INVALID: { severity: 'error', source: `${META}: parameter_format` },
  TTL_OUT_OF_RANGE: { severity: 'error', source: "Meta's time-to-live page" },
  // Components
  BODY_MISSING: { severity: 'error', source: `${META}: exactly one body` },
  COMPONENT_DUPLICATE: { severity: 'error', source: `${META}: at most one of each component` },
  COMPONENT_UNKNOWN: { severity: 'error', source: 'the model: a component type it does not know' },
  HEADER_FORMAT_INVALID: { severity: 'error', source: `${META}: header format` },
  HEADER_TEXT_MISSING: { severity: 'error', source: `${META}: text header` },
  HEADER_TEXT_TOO_LONG: { severity: 'error', source: `${META}: header ≤ 60 characters` },
  HEADER_TOO_MANY_VARIABLES: {
    severity: 'error',
    source: `${META}; CAMS InvalidParameter.HeaderMoreVariable`,
  },
  LOCATION_HEADER_CATEGORY: { severity: 'error', source: `${META}: location headers` },
  MEDIA_SAMPLE_MISSING: { severity: 'error', source: `${META}: media header sample` },
  MEDIA_SAMPLE_URL_INVALID: {
    severity: 'error',
    source: 'NXCloud createTemplate; CAMS CreateChatappTemplate: media URL',
  },
  MEDIA_SAMPLE_AMBIGUOUS: {
    severity: 'warning',
    source: 'NXCloud createTemplate: the URL wins over the handle',
  },
  BODY_TEXT_MISSING: { severity: 'error', source: `${META}: body text` },
  BODY_TEXT_TOO_LONG: { severity: 'error', source: `${META}; CAMS: body ≤ 1,024 characters` },
  FOOTER_TEXT_MISSING: { severity: 'error', source: `${META}: footer text` },
  FOOTER_TEXT_TOO_LONG: { severity: 'error', source: `${META}; CAMS: footer ≤ 60 characters` },
  FOOTER_HAS_VARIABLE: { severity: 'error', source: `${META}; CAMS InvalidParameter.FooterHaveVariable` },
  CAROUSEL_CARD_COUNT: { severity: 'error', source: `${META}: carousel of 2 to 10 cards` },
  CARD_COMPONENT_NOT_ALLOWED: {
    severity: 'error',
    source: `${META}: a card holds a header, a body and buttons`,
  },
  CARD_BODY_TOO_LONG: { severity: 'error', source: `${META}: card body ≤ 160 characters` },
  LIMITED_TIME_OFFER_CATEGORY: { severity: 'error', source: `${META}: limited-time offers are MARKETING` },
  LIMITED_TIME_OFFER_WITH_FOOTER: {
    severity: 'error',
    source: `${META}: no footer with a limited-time offer`,
  },
  LIMITED_TIME_OFFER_TEXT_TOO_LONG: { severity: 'error', source: `${META}: offer text ≤ 16 characters` },
  CODE_EXPIRATION_OUTSIDE_AUTHENTICATION: { severity: 'error', source: `${META}: authentication footer` },
  SECURITY_RECOMMENDATION_OUTSIDE_AUTHENTICATION: {
    severity: 'error',
    source: `${META}: authentication body`,
  },
  // Variables and their samples
  VARIABLE_MALFORMED: { severity: 'error', source: `${META}: variables are {{1}} or {{name}}` },
  VARIABLE_NAME_INVALID: { severity: 'error', source: `${META}: named parameters` },
  VARIABLE_STYLE_MIXED: { severity: 'error', source: `${META}: named and positional never mixed` },
  PARAMETER_FORMAT_MISMATCH: { severity: 'error', source: `${META}: parameter_format` },
  VARIABLE_GAP: { severity: 'error', source: `${META}: {{1}}…{{n}} without gaps` },
  VARIABLE_ORDER: { severity: 'error', source: `${META}: {{1}}…{{n}} in order` },
  VARIABLE_AT_EDGE: { severity: 'error', source: `${META}: no variable at the start or end of the body` },
  VARIABLES_ADJACENT: { severity: 'error', source: `${META}: no two variables side by side` },
  VARIABLE_DENSITY: { severity: 'warning', source: `${META}: not too many variables for the text` },
  EXAMPLE_MISSING: { severity: 'error', source: `${META}: samples for every variable` },
  EXAMPLE_COUNT_MISMATCH: { severity: 'error', source: `${META}: one sample per variable` },
  EXAMPLE_EMPTY: { severity: 'error', source: `${META}: samples` },
  EXAMPLE_UNUSED: { severity: 'warning', source: `${META}: samples` },
  NAMED_EXAMPLE_MISMATCH: { severity: 'error', source: `${META}: *_text_named_params` },
  NAMED_EXAMPLE_DUPLICATE: { severity: 'error', source: `${META}: *_text_named_params` },
  // Buttons
  BUTTONS_EMPTY: { severity: 'error', source: `${META}: buttons` },
  BUTTONS_TOO_MANY: { severity: 'error', source: `${META}: at most 10 buttons` },
  URL_BUTTONS_TOO_MANY: { severity: 'error', source: `${META}: at most 2 URL buttons` },
  PHONE_BUTTONS_TOO_MANY: { severity: 'error', source: `${META}: at most 1 phone button` },
  COPY_CODE_BUTTONS_TOO_MANY: { severity: 'error', source: `${META}: at most 1 copy-code button` },
  QUICK_REPLIES_NOT_GROUPED: { severity: 'error', source: `${META}: quick replies grouped` },
  BUTTON_UNKNOWN: { severity: 'error', source: 'the model: a button type it does not know' },
  BUTTON_TEXT_MISSING: { severity: 'error', source: `${META}: button text` },
  BUTTON_TEXT_TOO_LONG: { severity: 'error', source: `${META}: button text ≤ 25 characters` },
  BUTTON_TEXT_HAS_VARIABLE: {
    severity: 'error',
    source: `${META}; CAMS InvalidParameter.ButtonTextHaveVariable`,
  },
  URL_INVALID: { severity: 'error', source: `${META}: URL button` },
  URL_TOO_LONG: { severity: 'error', source: `${META}: URL ≤ 2,000 characters` },
  URL_TOO_MANY_VARIABLES: { severity: 'error', source: `${META}; CAMS InvalidParameter.UrlMoreVariable` },
  URL_VARIABLE_NOT_AT_END: { severity: 'error', source: `${META}: the URL variable ends the URL` },
  URL_EXAMPLE_MISSING: { severity: 'error', source: `${META}: sample for a dynamic URL` },
  PHONE_NUMBER_MISSING: { severity: 'error', source: `${META}: phone button` },
  PHONE_NUMBER_TOO_LONG: { severity: 'error', source: `${META}: phone number ≤ 20 characters` },
  COPY_CODE_EXAMPLE_MISSING: { severity: 'error', source: `${META}: copy-code sample` },
  FLOW_BUTTON_TARGET: { severity: 'error', source: `${META}: exactly one of flow_id, flow_name, flow_json` },
  FLOW_ACTION_INVALID: { severity: 'error', source: `${META}: flow_action` },
  FLOW_SCREEN_MISSING: {
    severity: 'error',
    source: 'NXCloud createTemplate; CAMS CreateChatappTemplate: NavigateScreen',
  },
  OTP_BUTTON_OUTSIDE_AUTHENTICATION: { severity: 'error', source: `${META}: OTP buttons` },
  // Authentication templates
  AUTH_HEADER_NOT_ALLOWED: { severity: 'error', source: `${META}: authentication templates` },
  AUTH_BODY_TEXT_NOT_ALLOWED: { severity: 'error', source: `${META}; CAMS: the body text is generated` },
  AUTH_FOOTER_TEXT_NOT_ALLOWED: { severity: 'error', source: `${META}; CAMS: the footer text is generated` },
  AUTH_COMPONENT_NOT_ALLOWED: { severity: 'error', source: `${META}: authentication templates` },
  CODE_EXPIRATION_OUT_OF_RANGE: { severity: 'error', source: `${META}: code_expiration_minutes 1–90` },
  AUTH_OTP_BUTTON_MISSING: { severity: 'error', source: `${META}: exactly one OTP button` },
  AUTH_TOO_MANY_BUTTONS: { severity: 'error', source: `${META}; CAMS: exactly one button` },
  AUTH_BUTTON_NOT_OTP: { severity: 'error', source: `${META}: exactly one OTP button` },
  OTP_TYPE_INVALID: { severity: 'error', source: `${META}: otp_type` },
  OTP_APP_MISSING: { severity: 'error', source: `${META}: one-tap and zero-tap apps` },
  OTP_APP_INCOMPLETE: { severity: 'error', source: `${META}: supported_apps` },
  OTP_TOO_MANY_APPS: { severity: 'error', source: `${META}: at most 5 supported apps` },
  OTP_SIGNATURE_HASH_INVALID: { severity: 'error', source: `${META}: 11-character signature hash` },
  // The vendor's own rules (given as data per vendor)
  VENDOR_RULES_UNKNOWN: { severity: 'warning', source: 'no rules are known for the vendor named' },
  VENDOR_SAMPLE_CONFLICT: { severity: 'error', source: 'CAMS: one template-level Example map' },
  VENDOR_HEADER_FORMAT_UNSUPPORTED: { severity: 'error', source: "the vendor's documented header formats" },
  VENDOR_BUTTON_UNSUPPORTED: { severity: 'error', source: "the vendor's documented button types" },
  VENDOR_MEDIA_SAMPLE_UNSUPPORTED: {
    severity: 'error',
    source: "the vendor's media sample fields (CAMS: a component Url only)",
  },
  VENDOR_QUICK_REPLY_WITH_CALL_TO_ACTION: {
    severity: 'error',
    source: 'CAMS CreateChatappTemplate: buttons',
  },
  VENDOR_OTP_FIELD_MISSING: { severity: 'error', source: "the vendor's OTP button fields" },
  VENDOR_UNDOCUMENTED: { severity: 'warning', source: "the vendor's pages do not document it" },
  VENDOR_TTL_RESTRICTED: { severity: 'warning', source: 'CAMS CreateChatappTemplate: MessageSendTtlSeconds' },
} as const satisfies Record<string, RuleDefinition>;

export type TemplateRuleCode = keyof typeof TEMPLATE_RULE_CODES;
