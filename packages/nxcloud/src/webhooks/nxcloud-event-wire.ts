import { once } from '@whatsapp-bsp/core/adapter';
import { z } from 'zod';

/*
 * NXCloud's callbacks (NXCloud's template-webhook and flows-webhook pages), in the vendor's own names: an envelope `{ field, value }`
 * whose value holds Meta's snake_case fields plus NXCloud's `business_phone` and camelCase `wabaId`,
 * and the older message-status shape `{ statuses: [...] }`. Lenient where the vendor types loosely
 * (ids and times may be numbers or strings, optional fields may be null); keys not listed are
 * neither checked nor copied (the event's `raw` is the body as received). Built on first use.
 */

/** An id as text; a JSON number is accepted while it is exact. */
const idSchema = once(() =>
  z
    .union([z.string().min(1), z.int().refine(Number.isSafeInteger, 'is a number too large to be exact')])
    .transform(String),
);

/** The largest distance from the epoch, in seconds, that a JavaScript Date can hold. */
const MAX_DATE_SECONDS = 8.64e12;

/** `time`: Unix seconds, a number (documented) or a decimal string (as the older shape writes it). */
export const nxcloudEventTimeSchema = once(() =>
  z
    .union([
      z.number(),
      z
        .string()
        .regex(/^-?\d{1,13}(\.\d{1,9})?$/)
        .transform(Number),
    ])
    .refine((seconds) => Math.abs(seconds) <= MAX_DATE_SECONDS, 'is not a representable time'),
);

/** The fields every documented value carries besides its own. */
function commonFields() {
  return {
    time: nxcloudEventTimeSchema().nullish(),
    wabaId: idSchema().nullish(),
    business_phone: idSchema().nullish(),
  };
}

function templateFields() {
  return {
    ...commonFields(),
    message_template_id: idSchema(),
    message_template_name: z.string().nullish(),
    message_template_language: z.string().min(1),
  };
}

/** The envelope of every current callback: which subscription (`field`) and its `value`. */
export const nxcloudEnvelopeWireSchema = once(() =>
  z.object({ field: z.string(), value: z.record(z.string(), z.unknown()) }),
);

/** `message_template_status_update`: `event` is Meta's status (`APPROVED`, `REJECTED`, …). */
export const nxcloudTemplateStatusWireSchema = once(() =>
  z.object({ ...templateFields(), event: z.string(), reason: z.string().nullish() }),
);
export type NxcloudTemplateStatusWire = z.output<ReturnType<typeof nxcloudTemplateStatusWireSchema>>;

/** `message_template_quality_update`. */
export const nxcloudTemplateQualityWireSchema = once(() =>
  z.object({
    ...templateFields(),
    new_quality_score: z.string(),
    previous_quality_score: z.string().nullish(),
  }),
);
export type NxcloudTemplateQualityWire = z.output<ReturnType<typeof nxcloudTemplateQualityWireSchema>>;

/**
 * `template_category_update`: subscribable, its payload undocumented. This is Meta's shape for the
 * same field; a value without it is kept as an unknown event rather than refused.
 */
export const nxcloudTemplateCategoryWireSchema = once(() =>
  z.object({
    ...templateFields(),
    new_category: z.string(),
    previous_category: z.string().nullish(),
  }),
);
export type NxcloudTemplateCategoryWire = z.output<ReturnType<typeof nxcloudTemplateCategoryWireSchema>>;

/** `flows`: which flow event the value reports. */
export const nxcloudFlowEventWireSchema = once(() => z.object({ event: z.string() }));

/** `flows` with `event: "FLOW_STATUS_CHANGE"`; `old_status` is absent for a flow created as DRAFT. */
export const nxcloudFlowStatusWireSchema = once(() =>
  z.object({
    ...commonFields(),
    flow_id: idSchema(),
    new_status: z.string(),
    old_status: z.string().nullish(),
    message: z.string().nullish(),
  }),
);
export type NxcloudFlowStatusWire = z.output<ReturnType<typeof nxcloudFlowStatusWireSchema>>;

/** `flows` with `event: "ENDPOINT_AVAILABILITY"`. */
export const nxcloudEndpointAlertWireSchema = once(() =>
  z.object({
    ...commonFields(),
    flow_id: idSchema(),
    alert_state: z.string(),
    threshold: z
      .union([
        z.number(),
        z
          .string()
          .regex(/^-?\d{1,15}(\.\d{1,9})?$/)
          .transform(Number),
      ])
      .nullish(),
    message: z.string().nullish(),
  }),
);
export type NxcloudEndpointAlertWire = z.output<ReturnType<typeof nxcloudEndpointAlertWireSchema>>;

/** The older message-status webhook ([EN-2023]): one report per item, each an object. */
export const nxcloudStatusesWireSchema = once(() =>
  z.object({ statuses: z.array(z.record(z.string(), z.unknown())) }),
);
