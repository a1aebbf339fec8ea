import {
  FLOW_ALERT_STATES,
  FLOW_STATUSES,
  QUALITY_SCORES,
  REJECTED_REASONS,
  ResponseFormatError,
  TEMPLATE_STATUSES,
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
  toTemplateCategory,
  type WireSchema,
  webhookEventId,
} from '@whatsapp-bsp/core/adapter';
import { NXCLOUD_PROVIDER_ID } from '../nxcloud-id.js';
import {
  nxcloudEndpointAlertWireSchema,
  nxcloudEnvelopeWireSchema,
  nxcloudEventTimeSchema,
  nxcloudFlowEventWireSchema,
  nxcloudFlowStatusWireSchema,
  nxcloudStatusesWireSchema,
  nxcloudTemplateCategoryWireSchema,
  nxcloudTemplateQualityWireSchema,
  nxcloudTemplateStatusWireSchema,
} from './nxcloud-event-wire.js';

/**
 * The events of one NXCloud callback (NXCloud's template-webhook and flows-webhook pages). A `{ field, value }` envelope is one event:
 * the documented template and flow fields map to their events, an undocumented field or flow
 * event to an `unknown` event. The older `{ statuses: [...] }` shape gives one `unknown` event per
 * message status (message delivery is outside the model).
 *
 * Event ids are `nxcloud:<wabaId>:<field>:<template or flow id>:<event or new value>:<time>`, and
 * `nxcloud:unknown:<field[.event]>:<digest of the report>` for unknown events: a redelivery of the
 * same report gets the same id. `time` (Unix seconds) is the event time; without it, the time
 * of receipt.
 *
 * @throws ResponseFormatError when the body is neither shape, or a documented field's value lacks
 *   what its page documents. The error holds no part of the body.
 */
export function mapNxcloudEvents(request: WebhookRequest): WebhookEvent[] {
  const { json, receivedAt } = request;
  if (isRecord(json) && 'field' in json) return [mapEnvelope(json, receivedAt)];
  if (isRecord(json) && 'statuses' in json) {
    const { statuses } = parseCallback(nxcloudStatusesWireSchema(), json, 'message-status callback');
    return statuses.map((status) =>
      unknownEvent('statuses', status, readTime(status.timestamp) ?? receivedAt),
    );
  }
  throw mismatch('callback', {
    path: '',
    message: 'is neither a `{ field, value }` event nor a `{ statuses }` report',
  });
}

function mapEnvelope(body: Record<string, unknown>, receivedAt: Date): WebhookEvent {
  const { field, value } = parseCallback(nxcloudEnvelopeWireSchema(), body, 'callback');
  switch (field) {
    case 'message_template_status_update': {
      const wire = parseCallback(nxcloudTemplateStatusWireSchema(), value, field, 'value');
      return {
        type: 'template.status',
        ...eventBase(body, wire, [field, wire.message_template_id, wire.event], receivedAt),
        templateRef: templateRef(wire),
        status: toEnumValue(TEMPLATE_STATUSES, wire.event),
        ...definedOnly({
          reason: wire.reason ? toEnumValue(REJECTED_REASONS, wire.reason) : undefined,
        }),
      };
    }
    case 'message_template_quality_update': {
      const wire = parseCallback(nxcloudTemplateQualityWireSchema(), value, field, 'value');
      return {
        type: 'template.quality',
        ...eventBase(body, wire, [field, wire.message_template_id, wire.new_quality_score], receivedAt),
        templateRef: templateRef(wire),
        qualityScore: toEnumValue(QUALITY_SCORES, wire.new_quality_score),
        ...definedOnly({
          previousQualityScore: wire.previous_quality_score
            ? toEnumValue(QUALITY_SCORES, wire.previous_quality_score)
            : undefined,
        }),
      };
    }
    case 'template_category_update': {
      // Undocumented payload: read as Meta sends it, kept as unknown if it is not that.
      const result = nxcloudTemplateCategoryWireSchema().safeParse(value);
      if (!result.success) return unknownEvent(field, body, readTime(value.time) ?? receivedAt);
      const wire = result.data;
      return {
        type: 'template.category',
        ...eventBase(body, wire, [field, wire.message_template_id, wire.new_category], receivedAt),
        templateRef: templateRef(wire),
        category: toTemplateCategory(wire.new_category),
        ...definedOnly({
          previousCategory: wire.previous_category ? toTemplateCategory(wire.previous_category) : undefined,
        }),
      };
    }
    case 'flows':
      return mapFlowEvent(body, value, receivedAt);
    default:
      return unknownEvent(field, body, readTime(value.time) ?? receivedAt);
  }
}

function mapFlowEvent(
  body: Record<string, unknown>,
  value: Record<string, unknown>,
  receivedAt: Date,
): WebhookEvent {
  const field = 'flows';
  const { event } = parseCallback(nxcloudFlowEventWireSchema(), value, field, 'value');
  switch (event) {
    case 'FLOW_STATUS_CHANGE': {
      const wire = parseCallback(nxcloudFlowStatusWireSchema(), value, `${field} ${event}`, 'value');
      return {
        type: 'flow.status',
        ...eventBase(body, wire, [field, wire.flow_id, event, wire.new_status], receivedAt),
        flowId: wire.flow_id,
        status: toEnumValue(FLOW_STATUSES, wire.new_status),
        ...definedOnly({
          previousStatus: wire.old_status ? toEnumValue(FLOW_STATUSES, wire.old_status) : undefined,
          message: wire.message ?? undefined,
        }),
      };
    }
    case 'ENDPOINT_AVAILABILITY': {
      const wire = parseCallback(nxcloudEndpointAlertWireSchema(), value, `${field} ${event}`, 'value');
      return {
        type: 'flow.endpoint_alert',
        ...eventBase(body, wire, [field, wire.flow_id, event, wire.alert_state], receivedAt),
        flowId: wire.flow_id,
        alertState: toEnumValue(FLOW_ALERT_STATES, wire.alert_state),
        ...definedOnly({ threshold: wire.threshold ?? undefined, message: wire.message ?? undefined }),
      };
    }
    default:
      return unknownEvent(`${field}.${event}`, body, readTime(value.time) ?? receivedAt);
  }
}

interface CommonWire {
  readonly time?: number | null | undefined;
  readonly wabaId?: string | null | undefined;
  readonly business_phone?: string | null | undefined;
}

/** What every mapped event has; `identity` are the report's own fields after the WABA. */
function eventBase(
  raw: unknown,
  wire: CommonWire,
  identity: readonly (string | undefined)[],
  receivedAt: Date,
) {
  const time = wire.time ?? undefined;
  return {
    id: webhookEventId(NXCLOUD_PROVIDER_ID, [wire.wabaId ?? undefined, ...identity, time]),
    provider: NXCLOUD_PROVIDER_ID,
    occurredAt: time === undefined ? receivedAt : fromUnixSeconds(time),
    ...definedOnly({ wabaId: wire.wabaId ?? undefined, businessPhone: wire.business_phone ?? undefined }),
    raw,
  };
}

function templateRef(wire: {
  message_template_id: string;
  message_template_name?: string | null | undefined;
  message_template_language: string;
}) {
  return definedOnly({
    id: wire.message_template_id,
    name: wire.message_template_name ?? undefined,
    language: wire.message_template_language,
  });
}

function unknownEvent(vendorEvent: string, raw: Record<string, unknown>, occurredAt: Date): UnknownEvent {
  const value = isRecord(raw.value) ? raw.value : raw;
  return {
    type: 'unknown',
    id: webhookEventId(NXCLOUD_PROVIDER_ID, ['unknown', vendorEvent, jsonFingerprint(raw)]),
    provider: NXCLOUD_PROVIDER_ID,
    occurredAt,
    ...definedOnly({ wabaId: textOf(value.wabaId), businessPhone: textOf(value.business_phone) }),
    raw,
    vendorEvent,
  };
}

/** A time in Unix seconds as the vendor may write it; undefined when absent or unreadable. */
function readTime(value: unknown): Date | undefined {
  const result = nxcloudEventTimeSchema().safeParse(value);
  return result.success ? fromUnixSeconds(result.data) : undefined;
}

function fromUnixSeconds(seconds: number): Date {
  return new Date(seconds * 1000);
}

function textOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function parseCallback<Output>(
  schema: WireSchema<Output>,
  value: unknown,
  what: string,
  prefix?: string,
): Output {
  return parseWire(schema, value, (detail) =>
    mismatch(what, { ...detail, path: [prefix, detail.path].filter(Boolean).join('.') }),
  );
}

function mismatch(what: string, detail: { path: string; message: string }): ResponseFormatError {
  const where = detail.path === '' ? '' : ` at \`${detail.path}\``;
  return new ResponseFormatError(
    `NXCloud ${what} is not in its documented shape${where}: ${detail.message}`,
    { provider: NXCLOUD_PROVIDER_ID, httpStatusCode: 400 },
  );
}
