import { z } from 'zod';
import { enumWithUnknown } from './enum-with-unknown.js';

export const FLOW_STATUSES = ['DRAFT', 'PUBLISHED', 'DEPRECATED', 'BLOCKED', 'THROTTLED'] as const;
export const FlowStatusSchema = enumWithUnknown(FLOW_STATUSES);
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
] as const;
export const FlowCategorySchema = enumWithUnknown(FLOW_CATEGORIES);
export type FlowCategory = z.infer<typeof FlowCategorySchema>;

const PositionSchema = {
  lineStart: z.int().optional(),
  lineEnd: z.int().optional(),
  columnStart: z.int().optional(),
  columnEnd: z.int().optional(),
};

export const FlowValidationErrorSchema = z.object({
  message: z.string(),
  error: z.string().optional(),
  errorType: z.string().optional(),
  ...PositionSchema,
  pointers: z.array(z.object({ ...PositionSchema, path: z.string().optional() })).optional(),
});
export type FlowValidationError = z.infer<typeof FlowValidationErrorSchema>;

/** A flow's preview link as it appears inside a Flow. */
export const FlowPreviewLinkSchema = z.object({
  url: z.string(),
  expiresAt: z.date().optional(),
});
export type FlowPreviewLink = z.infer<typeof FlowPreviewLinkSchema>;

export const FlowApplicationSchema = z.object({
  id: z.string(),
  name: z.string().optional(),
  link: z.string().optional(),
  category: z.string().optional(),
});

const entityBase = {
  provider: z.string(),
  raw: z.unknown(),
};

export const FlowSummarySchema = z.object({
  ...entityBase,
  id: z.string(),
  name: z.string(),
  categories: z.array(FlowCategorySchema),
  /** Present only when the vendor's list includes it (CAMS ListFlow does not). */
  status: FlowStatusSchema.optional(),
});
export type FlowSummary = z.infer<typeof FlowSummarySchema>;

export const FlowSchema = z.object({
  ...entityBase,
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
});
export type Flow = z.infer<typeof FlowSchema>;

/** What `flows.preview(id)` returns: the preview link of one flow. */
export const FlowPreviewSchema = z.object({
  ...entityBase,
  flowId: z.string(),
  ...FlowPreviewLinkSchema.shape,
});
export type FlowPreview = z.infer<typeof FlowPreviewSchema>;
