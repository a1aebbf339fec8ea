// CAMS ChatAppAudit HTTP callback bodies. The first is verbatim from the vendor's example on its
// ChatAppAudit HTTP callback page (alibabacloud.com/help/en/chatapp/developer-reference/chatappaudit-1);
// the others are built to the wire shape that page and GetChatappTemplateDetail document
// (`AuditStatus` values, `Reason` on `fail`, V2's `Type`), since the vendor prints no example for them.

/** The vendor page's example: one report, `unaudit`, empty `Reason` (CAMS's template review notification, ChatAppAudit). */
export const AUDIT_EXAMPLE = `[{"WabaId":"9099999990****","TemplateCode":"744c4b5c79c9432497a075bdfca3****","Language":"en_US","AuditStatus":"unaudit","Reason":""}]`;

/** Built: one report per documented `AuditStatus` value (as GetChatappTemplateDetail documents them), `Reason` set on `fail`. */
export const AUDIT_ALL_STATUSES = JSON.stringify(
  [
    ['pass', ''],
    ['fail', 'The template contains promotional content in a utility category'],
    ['auditing', ''],
    ['Audit', ''],
    ['unaudit', ''],
    ['disabled', ''],
    ['paused', ''],
  ].map(([status, reason], index) => ({
    WabaId: '9099999990123',
    TemplateCode: `744c4b5c79c9432497a075bdfca3000${index}`,
    Language: 'en_US',
    AuditStatus: status,
    Reason: reason,
  })),
);

/** Built: a rejection whose `Reason` is one of Meta's reason names, written as words. */
export const AUDIT_FAIL_META_REASON = JSON.stringify([
  {
    WabaId: '9099999990123',
    TemplateCode: '744c4b5c79c9432497a075bdfca30010',
    Language: 'zh_CN',
    AuditStatus: 'fail',
    Reason: 'Incorrect category',
  },
]);

/** Built: the V2 format (ISV-managed WABAs) adds `Type`; `template` is a review report (the ChatAppAudit page). */
export const AUDIT_V2 = JSON.stringify([
  {
    WabaId: '9099999990123',
    TemplateCode: '744c4b5c79c9432497a075bdfca30011',
    Language: 'id',
    AuditStatus: 'pass',
    Reason: '',
    Type: 'template',
  },
]);

/**
 * Built: a V2 notification that is not a template review. The reference says only that V2 adds
 * `Type`; the type value and the other fields here are invented for the test.
 */
export const V2_OTHER_NOTIFICATION = JSON.stringify([
  { WabaId: '9099999990123', Type: 'phone_number', PhoneNumber: '8613800000000', Status: 'CONNECTED' },
]);

/** Built: a message-status receipt (another CAMS callback) sent to the same URL by mistake. */
export const MESSAGE_STATUS_RECEIPT = JSON.stringify([
  {
    Status: 'Read',
    MsgFrameType: 'template',
    Type: 'TEMPLATE',
    MessageId: '2023078469463703000003',
    Timestamp: 1691043638000,
    TemplateCode: '820561547132813184',
    Language: 'id',
  },
]);

/** Built: `count` review reports, as one large callback. */
export function auditReports(count: number): string {
  const statuses = ['pass', 'fail', 'auditing'];
  return JSON.stringify(
    Array.from({ length: count }, (_, index) => ({
      WabaId: '9099999990123',
      TemplateCode: `744c4b5c79c9432497a075bdfca3${String(index).padStart(4, '0')}`,
      Language: index % 2 === 0 ? 'en_US' : 'zh_CN',
      AuditStatus: statuses[index % statuses.length],
      Reason: index % statuses.length === 1 ? 'The template contains promotional content' : '',
    })),
  );
}
