import { z } from 'zod';
import { enumWithUnknown } from '../enum-with-unknown.js';
import { ParameterFormatSchema, TemplateCategorySchema } from '../template.js';
import {
  CatalogButtonSchema,
  CopyCodeButtonSchema,
  FLOW_ACTIONS,
  MpmButtonSchema,
  OtpButtonSchema,
  PhoneNumberButtonSchema,
  QuickReplyButtonSchema,
  UnknownButtonSchema,
  UrlButtonSchema,
  VoiceCallButtonSchema,
} from '../template-button.js';
import {
  BodyComponentSchema,
  FooterComponentSchema,
  HeaderComponentSchema,
  LimitedTimeOfferComponentSchema,
  UnknownComponentSchema,
} from '../template-component.js';

/*
 * A template as it is written before a vendor has it: the read model's Template without what the
 * vendor assigns (`id`, `status`, `rejectedReason`, `qualityScore` and its date, `updatedAt`,
 * Meta's reclassification `previousCategory` / `correctCategory`, `raw`, `provider`,
 * `$metadata`). Two differences from the read model, both about what a write sends:
 *
 * - a media header's sample is `example.headerHandle` (an upload handle, from the vendor's upload)
 *   or `example.headerUrl` (a public link the vendor fetches: NXCloud `custom_header_handle_url`,
 *   CAMS `Url`); the read model's `mediaUrl` is what a vendor reports back, and becomes
 *   `headerUrl` in `toTemplateDraft`;
 * - a FLOW button names its flow by `flowId`, `flowName` or `flowJson` (Meta takes exactly one);
 *   a template read back always carries the id.
 *
 * Enum fields admit `'UNKNOWN'` as in the read model, so that any template read from any vendor
 * is a draft; `validateTemplateDraft` reports what cannot be sent.
 */

export const TemplateDraftHeaderSchema = z.lazy(() => {
  const header = HeaderComponentSchema.unwrap();
  const example = header.shape.example.unwrap();
  return header.omit({ mediaUrl: true }).extend({
    example: example
      .extend({
        /** A public link to the sample media, which the vendor fetches when the template is written. */
        headerUrl: z.string().optional(),
      })
      .optional(),
  });
});

export const TemplateDraftFlowButtonSchema = z.lazy(() =>
  z.object({
    type: z.literal('FLOW'),
    text: z.string(),
    /** The flow by id (a published flow); or give `flowName` or `flowJson` instead, exactly one. */
    flowId: z.string().optional(),
    flowName: z.string().optional(),
    /** The Flow JSON itself, as text, for a flow created with the template. */
    flowJson: z.string().optional(),
    flowAction: enumWithUnknown(FLOW_ACTIONS),
    navigateScreen: z.string().optional(),
  }),
);

export const TemplateDraftButtonSchema = z.lazy(() =>
  z.discriminatedUnion('type', [
    QuickReplyButtonSchema,
    UrlButtonSchema,
    PhoneNumberButtonSchema,
    CopyCodeButtonSchema,
    OtpButtonSchema,
    TemplateDraftFlowButtonSchema,
    CatalogButtonSchema,
    MpmButtonSchema,
    VoiceCallButtonSchema,
    UnknownButtonSchema,
  ]),
);

export const TemplateDraftButtonsSchema = z.lazy(() =>
  z.object({
    type: z.literal('BUTTONS'),
    buttons: z.array(TemplateDraftButtonSchema),
  }),
);

export const TemplateDraftCarouselSchema = z.lazy(() =>
  z.object({
    type: z.literal('CAROUSEL'),
    cards: z.array(
      z.object({
        get components() {
          return z.array(TemplateDraftComponentSchema);
        },
      }),
    ),
  }),
);

/** Typed by hand because a carousel nests components, which inference cannot follow. */
export const TemplateDraftComponentSchema: z.ZodType<TemplateDraftComponent> = z.lazy(() =>
  z.discriminatedUnion('type', [
    TemplateDraftHeaderSchema,
    BodyComponentSchema,
    FooterComponentSchema,
    TemplateDraftButtonsSchema,
    TemplateDraftCarouselSchema,
    LimitedTimeOfferComponentSchema,
    UnknownComponentSchema,
  ]),
);

/**
 * The template to create: what `templates.create` will take, and what `validateTemplateDraft`
 * checks. Fields as in the read model's Template (see the core README); `messageSendTtlSeconds`
 * in seconds. The `(name, language)` pair is the template's identity on every vendor.
 */
export const TemplateDraftSchema = z.lazy(() =>
  z.object({
    name: z.string(),
    /** Meta's language code, e.g. `en_US`, `pt_BR`, `fil`. */
    language: z.string(),
    category: TemplateCategorySchema,
    components: z.array(TemplateDraftComponentSchema),
    /** `NAMED` for `{{first_name}}` variables; absent means POSITIONAL. */
    parameterFormat: ParameterFormatSchema.optional(),
    /** How long WhatsApp tries to deliver a message of this template, in seconds; `-1`: 30 days. */
    messageSendTtlSeconds: z.int().optional(),
    subCategory: z.string().optional(),
    /** The Meta library template this one is created from. */
    libraryTemplateName: z.string().optional(),
    /** Opts the template's URL buttons out of Meta's link tracking. */
    ctaUrlLinkTrackingOptedOut: z.boolean().optional(),
  }),
);

export type TemplateDraftHeader = z.infer<typeof TemplateDraftHeaderSchema>;
export type TemplateDraftFlowButton = z.infer<typeof TemplateDraftFlowButtonSchema>;
export type TemplateDraftButton = z.infer<typeof TemplateDraftButtonSchema>;
export type TemplateDraftButtons = z.infer<typeof TemplateDraftButtonsSchema>;
export type TemplateDraftCard = { components: TemplateDraftComponent[] };
export type TemplateDraftCarousel = { type: 'CAROUSEL'; cards: TemplateDraftCard[] };
export type TemplateDraftComponent =
  | TemplateDraftHeader
  | z.infer<typeof BodyComponentSchema>
  | z.infer<typeof FooterComponentSchema>
  | TemplateDraftButtons
  | TemplateDraftCarousel
  | z.infer<typeof LimitedTimeOfferComponentSchema>
  | z.infer<typeof UnknownComponentSchema>;
export type TemplateDraft = z.infer<typeof TemplateDraftSchema>;
