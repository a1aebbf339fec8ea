import {
  FLOW_CATEGORIES,
  FLOW_STATUSES,
  type Flow,
  type FlowPreview,
  type FlowSummary,
  type FlowValidationError,
  NotFoundError,
  type Page,
  ResponseFormatError,
} from '@whatsapp-bsp/core';
import { definedOnly, toEnumValue } from '@whatsapp-bsp/core/adapter';
import { NXCLOUD_PROVIDER_ID } from '../nxcloud-id.js';
import { nextCursorFrom } from '../wire/nxcloud-paging.js';
import { isRecord, parseWire } from '../wire/nxcloud-wire-values.js';
import {
  type NxcloudValidationErrorWire,
  nxcloudFlowListWireSchema,
  nxcloudFlowPreviewWireSchema,
  nxcloudFlowSummaryWireSchema,
  nxcloudFlowWireSchema,
} from './nxcloud-flow-wire.js';

/** Maps one flow object; `raw` is the object exactly as received. */
export function mapNxcloudFlow(value: unknown): Flow {
  const wire = parseWire(nxcloudFlowWireSchema, value, 'a flow');
  const waba = wire.whatsapp_business_account;
  const application = wire.application;
  const previewUrl = wire.preview?.preview_url;
  return definedOnly({
    provider: NXCLOUD_PROVIDER_ID,
    raw: value,
    id: wire.id,
    name: wire.name,
    status: toEnumValue(FLOW_STATUSES, wire.status),
    categories: mapCategories(wire.categories),
    validationErrors: (wire.validation_errors ?? []).map(mapValidationError),
    jsonVersion: wire.json_version ?? undefined,
    dataApiVersion: wire.data_api_version ?? undefined,
    endpointUri: wire.endpoint_uri || wire.data_channel_uri || undefined,
    // Never derive anything from preview_url: its flow id can differ from `id` (inconsistency 17).
    preview: previewUrl
      ? definedOnly({ url: previewUrl, expiresAt: wire.preview?.expires_at ?? undefined })
      : undefined,
    whatsappBusinessAccountId: (typeof waba === 'string' ? waba : waba?.id) || undefined,
    application: application?.id
      ? definedOnly({
          id: application.id,
          name: application.name ?? undefined,
          link: application.link ?? undefined,
          category: application.category ?? undefined,
        })
      : undefined,
  });
}

export function mapNxcloudFlowSummary(value: unknown): FlowSummary {
  const wire = parseWire(nxcloudFlowSummaryWireSchema, value, 'a flow in a list');
  return {
    provider: NXCLOUD_PROVIDER_ID,
    raw: value,
    id: wire.id,
    name: wire.name,
    categories: mapCategories(wire.categories),
    status: toEnumValue(FLOW_STATUSES, wire.status),
  };
}

/**
 * queryFlowById's `data`. Its page documents `data.data[]` + `paging` while its example returns
 * one flow object (inconsistency 2), so both are read. From a list, only the requested flow is
 * taken; a single flow with another id is a wrong answer, not something to hand back.
 */
export function mapNxcloudQueryFlowById(data: unknown, requestedId: string): Flow {
  const list = isRecord(data) ? data.data : undefined;
  if (Array.isArray(list)) {
    const match = list.find((item) => isRecord(item) && item.id === requestedId);
    if (match === undefined) {
      throw new NotFoundError(`NXCloud has no flow with id ${requestedId}`, {
        provider: NXCLOUD_PROVIDER_ID,
        raw: data,
      });
    }
    return mapNxcloudFlow(match);
  }
  const flow = mapNxcloudFlow(data);
  if (flow.id !== requestedId) {
    throw new ResponseFormatError(`NXCloud answered flow ${flow.id} when asked for flow ${requestedId}`, {
      provider: NXCLOUD_PROVIDER_ID,
      raw: data,
    });
  }
  return flow;
}

/** queryFlowsByPhone's `data`. */
export function mapNxcloudFlowList(data: unknown): Page<FlowSummary> {
  const wire = parseWire(nxcloudFlowListWireSchema, data, 'a flow list');
  return definedOnly({
    items: wire.data.map(mapNxcloudFlowSummary),
    nextCursor: nextCursorFrom(wire.paging),
  });
}

/** getPreviewByFlowId's `data`; its `id` is optional, so the requested id stands in for it. */
export function mapNxcloudFlowPreview(data: unknown, requestedId: string): FlowPreview {
  const wire = parseWire(nxcloudFlowPreviewWireSchema, data, 'a flow preview');
  return definedOnly({
    provider: NXCLOUD_PROVIDER_ID,
    raw: data,
    flowId: wire.id ?? requestedId,
    url: wire.preview.preview_url,
    expiresAt: wire.preview.expires_at ?? undefined,
  });
}

function mapCategories(categories: readonly string[] | null | undefined) {
  return (categories ?? []).map((category) => toEnumValue(FLOW_CATEGORIES, category));
}

/** A bare string becomes `{ message }`; Meta's objects are renamed to camelCase. */
function mapValidationError(error: NxcloudValidationErrorWire): FlowValidationError {
  if (typeof error === 'string') return { message: error };
  return definedOnly({
    message: error.message ?? error.error ?? '',
    error: error.error ?? undefined,
    errorType: error.error_type ?? undefined,
    ...mapPosition(error),
    pointers: error.pointers?.map((pointer) =>
      definedOnly({ ...mapPosition(pointer), path: pointer.path ?? undefined }),
    ),
  });
}

interface PositionWire {
  line_start?: number | null;
  line_end?: number | null;
  column_start?: number | null;
  column_end?: number | null;
}

function mapPosition(position: PositionWire) {
  return {
    lineStart: position.line_start ?? undefined,
    lineEnd: position.line_end ?? undefined,
    columnStart: position.column_start ?? undefined,
    columnEnd: position.column_end ?? undefined,
  };
}
