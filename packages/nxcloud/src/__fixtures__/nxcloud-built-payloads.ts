// Built to the wire shapes documented on NXCloud's WhatsApp pages (the `{ code, message, data }`
// envelope of the API convention page; queryFlowsByPhone, getPreviewByFlowId and getTemplate for
// the `data`, with Meta's paging), not recorded: the vendor prints no complete example for these
// answers.

/** Wraps `data` in NXCloud's success envelope, serialised as the vendor sends it. */
export function success(data: unknown): string {
  return JSON.stringify({ code: 0, message: 'Success', data });
}

/** A failure envelope with the given result code. */
export function failure(code: number, message = '请求失败', data: unknown = null): string {
  return JSON.stringify({ code, message, data });
}

/** getPreviewByFlowId; the page's own example omits `data.id` and is abridged. */
export function previewData(id?: string) {
  return {
    ...(id === undefined ? {} : { id }),
    preview: {
      preview_url: `https://business.facebook.com/wa/manage/flows/${id ?? '1743798696088965'}/preview/?token=b9d6b1a2`,
      expires_at: '2024-01-06T08:31:25+0000',
    },
  };
}

/** Meta's paging object; `after` is returned even on the last page, `next` only when more exist. */
export function paging(after: string, hasNext: boolean) {
  return {
    cursors: { before: 'QVFIUmJlZAZDZD', after },
    ...(hasNext
      ? { next: `https://graph.facebook.com/v15.0/10xxx925/flows?limit=2&after=${encodeURIComponent(after)}` }
      : {}),
  };
}

export function flowSummary(id: string, status = 'PUBLISHED') {
  return { id, name: `flow_${id}`, status, categories: ['SIGN_UP'] };
}

/** One queryFlowsByPhone page. */
export function flowListData(ids: readonly string[], after: string, hasNext: boolean) {
  return { data: ids.map((id) => flowSummary(id)), paging: paging(after, hasNext) };
}

export function templateItem(id: string, name = `template_${id}`, language = 'en_US') {
  return {
    id,
    name,
    language,
    category: 'MARKETING',
    status: 'APPROVED',
    quality_score: { score: 'GREEN' },
    components: [{ type: 'BODY', text: 'Hello {{1}}', example: { body_text: [['Ann']] } }],
  };
}

/** One getTemplate page. */
export function templateListData(items: readonly unknown[], after: string, hasNext: boolean) {
  return { data: items, paging: paging(after, hasNext) };
}

/**
 * A flow carrying Meta's fuller shapes that NXCloud documents loosely: validation errors as
 * objects and as strings, the WABA as an object, the pre-v19 `data_channel_uri`.
 */
export const FLOW_WITH_META_SHAPES = {
  id: '1168300431915404',
  name: 'lead_form',
  status: 'DRAFT',
  categories: ['LEAD_GENERATION', 'SHOPPING'],
  validation_errors: [
    'Missing Flow JSON',
    {
      error: 'INVALID_PROPERTY_VALUE',
      error_type: 'FLOW_JSON_ERROR',
      message: 'Invalid value found for property type.',
      line_start: 10,
      line_end: 10.0,
      column_start: 21,
      column_end: 34,
      pointers: [
        {
          line_start: 10,
          line_end: 10,
          column_start: 21,
          column_end: 34,
          path: 'screens[0].layout.children[0].type',
        },
      ],
    },
  ],
  json_version: '5.0',
  data_api_version: '3.0',
  data_channel_uri: 'https://example.com/flow-endpoint',
  whatsapp_business_account: { id: '196938173492252', name: 'Shop', currency: 'USD' },
  preview: {
    preview_url: 'https://business.facebook.com/wa/manage/flows/1168300431915404/preview/',
    expires_at: '2024-05-01T23:59:59.500-0330',
  },
};

/** A template exercising every documented quirk of NXCloud's template components. */
export const TEMPLATE_WITH_QUIRKS = {
  id: '900120755',
  name: 'login_code',
  language: 'zh_CN',
  category: 'AUTHENTICATION',
  status: 'APPROVED',
  rejected_reason: 'NONE',
  quality_score: { score: 'YELLOW' },
  message_send_ttl_seconds: '600',
  components: [
    { type: 'HEADER', format: 'TEXT', text: 'Code {{1}}', example: { header_text: 'AA' } },
    {
      type: 'HEADER',
      format: 'IMAGE',
      example: {
        header_handle: ['https://scontent.whatsapp.net/h.png'],
        custom_header_handle_url: 'https://cdn.example.com/h.png',
      },
    },
    {
      type: 'BODY',
      text: 'Your code {{1}} {{2}}',
      example: { body_text: ['BB', 'CC'] },
      add_security_recommendation: true,
    },
    { type: 'FOOTER', code_expiration_minutes: 5 },
    {
      type: 'BUTTONS',
      buttons: [
        {
          type: 'OTP',
          otp_type: 'ONE_TAP',
          text: 'Autofill',
          autofill_text: 'Autofill',
          package_name: 'com.example.app',
          signature_hash: 'K8a/AINcGX7',
        },
        {
          type: 'OTP',
          otp_type: 'ZERO_TAP',
          supported_apps: [{ package_name: 'com.example.two', signature_hash: 'Z9b/HASH' }],
        },
        { type: 'COPY_CODE', example: 'SAVE20' },
        { type: 'FLOW', text: 'Open form', flow_id: '1168300431915404', navigate_screen: 'WELCOME' },
        { type: 'FLOW', text: 'Exchange', flow_id: 1743798696088965, flow_action: 'DATA_EXCHANGE' },
        { type: 'FLOW', text: 'By name only', flow_name: 'lead_form' },
        {
          type: 'URL',
          text: 'Track',
          url: 'https://example.com/t/{{1}}',
          example: 'https://example.com/t/42',
        },
        { type: 'PHONE_NUMBER', text: 'Call', phone_number: '+8613800000000' },
        { type: 'CATALOG', text: 'View catalog' },
        { type: 'SPM', text: 'View product' },
      ],
    },
    { type: 'LIMITED_TIME_OFFER', limited_time_offer: { text: 'Ends soon', has_expiration: true } },
    {
      type: 'CAROUSEL',
      cards: [
        {
          components: [
            { type: 'HEADER', format: 'VIDEO' },
            { type: 'BODY', text: 'Card 1' },
          ],
        },
      ],
    },
    { type: 'CALL_PERMISSION_REQUEST' },
  ],
};
