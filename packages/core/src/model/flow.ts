import { z } from 'zod';
import { enumWithUnknown } from './enum-with-unknown.js';
import { optionalDate, optionalInteger, optionalText, text } from './field-schemas.js';

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
  lineStart: optionalInteger,
  lineEnd: optionalInteger,
  columnStart: optionalInteger,
  columnEnd: optionalInteger,
};

export const FlowValidationErrorSchema = z.object({
  message: text,
  error: optionalText,
  errorType: optionalText,
  ...PositionSchema,
  pointers: z.array(z.object({ ...PositionSchema, path: optionalText })).optional(),
});
export type FlowValidationError = z.infer<typeof FlowValidationErrorSchema>;

/** A flow's preview link as it appears inside a Flow. */
export const FlowPreviewLinkSchema = z.object({
  url: text,
  expiresAt: optionalDate,
});
export type FlowPreviewLink = z.infer<typeof FlowPreviewLinkSchema>;

export const FlowApplicationSchema = z.object({
  id: text,
  name: optionalText,
  link: optionalText,
  category: optionalText,
});

const entityBase = {
  provider: text,
  raw: z.unknown(),
};

export const FlowSummarySchema = z.object({
  ...entityBase,
  id: text,
  name: text,
  categories: z.array(FlowCategorySchema),
  /** Present only when the vendor's list includes it (CAMS ListFlow does not). */
  status: FlowStatusSchema.optional(),
});
export type FlowSummary = z.infer<typeof FlowSummarySchema>;

export const FlowSchema = z.object({
  ...entityBase,
  id: text,
  name: text,
  status: FlowStatusSchema,
  categories: z.array(FlowCategorySchema),
  validationErrors: z.array(FlowValidationErrorSchema),
  jsonVersion: optionalText,
  dataApiVersion: optionalText,
  endpointUri: optionalText,
  preview: FlowPreviewLinkSchema.optional(),
  whatsappBusinessAccountId: optionalText,
  application: FlowApplicationSchema.optional(),
});
export type Flow = z.infer<typeof FlowSchema>;

/** What `flows.preview(id)` returns: the preview link of one flow. */
export const FlowPreviewSchema = z.object({
  ...entityBase,
  flowId: text,
  ...FlowPreviewLinkSchema.shape,
});
export type FlowPreview = z.infer<typeof FlowPreviewSchema>;
