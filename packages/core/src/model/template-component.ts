import { z } from 'zod';
import { enumWithUnknown } from './enum-with-unknown.js';
import { TemplateButtonSchema } from './template-button.js';

export const HEADER_FORMATS = ['TEXT', 'IMAGE', 'VIDEO', 'DOCUMENT', 'LOCATION', 'GIF', 'PRODUCT'] as const;
export const HeaderFormatSchema = z.lazy(() => enumWithUnknown(HEADER_FORMATS));
export type HeaderFormat = z.infer<typeof HeaderFormatSchema>;

/** The sample value of one named variable: `{{first_name}}` → `{ paramName: 'first_name', example: 'Maria' }`. */
export const NamedParameterExampleSchema = z.lazy(() =>
  z.object({
    paramName: z.string(),
    example: z.string(),
  }),
);
export type NamedParameterExample = z.infer<typeof NamedParameterExampleSchema>;

export const HeaderComponentSchema = z.lazy(() =>
  z.object({
    type: z.literal('HEADER'),
    format: HeaderFormatSchema,
    text: z.string().optional(),
    /** Link to the sample or fixed media of a media header, where the vendor returns one. */
    mediaUrl: z.string().optional(),
    example: z
      .object({
        /** Sample values of the text header's positional variable. */
        headerText: z.array(z.string()).optional(),
        /** Sample values of the text header's named variable (Meta's `header_text_named_params`). */
        headerTextNamedParams: z.array(NamedParameterExampleSchema).optional(),
        /** Upload handles of the media sample. */
        headerHandle: z.array(z.string()).optional(),
      })
      .optional(),
  }),
);

export const BodyComponentSchema = z.lazy(() =>
  z.object({
    type: z.literal('BODY'),
    /** Absent in AUTHENTICATION templates, whose body WhatsApp generates. */
    text: z.string().optional(),
    example: z
      .object({
        /** Sets of sample values for the positional variables, one value per variable. */
        bodyText: z.array(z.array(z.string())).optional(),
        /** Sample values of the named variables (Meta's `body_text_named_params`). */
        bodyTextNamedParams: z.array(NamedParameterExampleSchema).optional(),
      })
      .optional(),
    addSecurityRecommendation: z.boolean().optional(),
  }),
);

export const FooterComponentSchema = z.lazy(() =>
  z.object({
    type: z.literal('FOOTER'),
    text: z.string().optional(),
    codeExpirationMinutes: z.int().optional(),
  }),
);

export const ButtonsComponentSchema = z.lazy(() =>
  z.object({
    type: z.literal('BUTTONS'),
    buttons: z.array(TemplateButtonSchema),
  }),
);

export const LimitedTimeOfferComponentSchema = z.lazy(() =>
  z.object({
    type: z.literal('LIMITED_TIME_OFFER'),
    text: z.string().optional(),
    hasExpiration: z.boolean().optional(),
  }),
);

/** A component type this library does not model yet; the vendor's own type is in `rawType`. */
export const UnknownComponentSchema = z.lazy(() =>
  z.object({
    type: z.literal('UNKNOWN'),
    rawType: z.string(),
  }),
);

export const CarouselCardSchema = z.lazy(() =>
  z.object({
    get components() {
      return z.array(TemplateComponentSchema);
    },
  }),
);

export const CarouselComponentSchema = z.lazy(() =>
  z.object({
    type: z.literal('CAROUSEL'),
    cards: z.array(CarouselCardSchema),
  }),
);

/** Typed by hand because a carousel nests components, which inference cannot follow. */
export const TemplateComponentSchema: z.ZodType<TemplateComponent> = z.lazy(() =>
  z.discriminatedUnion('type', [
    HeaderComponentSchema,
    BodyComponentSchema,
    FooterComponentSchema,
    ButtonsComponentSchema,
    CarouselComponentSchema,
    LimitedTimeOfferComponentSchema,
    UnknownComponentSchema,
  ]),
);

export type HeaderComponent = z.infer<typeof HeaderComponentSchema>;
export type BodyComponent = z.infer<typeof BodyComponentSchema>;
export type FooterComponent = z.infer<typeof FooterComponentSchema>;
export type ButtonsComponent = z.infer<typeof ButtonsComponentSchema>;
export type LimitedTimeOfferComponent = z.infer<typeof LimitedTimeOfferComponentSchema>;
export type UnknownComponent = z.infer<typeof UnknownComponentSchema>;
export type CarouselComponent = { type: 'CAROUSEL'; cards: CarouselCard[] };
export type CarouselCard = { components: TemplateComponent[] };
export type TemplateComponent =
  | HeaderComponent
  | BodyComponent
  | FooterComponent
  | ButtonsComponent
  | CarouselComponent
  | LimitedTimeOfferComponent
  | UnknownComponent;
export type TemplateComponentType = TemplateComponent['type'];
