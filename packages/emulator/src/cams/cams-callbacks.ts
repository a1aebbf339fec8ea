import { EMULATOR_WABA_ID } from '../credentials.js';
import type { CallbackRequest, EmulatorEvent } from '../webhooks/emulator-event.js';
import { camsAuditStatus } from './render-cams-template.js';

/**
 * CAMS's ChatAppAudit HTTP callback: a JSON array of review reports `{ WabaId, TemplateCode,
 * Language, AuditStatus, Reason }`, statuses in CAMS's lower-case words, `Reason` set when the
 * status is `fail` (empty otherwise, as in the page's example). CAMS documents no signature.
 * https://alibabacloud.com/help/en/chatapp/developer-reference/chatappaudit-1
 */
export function camsCallback(event: EmulatorEvent): CallbackRequest | undefined {
  // CAMS reports template reviews only; it has no callback for a flow's status.
  if (event.type !== 'template.status') return undefined;
  const { template } = event;
  const report = {
    WabaId: EMULATOR_WABA_ID,
    TemplateCode: template.code,
    Language: template.language,
    AuditStatus: camsAuditStatus(template.status),
    Reason: template.status === 'REJECTED' ? (template.rejectedReason ?? '') : '',
  };
  const body = JSON.stringify([report]);
  return { body, headers: () => ({ 'content-type': 'application/json' }) };
}
