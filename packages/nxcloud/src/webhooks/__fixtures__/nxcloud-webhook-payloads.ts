// NXCloud callback bodies. The first two are verbatim from NXCloud's template-webhook and
// flows-webhook wiki pages; the others are built to the wire shape those pages document, since
// the pages print no example for them.

/** `message_template_status_update`, the template-webhook page's example (NXCloud's template-webhook page). */
export const TEMPLATE_STATUS_EXAMPLE = `{"field":"message_template_status_update","value":{"business_phone":"xxx","event":"APPROVED","message_template_id":"1246121xxx3981","message_template_language":"en","message_template_name":"ok_ok","reason":"NONE","time":1761291192,"wabaId":"xxx"}}`;

/** `flows` / `FLOW_STATUS_CHANGE`, the flows-webhook page's example (NXCloud's flows-webhook page). */
export const FLOW_STATUS_EXAMPLE = `{"field":"flows","value":{"business_phone":"8615273907424","event":"FLOW_STATUS_CHANGE","flow_id":"1168300431915404","message":"Flow test changed status from DRAFT to PUBLISHED","new_status":"PUBLISHED","old_status":"DRAFT","time":1761290547,"wabaId":"196938173492252"}}`;

/** Built: a rejection, with Meta's reason code (fields of NXCloud's template-webhook page). */
export const TEMPLATE_REJECTED = JSON.stringify({
  field: 'message_template_status_update',
  value: {
    business_phone: '8615273907424',
    event: 'REJECTED',
    message_template_id: '1246121003981',
    message_template_language: 'en_US',
    message_template_name: 'order_update',
    reason: 'INCORRECT_CATEGORY',
    time: 1761291300,
    wabaId: '196938173492252',
  },
});

/** Built: `message_template_quality_update` — the status fields' id/name/language plus the scores (template-webhook page). */
export const TEMPLATE_QUALITY = JSON.stringify({
  field: 'message_template_quality_update',
  value: {
    business_phone: '8615273907424',
    message_template_id: '1246121003981',
    message_template_language: 'en_US',
    message_template_name: 'order_update',
    new_quality_score: 'GREEN',
    previous_quality_score: 'UNKNOWN',
    time: 1761291400,
    wabaId: '196938173492252',
  },
});

/**
 * Built: `template_category_update`, whose payload NXCloud does not document; these are the field
 * names Meta's own webhook of that name uses.
 */
export const TEMPLATE_CATEGORY = JSON.stringify({
  field: 'template_category_update',
  value: {
    business_phone: '8615273907424',
    message_template_id: '1246121003981',
    message_template_language: 'en_US',
    message_template_name: 'order_update',
    previous_category: 'UTILITY',
    new_category: 'MARKETING',
    time: 1761291500,
    wabaId: '196938173492252',
  },
});

/** Built: `template_category_update` in some other shape than Meta's, kept as an unknown event. */
export const TEMPLATE_CATEGORY_OTHER_SHAPE = JSON.stringify({
  field: 'template_category_update',
  value: {
    business_phone: '8615273907424',
    template: 'order_update',
    time: 1761291600,
    wabaId: '196938173492252',
  },
});

/** Built: a flow created as DRAFT, which has no `old_status` (flows-webhook page). */
export const FLOW_CREATED = JSON.stringify({
  field: 'flows',
  value: {
    business_phone: '8615273907424',
    event: 'FLOW_STATUS_CHANGE',
    flow_id: '1168300431915404',
    message: 'Flow test created',
    new_status: 'DRAFT',
    time: 1761290000,
    wabaId: '196938173492252',
  },
});

/** Built: `flows` / `ENDPOINT_AVAILABILITY` (flows-webhook page). */
export const ENDPOINT_AVAILABILITY = JSON.stringify({
  field: 'flows',
  value: {
    alert_state: 'ACTIVATED',
    business_phone: '8615273907424',
    event: 'ENDPOINT_AVAILABILITY',
    flow_id: '1168300431915404',
    message: 'Flow test endpoint availability is below 90%',
    threshold: 90,
    time: 1761292000,
    wabaId: '196938173492252',
  },
});

/** Built: a flow event the model does not cover (one of Meta's health alerts). */
export const FLOW_CLIENT_ERROR_RATE = JSON.stringify({
  field: 'flows',
  value: {
    alert_state: 'ACTIVATED',
    business_phone: '8615273907424',
    event: 'CLIENT_ERROR_RATE',
    flow_id: '1168300431915404',
    threshold: 5,
    time: 1761292100,
    wabaId: '196938173492252',
  },
});

/** Built: a subscription this library does not read (the phone-webhook page's family). */
export const UNKNOWN_FIELD = JSON.stringify({
  field: 'phone_number_quality_update',
  value: { business_phone: '8615273907424', event: 'FLAGGED', time: 1761292200, wabaId: '196938173492252' },
});

/** Built: the older message-status webhook, `{ statuses: [...] }` ([EN-2023], NXCloud's webhook pages.3). */
export const MESSAGE_STATUSES = JSON.stringify({
  statuses: [
    {
      id: 'wamid.HBgNODYxNTI3MzkwNzQyNBUCABEYEjQ4',
      status: 'delivered',
      timestamp: '1761292300',
      recipient_id: '8615273907424',
      conversation: { id: 'c1a2b3', origin: { type: 'utility' } },
    },
    {
      id: 'wamid.HBgNODYxNTI3MzkwNzQyNBUCABEYEjQ5',
      status: 'read',
      timestamp: '1761292360',
      recipient_id: '8615273907424',
    },
  ],
});
