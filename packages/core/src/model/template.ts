import { z } from 'zod';
import { enumWithUnknown, toEnumValue } from './enum-with-unknown.js';
import { TemplateComponentSchema } from './template-component.js';

export const TEMPLATE_CATEGORIES = ['MARKETING', 'UTILITY', 'AUTHENTICATION'] as const;
export const TemplateCategorySchema = z.lazy(() => enumWithUnknown(TEMPLATE_CATEGORIES));
export type TemplateCategory = z.infer<typeof TemplateCategorySchema>;

export const TEMPLATE_STATUSES = [
  'APPROVED',
  'PENDING',
  'REJECTED',
  'IN_APPEAL',
  'PAUSED',
  'DISABLED',
  'PENDING_DELETION',
  'DELETED',
  'LIMIT_EXCEEDED',
  'ARCHIVED',
  'LOCKED',
] as const;
export const TemplateStatusSchema = z.lazy(() => enumWithUnknown(TEMPLATE_STATUSES));
export type TemplateStatus = z.infer<typeof TemplateStatusSchema>;

export const QUALITY_SCORES = ['GREEN', 'YELLOW', 'RED'] as const;
export const QualityScoreSchema = z.lazy(() => enumWithUnknown(QUALITY_SCORES));
export type QualityScore = z.infer<typeof QualityScoreSchema>;

export const REJECTED_REASONS = [
  'ABUSIVE_CONTENT',
  'INCORRECT_CATEGORY',
  'INVALID_FORMAT',
  'PROMOTIONAL',
  'SCAM',
  'TAG_CONTENT_MISMATCH',
  'NONE',
] as const;
export const RejectedReasonSchema = z.lazy(() => enumWithUnknown(REJECTED_REASONS));
export type RejectedReason = z.infer<typeof RejectedReasonSchema>;

/**
 * How a template's variables are written: `{{1}}`, `{{2}}`… (POSITIONAL, Meta's default when a
 * template does not say) or `{{first_name}}` (NAMED).
 */
export const PARAMETER_FORMATS = ['POSITIONAL', 'NAMED'] as const;
export const ParameterFormatSchema = z.lazy(() => enumWithUnknown(PARAMETER_FORMATS));
export type ParameterFormat = z.infer<typeof ParameterFormatSchema>;

export const TemplateSummarySchema = z.lazy(() =>
  z.object({
    provider: z.string(),
    raw: z.unknown(),
    /** The vendor's id: Meta's template id on NXCloud, CAMS's own TemplateCode on CAMS. */
    id: z.string(),
    name: z.string(),
    language: z.string(),
    category: TemplateCategorySchema,
    status: TemplateStatusSchema,
    rejectedReason: RejectedReasonSchema.optional(),
    qualityScore: QualityScoreSchema.optional(),
    /** When Meta last rated the quality (`quality_score.date`), where the vendor relays it. */
    qualityScoreDate: z.date().optional(),
    messageSendTtlSeconds: z.int().optional(),
    updatedAt: z.date().optional(),
    /**
     * Set when the vendor says so, or when the texts use named variables; absent means
     * POSITIONAL, Meta's default.
     */
    parameterFormat: ParameterFormatSchema.optional(),
    /** Meta's finer classification within the category (`sub_category`), an open string. */
    subCategory: z.string().optional(),
    /** The category before Meta reclassified the template (`previous_category`). */
    previousCategory: TemplateCategorySchema.optional(),
    /** The category Meta says the template belongs to (`correct_category`). */
    correctCategory: TemplateCategorySchema.optional(),
    /** The template of Meta's library this one was created from (`library_template_name`). */
    libraryTemplateName: z.string().optional(),
    /** True when the template's URL buttons opted out of Meta's link tracking (`cta_url_link_tracking_opted_out`). */
    ctaUrlLinkTrackingOptedOut: z.boolean().optional(),
  }),
);
export type TemplateSummary = z.infer<typeof TemplateSummarySchema>;

export const TemplateSchema = z.lazy(() =>
  TemplateSummarySchema.unwrap().extend({
    components: z.array(TemplateComponentSchema),
  }),
);
export type Template = z.infer<typeof TemplateSchema>;

/**
 * Legacy categories still found in vendor data, mapped to their successors in Meta's
 * three-category scheme. Meta's retired `*_UPDATE` categories are matched by suffix.
 */
const LEGACY_CATEGORY_ALIASES: Readonly<Record<string, TemplateCategory>> = {
  OTP: 'AUTHENTICATION',
  TRANSACTIONAL: 'UTILITY',
  ISSUE_RESOLUTION: 'UTILITY',
  AUTO_REPLY: 'UTILITY',
};

export function toTemplateCategory(raw: unknown): TemplateCategory {
  if (typeof raw === 'string' && /_UPDATE$/i.test(raw.trim())) return 'UTILITY';
  return toEnumValue(TEMPLATE_CATEGORIES, raw, LEGACY_CATEGORY_ALIASES);
}
