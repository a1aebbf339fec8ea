import { z } from 'zod';
import { enumWithUnknown } from './enum-with-unknown.js';

/*
 * Every schema of the model is built on its first use (`z.lazy`), not when the package is
 * imported: building them all cost a noticeable share of the import (see docs/performance.md).
 */

export const FLOW_STATUSES = ['DRAFT', 'PUBLISHED', 'DEPRECATED', 'BLOCKED', 'THROTTLED'] as const;
export const FlowStatusSchema = z.lazy(() => enumWithUnknown(FLOW_STATUSES));
export type FlowStatus = z.infer<typeof FlowStatusSchema>;

export const FLOW_CATEGORIES = [
  'SIGN_UP',
  'SIGN_IN',
  'APPOINTMENT_BOOKING',
  'LEAD_GENERATION',
  'CONTACT_US',
  'CUSTOMER_SUPPORT',
  'SURVEY',
  'OTHER',
  // In the AWS End User Messaging Social enum for the same Meta API, not on Meta's Flows API page.
  'SHOPPING',
] as const;
export const FlowCategorySchema = z.lazy(() => enumWithUnknown(FLOW_CATEGORIES));
export type FlowCategory = z.infer<typeof FlowCategorySchema>;

/** The position fields of a validation error and of its pointers. */
function positionFields() {
  return {
    lineStart: z.int().optional(),
    lineEnd: z.int().optional(),
    columnStart: z.int().optional(),
    columnEnd: z.int().optional(),
  };
}

export const FlowValidationErrorSchema = z.lazy(() =>
  z.object({
    message: z.string(),
    error: z.string().optional(),
    errorType: z.string().optional(),
    ...positionFields(),
    pointers: z.array(z.object({ ...positionFields(), path: z.string().optional() })).optional(),
  }),
);
export type FlowValidationError = z.infer<typeof FlowValidationErrorSchema>;

/** A flow's preview link as it appears inside a Flow. */
export const FlowPreviewLinkSchema = z.lazy(() =>
  z.object({
    url: z.string(),
    expiresAt: z.date().optional(),
  }),
);
export type FlowPreviewLink = z.infer<typeof FlowPreviewLinkSchema>;

export const FlowApplicationSchema = z.lazy(() =>
  z.object({
    id: z.string(),
    name: z.string().optional(),
    link: z.string().optional(),
    category: z.string().optional(),
  }),
);
export type FlowApplication = z.infer<typeof FlowApplicationSchema>;

/** Whether messages can be sent: Meta's `can_send_message`. */
export const FLOW_HEALTH_STATES = ['AVAILABLE', 'LIMITED', 'BLOCKED'] as const;
export const FlowHealthStateSchema = z.lazy(() => enumWithUnknown(FLOW_HEALTH_STATES));
export type FlowHealthState = z.infer<typeof FlowHealthStateSchema>;

/** One problem Meta's health check found with an entity. */
export const FlowHealthErrorSchema = z.lazy(() =>
  z.object({
    errorCode: z.int().optional(),
    errorDescription: z.string().optional(),
    possibleSolution: z.string().optional(),
  }),
);
export type FlowHealthError = z.infer<typeof FlowHealthErrorSchema>;

/**
 * One entity a flow's sending depends on, with its own health. `entityType` is an open string
 * (`FLOW`, `WABA`, `BUSINESS`, `APP`, … as Meta names them).
 */
export const FlowHealthEntitySchema = z.lazy(() =>
  z.object({
    entityType: z.string(),
    id: z.string(),
    canSendMessage: FlowHealthStateSchema,
    errors: z.array(FlowHealthErrorSchema).optional(),
    additionalInfo: z.array(z.string()).optional(),
  }),
);
export type FlowHealthEntity = z.infer<typeof FlowHealthEntitySchema>;

/**
 * Meta's `health_status` of a flow: whether it can be sent, overall and per entity. Only Meta
 * reports it; NXCloud relays it when Meta's object carries it, CAMS never does.
 */
export const FlowHealthStatusSchema = z.lazy(() =>
  z.object({
    canSendMessage: FlowHealthStateSchema,
    entities: z.array(FlowHealthEntitySchema),
  }),
);
export type FlowHealthStatus = z.infer<typeof FlowHealthStatusSchema>;

/** The fields every entity starts with. */
function entityFields() {
  return {
    provider: z.string(),
    raw: z.unknown(),
  };
}

export const FlowSummarySchema = z.lazy(() =>
  z.object({
    ...entityFields(),
    id: z.string(),
    name: z.string(),
    categories: z.array(FlowCategorySchema),
    /** Present only when the vendor's list includes it (CAMS ListFlow does not). */
    status: FlowStatusSchema.optional(),
  }),
);
export type FlowSummary = z.infer<typeof FlowSummarySchema>;

export const FlowSchema = z.lazy(() =>
  z.object({
    ...entityFields(),
    id: z.string(),
    name: z.string(),
    status: FlowStatusSchema,
    categories: z.array(FlowCategorySchema),
    validationErrors: z.array(FlowValidationErrorSchema),
    jsonVersion: z.string().optional(),
    dataApiVersion: z.string().optional(),
    endpointUri: z.string().optional(),
    preview: FlowPreviewLinkSchema.optional(),
    whatsappBusinessAccountId: z.string().optional(),
    application: FlowApplicationSchema.optional(),
    /** Meta's health check of the flow, where the vendor relays it. */
    healthStatus: FlowHealthStatusSchema.optional(),
    /** When the flow last changed, where the vendor relays Meta's `updated_at`. */
    updatedAt: z.date().optional(),
  }),
);
export type Flow = z.infer<typeof FlowSchema>;

/** What `flows.preview(id)` returns: the preview link of one flow. */
export const FlowPreviewSchema = z.lazy(() =>
  z.object({
    ...entityFields(),
    flowId: z.string(),
    ...FlowPreviewLinkSchema.unwrap().shape,
  }),
);
export type FlowPreview = z.infer<typeof FlowPreviewSchema>;
