import { z } from 'zod';
import { enumWithUnknown } from './enum-with-unknown.js';
import { FlowStatusSchema } from './flow.js';
import {
  QualityScoreSchema,
  RejectedReasonSchema,
  TemplateCategorySchema,
  TemplateStatusSchema,
} from './template.js';

/*
 * What vendors report through their callbacks (webhooks), one union for every vendor. Built on
 * first use (`z.lazy`), like the rest of the model.
 */

export const WEBHOOK_EVENT_TYPES = [
  'template.status',
  'template.quality',
  'template.category',
  'flow.status',
  'flow.endpoint_alert',
  'unknown',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Whether a flow endpoint's health alert was raised or cleared. */
export const FLOW_ALERT_STATES = ['ACTIVATED', 'DEACTIVATED'] as const;
export const FlowAlertStateSchema = z.lazy(() => enumWithUnknown(FLOW_ALERT_STATES));
export type FlowAlertState = z.infer<typeof FlowAlertStateSchema>;

/**
 * The template an event is about. `id` is the vendor's id as `templates.get({ id })` takes it
 * (Meta's template id on NXCloud; `<TemplateCode>:<Language>` on CAMS). `name` is absent when the
 * vendor does not send it (CAMS's review reports carry only the TemplateCode and the language).
 */
export const EventTemplateReferenceSchema = z.lazy(() =>
  z.object({
    id: z.string(),
    name: z.string().optional(),
    language: z.string(),
  }),
);
export type EventTemplateReference = z.infer<typeof EventTemplateReferenceSchema>;

/** The fields every event has. */
function eventBase() {
  return {
    /**
     * A de-duplication key built from the vendor's identity fields only (never from the time
     * of receipt), so that a redelivery of the same report has the same id. Opaque: compare it,
     * do not parse it.
     */
    id: z.string(),
    provider: z.string(),
    /** When the vendor says it happened; the time of receipt when the vendor gives none. */
    occurredAt: z.date(),
    /** The WhatsApp Business Account, when the vendor names it. */
    wabaId: z.string().optional(),
    /** The business phone number, when the vendor names it. */
    businessPhone: z.string().optional(),
    /** The vendor's report exactly as received. */
    raw: z.unknown(),
  };
}

export const TemplateStatusEventSchema = z.lazy(() =>
  z.object({
    type: z.literal('template.status'),
    ...eventBase(),
    templateRef: EventTemplateReferenceSchema,
    status: TemplateStatusSchema,
    previousStatus: TemplateStatusSchema.optional(),
    /** Meta's reason code, when the vendor gives one (`NONE` on an approval). */
    reason: RejectedReasonSchema.optional(),
    /** The vendor's own words for the reason, when they are free text (CAMS `Reason`). */
    reasonText: z.string().optional(),
  }),
);
export type TemplateStatusEvent = z.infer<typeof TemplateStatusEventSchema>;

export const TemplateQualityEventSchema = z.lazy(() =>
  z.object({
    type: z.literal('template.quality'),
    ...eventBase(),
    templateRef: EventTemplateReferenceSchema,
    qualityScore: QualityScoreSchema,
    previousQualityScore: QualityScoreSchema.optional(),
  }),
);
export type TemplateQualityEvent = z.infer<typeof TemplateQualityEventSchema>;

export const TemplateCategoryEventSchema = z.lazy(() =>
  z.object({
    type: z.literal('template.category'),
    ...eventBase(),
    templateRef: EventTemplateReferenceSchema,
    category: TemplateCategorySchema,
    previousCategory: TemplateCategorySchema.optional(),
  }),
);
export type TemplateCategoryEvent = z.infer<typeof TemplateCategoryEventSchema>;

export const FlowStatusEventSchema = z.lazy(() =>
  z.object({
    type: z.literal('flow.status'),
    ...eventBase(),
    flowId: z.string(),
    status: FlowStatusSchema,
    /** Absent when the flow was just created. */
    previousStatus: FlowStatusSchema.optional(),
    /** The vendor's readable description of the change. */
    message: z.string().optional(),
  }),
);
export type FlowStatusEvent = z.infer<typeof FlowStatusEventSchema>;

export const FlowEndpointAlertEventSchema = z.lazy(() =>
  z.object({
    type: z.literal('flow.endpoint_alert'),
    ...eventBase(),
    flowId: z.string(),
    alertState: FlowAlertStateSchema,
    /** The vendor's threshold for the alert, e.g. 90 (percent of requests answered). */
    threshold: z.number().optional(),
    message: z.string().optional(),
  }),
);
export type FlowEndpointAlertEvent = z.infer<typeof FlowEndpointAlertEventSchema>;

/** A report this library does not model (yet); everything is in `raw`. */
export const UnknownEventSchema = z.lazy(() =>
  z.object({
    type: z.literal('unknown'),
    ...eventBase(),
    /** What the vendor calls it, when it says: NXCloud's `field` (and `event`), CAMS's `Type`. */
    vendorEvent: z.string().optional(),
  }),
);
export type UnknownEvent = z.infer<typeof UnknownEventSchema>;

export const WebhookEventSchema = z.lazy(() =>
  z.discriminatedUnion('type', [
    TemplateStatusEventSchema.unwrap(),
    TemplateQualityEventSchema.unwrap(),
    TemplateCategoryEventSchema.unwrap(),
    FlowStatusEventSchema.unwrap(),
    FlowEndpointAlertEventSchema.unwrap(),
    UnknownEventSchema.unwrap(),
  ]),
);
export type WebhookEvent = z.infer<typeof WebhookEventSchema>;
