import {
  FLOW_CATEGORIES,
  FLOW_HEALTH_STATES,
  FLOW_STATUSES,
  type Flow,
  type FlowHealthStatus,
  type FlowPreview,
  type FlowSummary,
  type FlowValidationError,
  type Page,
} from '@whatsapp-bsp/core';
import { definedOnly, toEnumValue } from '@whatsapp-bsp/core/adapter';
import { NXCLOUD_PROVIDER_ID } from '../nxcloud-id.js';
import { nextCursorFrom } from '../wire/nxcloud-paging.js';
import type {
  NxcloudFlowHealthWire,
  NxcloudFlowListWire,
  NxcloudFlowPreviewWire,
  NxcloudFlowSummaryWire,
  NxcloudFlowWire,
  NxcloudValidationErrorWire,
} from './nxcloud-flow-wire.js';

/*
 * NXCloud's flows, already parsed by their wire schemas, turned into the model. `raw` is always
 * the vendor's object as received, not its parsed form.
 */

/** One flow, as queryFlowById answers it. */
export function flowFromWire(wire: NxcloudFlowWire, raw: unknown): Flow {
  const waba = wire.whatsapp_business_account;
  const application = wire.application;
  const previewUrl = wire.preview?.preview_url;
  return definedOnly({
    provider: NXCLOUD_PROVIDER_ID,
    raw,
    id: wire.id,
    name: wire.name,
    status: toEnumValue(FLOW_STATUSES, wire.status),
    categories: mapCategories(wire.categories),
    validationErrors: (wire.validation_errors ?? []).map(validationErrorFromWire),
    jsonVersion: wire.json_version ?? undefined,
    dataApiVersion: wire.data_api_version ?? undefined,
    endpointUri: wire.endpoint_uri || wire.data_channel_uri || undefined,
    // Never derive anything from preview_url: in the queryFlowById example its flow id differs
    // from `id` (…0850 against …0851).
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
    healthStatus: wire.health_status ? mapHealthStatus(wire.health_status) : undefined,
    updatedAt: wire.updated_at ?? undefined,
  });
}

/** Meta's `health_status`, renamed; an unknown `can_send_message` is UNKNOWN, as every enum. */
function mapHealthStatus(health: NxcloudFlowHealthWire): FlowHealthStatus {
  return {
    canSendMessage: toEnumValue(FLOW_HEALTH_STATES, health.can_send_message),
    entities: (health.entities ?? []).map((entity) =>
      definedOnly({
        entityType: entity.entity_type,
        id: entity.id,
        canSendMessage: toEnumValue(FLOW_HEALTH_STATES, entity.can_send_message),
        errors: entity.errors?.map((error) =>
          definedOnly({
            errorCode: error.error_code ?? undefined,
            errorDescription: error.error_description ?? undefined,
            possibleSolution: error.possible_solution ?? undefined,
          }),
        ),
        additionalInfo: entity.additional_info ?? undefined,
      }),
    ),
  };
}

export function flowSummaryFromWire(wire: NxcloudFlowSummaryWire, raw: unknown): FlowSummary {
  return {
    provider: NXCLOUD_PROVIDER_ID,
    raw,
    id: wire.id,
    name: wire.name,
    categories: mapCategories(wire.categories),
    status: toEnumValue(FLOW_STATUSES, wire.status),
  };
}

/** queryFlowsByPhone's `data`. */
export function flowPageFromWire(list: NxcloudFlowListWire): Page<FlowSummary> {
  return definedOnly({
    items: list.data.map((item) => flowSummaryFromWire(item.wire, item.raw)),
    nextCursor: nextCursorFrom(list.paging),
  });
}

/** getPreviewByFlowId's `data`; its `id` is optional, so the requested id stands in for it. */
export function flowPreviewFromWire(
  wire: NxcloudFlowPreviewWire,
  raw: unknown,
  requestedId: string,
): FlowPreview {
  return definedOnly({
    provider: NXCLOUD_PROVIDER_ID,
    raw,
    flowId: wire.id ?? requestedId,
    url: wire.preview.preview_url,
    expiresAt: wire.preview.expires_at ?? undefined,
  });
}

function mapCategories(categories: readonly string[] | null | undefined) {
  return (categories ?? []).map((category) => toEnumValue(FLOW_CATEGORIES, category));
}

/**
 * One of Meta's `validation_errors`, from queryFlowById or updateFlowJson: a bare string becomes
 * `{ message }`; Meta's objects are renamed to camelCase.
 */
export function validationErrorFromWire(error: NxcloudValidationErrorWire): FlowValidationError {
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
