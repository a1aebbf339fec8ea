import { NotFoundError } from '@whatsapp-bsp/core';
import { isRecord, once } from '@whatsapp-bsp/core/adapter';
import { z } from 'zod';
import { NXCLOUD_PROVIDER_ID } from '../nxcloud-id.js';
import { nxcloudListItemSchema } from '../wire/nxcloud-list-item.js';
import { nxcloudPagingWireSchema } from '../wire/nxcloud-paging.js';
import { nxcloudTimestampSchema } from '../wire/nxcloud-timestamp.js';
import { lenientIntegerSchema, optionalTextSchema } from '../wire/nxcloud-wire-values.js';

/*
 * NXCloud's flow objects, in the vendor's own snake_case names (mostly Meta's, passed through).
 * Lenient on purpose: optional fields may be null, and each documented quirk is admitted here and
 * absorbed by the mapper. Keys not listed are not checked and not copied: the mapper reads only
 * these, and the entity's `raw` is the object exactly as received.
 *
 * Every schema is built on first use, not at import, to keep importing the adapter cheap.
 */

const optionalIntegerSchema = once(() => lenientIntegerSchema().nullish());

const positionWireShape = once(() => ({
  line_start: optionalIntegerSchema(),
  line_end: optionalIntegerSchema(),
  column_start: optionalIntegerSchema(),
  column_end: optionalIntegerSchema(),
}));

/** Typed `Array[String]` on the queryFlowById page, Meta's objects on the updateFlowJson page. */
export const nxcloudValidationErrorWireSchema = once(() =>
  z.union([
    z.string(),
    z.object({
      message: optionalTextSchema(),
      error: optionalTextSchema(),
      error_type: optionalTextSchema(),
      ...positionWireShape(),
      pointers: z.array(z.object({ ...positionWireShape(), path: optionalTextSchema() })).nullish(),
    }),
  ]),
);
export type NxcloudValidationErrorWire = z.output<ReturnType<typeof nxcloudValidationErrorWireSchema>>;

export const nxcloudFlowPreviewLinkWireSchema = once(() =>
  z.object({
    preview_url: optionalTextSchema(),
    /** `2024-01-13T10:03:53+0000` in the queryFlowById example: no colon in the offset. */
    expires_at: nxcloudTimestampSchema().nullish(),
  }),
);

/** One entity of Meta's `health_status`, with its own health and the problems found. */
const healthEntityWireSchema = once(() =>
  z.object({
    entity_type: z.string(),
    id: z.union([z.string(), z.int().refine(Number.isSafeInteger)]).transform(String),
    can_send_message: optionalTextSchema(),
    errors: z
      .array(
        z.object({
          error_code: optionalIntegerSchema(),
          error_description: optionalTextSchema(),
          possible_solution: optionalTextSchema(),
        }),
      )
      .nullish(),
    additional_info: z.array(z.string()).nullish(),
  }),
);

/** Meta's `health_status` of a flow; not on NXCloud's pages, relayed as Meta sends it. */
export const nxcloudFlowHealthWireSchema = once(() =>
  z.object({
    can_send_message: optionalTextSchema(),
    entities: z.array(healthEntityWireSchema()).nullish(),
  }),
);
export type NxcloudFlowHealthWire = z.output<ReturnType<typeof nxcloudFlowHealthWireSchema>>;

/** Flow ids are digit strings (Meta's ids). */
export const flowIdSchema = once(() => z.string().regex(/^\d+$/, 'must be a string of digits'));

const flowSummaryWireObject = once(() =>
  z.object({
    id: flowIdSchema(),
    name: z.string(),
    status: optionalTextSchema(),
    categories: z.array(z.string()).nullish(),
  }),
);

/** What queryFlowsByPhone lists: `id`, `name`, `status`, `categories`, and possibly more. */
export const nxcloudFlowSummaryWireSchema = z.lazy(flowSummaryWireObject);
export type NxcloudFlowSummaryWire = z.output<typeof nxcloudFlowSummaryWireSchema>;

/** One flow as queryFlowById returns it. */
export const nxcloudFlowWireSchema = z.lazy(() =>
  flowSummaryWireObject().extend({
    validation_errors: z.array(nxcloudValidationErrorWireSchema()).nullish(),
    json_version: optionalTextSchema(),
    data_api_version: optionalTextSchema(),
    endpoint_uri: optionalTextSchema(),
    /** Deprecated since Graph API v19.0 in favour of `endpoint_uri`, still documented. */
    data_channel_uri: optionalTextSchema(),
    preview: nxcloudFlowPreviewLinkWireSchema().nullish(),
    /** Typed String on the queryFlowById page; Meta's Graph API returns an object `{ id }`. */
    whatsapp_business_account: z.union([z.string(), z.object({ id: optionalTextSchema() })]).nullish(),
    application: z
      .object({
        id: optionalTextSchema(),
        name: optionalTextSchema(),
        link: optionalTextSchema(),
        /** Localised text such as `实用类`, not an enum. */
        category: optionalTextSchema(),
      })
      .nullish(),
    health_status: nxcloudFlowHealthWireSchema().nullish(),
    /** Meta's `updated_at`, in the same form as `expires_at`; not on NXCloud's pages. */
    updated_at: nxcloudTimestampSchema().nullish(),
  }),
);
export type NxcloudFlowWire = z.output<typeof nxcloudFlowWireSchema>;

/** queryFlowsByPhone's `data`; each item is kept as received too, for its flow's `raw`. */
export const nxcloudFlowListWireSchema = z.lazy(() =>
  z.object({
    data: z.array(nxcloudListItemSchema(nxcloudFlowSummaryWireSchema)),
    paging: nxcloudPagingWireSchema().nullish(),
  }),
);
export type NxcloudFlowListWire = z.output<typeof nxcloudFlowListWireSchema>;

/** getPreviewByFlowId's `data`: its page lists `id`, but the page's own example omits it. */
export const nxcloudFlowPreviewWireSchema = z.lazy(() =>
  z.object({
    id: flowIdSchema().nullish(),
    preview: nxcloudFlowPreviewLinkWireSchema().extend({ preview_url: z.string().min(1) }),
  }),
);
export type NxcloudFlowPreviewWire = z.output<typeof nxcloudFlowPreviewWireSchema>;

/**
 * The flow object in queryFlowById's `data`, as received. The page's table documents
 * `{ data: flowInfo[], paging }`, its example one flow object: both are read. From a list only the
 * flow asked for is taken, so another flow in it, well-formed or not, does not fail the call.
 *
 * @throws NotFoundError when a list does not hold the flow.
 */
export function flowInQueryFlowById(data: unknown, id: string): unknown {
  const list = isRecord(data) ? data.data : undefined;
  if (!Array.isArray(list)) return data;
  const match = list.find((item) => isRecord(item) && item.id === id);
  if (match === undefined) {
    throw new NotFoundError(`NXCloud has no flow with id ${id}`, {
      provider: NXCLOUD_PROVIDER_ID,
      raw: data,
    });
  }
  return match;
}
