import {
  FLOW_CATEGORIES,
  FLOW_STATUSES,
  type Flow,
  type FlowCategory,
  type FlowPreview,
  type FlowSummary,
  type Page,
} from '@whatsapp-bsp/core';
import { definedOnly, toEnumValue } from '@whatsapp-bsp/core/adapter';
import { dateFromEpochMs } from '../transport/cams-dates.js';
import { type CamsPage, nextCursor } from '../transport/cams-page.js';
import type { CamsFlowPreviewWire, CamsFlowSummaryWire, CamsFlowWire } from './cams-flow-wire.js';

const PROVIDER = 'cams';

function mapCategories(categories: readonly unknown[] | undefined): FlowCategory[] {
  return (categories ?? []).map((category) => toEnumValue(FLOW_CATEGORIES, category));
}

/** GetFlow's `Data`. CAMS reports no validation errors, so that list is always empty. */
export function mapCamsFlow(wire: CamsFlowWire, raw: unknown): Flow {
  return definedOnly({
    provider: PROVIDER,
    raw,
    id: wire.FlowId,
    name: wire.FlowName,
    status: toEnumValue(FLOW_STATUSES, wire.Status),
    categories: mapCategories(wire.Categories),
    validationErrors: [],
    jsonVersion: wire.JSONVersion,
    dataApiVersion: wire.DataApiVersion,
    endpointUri: wire.EndpointUri,
    preview: wire.PreviewUrl
      ? definedOnly({ url: wire.PreviewUrl, expiresAt: dateFromEpochMs(wire.PreviewUrlExpires) })
      : undefined,
  });
}

/** One ListFlow item; CAMS lists carry no status. */
export function mapCamsFlowSummary(wire: CamsFlowSummaryWire, raw: unknown): FlowSummary {
  return {
    provider: PROVIDER,
    raw,
    id: wire.FlowId,
    name: wire.FlowName,
    categories: mapCategories(wire.Categories),
  };
}

/**
 * One page of ListFlow: its `Data`, and `raw`, that `Data` as received. ListFlow reports no
 * total, so another page exists while this one came back full.
 */
export function mapCamsFlowPage(
  items: readonly CamsFlowSummaryWire[] | undefined,
  raw: unknown,
  page: CamsPage,
): Page<FlowSummary> {
  const rawItems: readonly unknown[] = Array.isArray(raw) ? raw : [];
  const flows = items ?? [];
  return {
    items: flows.map((item, i) => mapCamsFlowSummary(item, rawItems[i])),
    ...nextCursor(page, flows.length >= page.size),
  };
}

/** GetFlowPreviewUrl's `Data`; the requested id stands in when the answer omits `FlowId`. */
export function mapCamsFlowPreview(
  wire: CamsFlowPreviewWire,
  raw: unknown,
  requestedId: string,
): FlowPreview {
  return definedOnly({
    provider: PROVIDER,
    raw,
    flowId: wire.FlowId ?? requestedId,
    url: wire.PreviewUrl,
    expiresAt: dateFromEpochMs(wire.PreviewUrlExpires),
  });
}
