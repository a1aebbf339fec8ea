import { z } from 'zod';
import { enumWithUnknown } from './enum-with-unknown.js';
import { optionalBoolean, optionalInteger, optionalText, text, textList } from './field-schemas.js';
import { TemplateButtonSchema } from './template-button.js';

export const HEADER_FORMATS = ['TEXT', 'IMAGE', 'VIDEO', 'DOCUMENT', 'LOCATION', 'GIF', 'PRODUCT'] as const;
export const HeaderFormatSchema = enumWithUnknown(HEADER_FORMATS);
export type HeaderFormat = z.infer<typeof HeaderFormatSchema>;

export const HeaderComponentSchema = z.object({
  type: z.literal('HEADER'),
  format: HeaderFormatSchema,
  text: optionalText,
  /** Link to the sample or fixed media of a media header, where the vendor returns one. */
  mediaUrl: optionalText,
  example: z
    .object({
      /** Sample values of the text header's variable. */
      headerText: textList.optional(),
      /** Upload handles of the media sample. */
      headerHandle: textList.optional(),
    })
    .optional(),
});

export const BodyComponentSchema = z.object({
  type: z.literal('BODY'),
  /** Absent in AUTHENTICATION templates, whose body WhatsApp generates. */
  text: optionalText,
  example: z.object({ bodyText: z.array(textList) }).optional(),
  addSecurityRecommendation: optionalBoolean,
});

export const FooterComponentSchema = z.object({
  type: z.literal('FOOTER'),
  text: optionalText,
  codeExpirationMinutes: optionalInteger,
});

export const ButtonsComponentSchema = z.object({
  type: z.literal('BUTTONS'),
  buttons: z.array(TemplateButtonSchema),
});

export const LimitedTimeOfferComponentSchema = z.object({
  type: z.literal('LIMITED_TIME_OFFER'),
  text: optionalText,
  hasExpiration: optionalBoolean,
});

/** A component type this library does not model yet; the vendor's own type is in `rawType`. */
export const UnknownComponentSchema = z.object({
  type: z.literal('UNKNOWN'),
  rawType: text,
});

export const CarouselCardSchema = z.object({
  get components() {
    return z.array(TemplateComponentSchema);
  },
});

export const CarouselComponentSchema = z.object({
  type: z.literal('CAROUSEL'),
  cards: z.array(CarouselCardSchema),
});

const TemplateComponentUnion = z.discriminatedUnion('type', [
  HeaderComponentSchema,
  BodyComponentSchema,
  FooterComponentSchema,
  ButtonsComponentSchema,
  CarouselComponentSchema,
  LimitedTimeOfferComponentSchema,
  UnknownComponentSchema,
]);

/** Typed by hand because a carousel nests components, which inference cannot follow. */
export const TemplateComponentSchema: z.ZodType<TemplateComponent> = TemplateComponentUnion;

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
