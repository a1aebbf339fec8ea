import { z } from 'zod';
import { type AnswerOf, answerSchema, type WireFields } from '../transport/cams-wire-values.js';

/*
 * CAMS template payloads in the vendor's own PascalCase names, as the ListChatappTemplate and
 * GetChatappTemplateDetail API pages document them. Only the fields we map are listed; other
 * keys are not copied (the mapper never reads them), and the entity's `raw` is the object as
 * received. Enum-valued fields are `unknown` here: any value maps, an unknown one to 'UNKNOWN'.
 */

/** One item of ListChatappTemplate's `ListTemplate`: no components. */
const camsTemplateSummarySchema = (w: WireFields) =>
  z.object({
    TemplateCode: w.id(),
    TemplateName: w.text(),
    Language: w.id(),
    AuditStatus: z.unknown().optional(),
    Category: z.unknown().optional(),
    Reason: w.optional(w.text()),
    /** Epoch milliseconds; current docs and SDK 5.x only. */
    LastUpdateTime: w.optional(w.epochMs()),
  });
export type CamsTemplateSummaryWire = z.output<ReturnType<typeof camsTemplateSummarySchema>>;

const camsButtonSchema = (w: WireFields) =>
  z.object({
    Type: w.optional(w.text()),
    Text: w.optional(w.text()),
    Url: w.optional(w.text()),
    PhoneNumber: w.optional(w.text()),
    /** The coupon of a COPY_CODE button outside AUTHENTICATION templates. */
    CouponCode: w.optional(w.text()),
    AutofillText: w.optional(w.text()),
    /** The single app of a ONE_TAP button; deprecated upstream in favour of `SupportedApps`. */
    PackageName: w.optional(w.text()),
    SignatureHash: w.optional(w.text()),
    /** The apps of a one-tap or zero-tap button (SDK 5.x; Meta allows five). */
    SupportedApps: w.optional(
      z.array(z.object({ PackageName: w.optional(w.text()), SignatureHash: w.optional(w.text()) })),
    ),
    FlowId: w.optional(w.id()),
    /** `NAVIGATE` / `DATA_EXCHANGE`, upper case unlike Meta's. */
    FlowAction: w.optional(w.text()),
    NavigateScreen: w.optional(w.text()),
  });
export type CamsButtonWire = z.output<ReturnType<typeof camsButtonSchema>>;

const componentFields = (w: WireFields) => ({
  Type: w.optional(w.text()),
  Format: w.optional(w.text()),
  Text: w.optional(w.text()),
  /** The media of a media header. */
  Url: w.optional(w.text()),
  Latitude: w.optional(w.text()),
  Longitude: w.optional(w.text()),
  CodeExpirationMinutes: w.optional(w.integer()),
  AddSecretRecommendation: w.optional(w.boolean()),
  /** Lower-case "h" in detail answers; create/modify requests spell it `HasExpiration`. */
  hasExpiration: w.optional(w.boolean()),
  HasExpiration: w.optional(w.boolean()),
  Buttons: w.optional(z.array(camsButtonSchema(w))),
});

/** A component inside a carousel card. */
const camsCardComponentSchema = (fields: ReturnType<typeof componentFields>) => z.object(fields);
export type CamsCardComponentWire = z.output<ReturnType<typeof camsCardComponentSchema>>;

/** A component; a carousel's cards hold components of the same fields. */
const camsComponentSchema = (w: WireFields) => {
  const fields = componentFields(w);
  return z.object({
    ...fields,
    Cards: w.optional(
      z.array(z.object({ CardComponents: w.optional(z.array(camsCardComponentSchema(fields))) })),
    ),
  });
};
export type CamsComponentWire = z.output<ReturnType<typeof camsComponentSchema>>;

/** `Data` of GetChatappTemplateDetail. */
const camsTemplateSchema = (w: WireFields) =>
  z
    .object({
      TemplateCode: w.id(),
      /** `Name` in detail answers, `TemplateName` elsewhere; either is accepted. */
      Name: w.optional(w.text()),
      TemplateName: w.optional(w.text()),
      Language: w.optional(w.id()),
      AuditStatus: z.unknown().optional(),
      Category: z.unknown().optional(),
      Reason: w.optional(w.text()),
      QualityScore: z.unknown().optional(),
      MessageSendTtlSeconds: w.optional(w.integer()),
      LastUpdateTime: w.optional(w.epochMs()),
      /** Template-level samples for the variables of every component: `{"{{1}}": "Bob"}`. */
      Example: w.optional(z.record(z.string(), z.unknown())),
      Components: w.optional(z.array(camsComponentSchema(w))),
    })
    .refine((data) => data.Name !== undefined || data.TemplateName !== undefined, {
      message: 'a template needs a Name',
      path: ['Name'],
    });
export type CamsTemplateWire = z.output<ReturnType<typeof camsTemplateSchema>>;

export const camsListTemplatesAnswerSchema = answerSchema((w) =>
  z.object({
    Total: w.optional(w.integer().pipe(z.int().nonnegative())),
    /** An account without templates may answer `ListTemplate: null`. */
    ListTemplate: w.optional(z.array(camsTemplateSummarySchema(w))),
  }),
);
export type CamsListTemplatesWire = AnswerOf<typeof camsListTemplatesAnswerSchema>;
export const camsGetTemplateAnswerSchema = answerSchema((w) => z.object({ Data: camsTemplateSchema(w) }));

/**
 * CreateChatappTemplate's and ModifyChatappTemplate's answer: the template's code and name.
 * https://alibabacloud.com/help/en/chatapp/developer-reference/api-cams-2020-06-06-createchatapptemplate
 */
export const camsTemplateWriteAnswerSchema = answerSchema((w) =>
  z.object({ Data: z.object({ TemplateCode: w.id(), TemplateName: w.optional(w.text()) }) }),
);
