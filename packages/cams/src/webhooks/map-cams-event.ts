import {
  REJECTED_REASONS,
  type RejectedReason,
  ResponseFormatError,
  type TemplateStatusEvent,
  type UnknownEvent,
  type WebhookEvent,
  type WebhookRequest,
} from '@whatsapp-bsp/core';
import {
  definedOnly,
  isRecord,
  jsonFingerprint,
  parseWire,
  toEnumValue,
  webhookEventId,
} from '@whatsapp-bsp/core/adapter';
import { camsTemplateId } from '../templates/cams-template-id.js';
import { mapCamsAuditStatus } from '../templates/map-cams-template.js';
import { camsAuditReportWireSchema } from './cams-event-wire.js';

const PROVIDER = 'cams';

/**
 * The events of one CAMS ChatAppAudit HTTP callback (CAMS's template review notification, ChatAppAudit): a JSON array of template
 * review reports, each a `template.status` event, its `AuditStatus` mapped as the template reads
 * map it. A V2 item whose `Type` is not `template` (the vendor's other ISV notifications), or an
 * item without `AuditStatus` (another CAMS callback sent to the same URL), is an `unknown` event.
 *
 * Reports carry no time: `occurredAt` is the time of receipt. Ids are
 * `cams:<WabaId>:<TemplateCode>:<Language>:<AuditStatus>` (`cams:unknown:<Type>:<digest>` for
 * unknown items), so a redelivery gets the same id; so does a template that returns to a status
 * it had (see the receiver's de-duplication window).
 *
 * @throws ResponseFormatError when the body is not an array of objects, or a review report lacks
 *   a documented field. The error holds no part of the body.
 */
export function mapCamsEvents(request: WebhookRequest): WebhookEvent[] {
  const { json, receivedAt } = request;
  if (!Array.isArray(json)) throw mismatch('', 'is not a JSON array of reports');
  const events: WebhookEvent[] = [];
  for (let index = 0; index < json.length; index++) {
    const item: unknown = json[index];
    if (!isRecord(item)) throw mismatch(`[${index}]`, 'is not an object');
    events.push(
      isAuditReport(item) ? mapAuditReport(item, index, receivedAt) : unknownEvent(item, receivedAt),
    );
  }
  return events;
}

function isAuditReport(item: Record<string, unknown>): boolean {
  const type = item.Type;
  return (
    'AuditStatus' in item && (type == null || (typeof type === 'string' && type.toLowerCase() === 'template'))
  );
}

function mapAuditReport(item: Record<string, unknown>, index: number, receivedAt: Date): TemplateStatusEvent {
  const wire = parseWire(camsAuditReportWireSchema(), item, (detail) =>
    mismatch(`[${index}]${detail.path === '' ? '' : `.${detail.path}`}`, detail.message),
  );
  const event: TemplateStatusEvent = {
    type: 'template.status',
    id: webhookEventId(PROVIDER, [
      wire.WabaId ?? undefined,
      wire.TemplateCode,
      wire.Language,
      wire.AuditStatus,
    ]),
    provider: PROVIDER,
    occurredAt: receivedAt,
    raw: item,
    templateRef: { id: camsTemplateId(wire.TemplateCode, wire.Language), language: wire.Language },
    status: statusOf(wire.AuditStatus),
  };
  // Optional fields are set only when present, without spreads: callbacks carry up to thousands
  // of reports, and copying objects per report is what parsing them cost most.
  if (wire.WabaId != null) event.wabaId = wire.WabaId;
  const reasonText = wire.Reason?.trim();
  if (reasonText) {
    event.reason = reasonOf(reasonText);
    event.reasonText = reasonText;
  }
  return event;
}

/**
 * `Reason` is free text (`"None"` in the read examples); Meta's reason names are matched, spaces
 * or not. The same rule as the template reads, whose mapper keeps it private.
 */
function mapReason(text: string): RejectedReason {
  return toEnumValue(REJECTED_REASONS, text.replace(/[\s-]+/g, '_'));
}

/*
 * A callback repeats a handful of statuses and reasons over up to thousands of reports; mapping
 * each distinct text once was a fifth of what parsing a large callback cost.
 */
const statusOf = remembered(mapCamsAuditStatus);
const reasonOf = remembered(mapReason);

/** `map` with its results kept for the first texts it sees, a bounded number of them. */
function remembered<Result>(map: (text: string) => Result, capacity = 64): (text: string) => Result {
  const results = new Map<string, Result>();
  return (text) => {
    let result = results.get(text);
    if (result === undefined) {
      result = map(text);
      if (results.size < capacity) results.set(text, result);
    }
    return result;
  };
}

function unknownEvent(item: Record<string, unknown>, receivedAt: Date): UnknownEvent {
  const vendorEvent = typeof item.Type === 'string' && item.Type !== '' ? item.Type : undefined;
  return {
    type: 'unknown',
    id: webhookEventId(PROVIDER, ['unknown', vendorEvent, jsonFingerprint(item)]),
    provider: PROVIDER,
    occurredAt: receivedAt,
    ...definedOnly({
      wabaId: typeof item.WabaId === 'string' && item.WabaId !== '' ? item.WabaId : undefined,
    }),
    raw: item,
    ...definedOnly({ vendorEvent }),
  };
}

function mismatch(path: string, message: string): ResponseFormatError {
  const where = path === '' ? '' : ` at \`${path}\``;
  return new ResponseFormatError(
    `CAMS ChatAppAudit callback is not in its documented shape${where}: ${message}`,
    {
      provider: PROVIDER,
      httpStatusCode: 400,
    },
  );
}
