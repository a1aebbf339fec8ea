import { z } from 'zod';
import { optional, wireBoolean, wireEpochMs, wireId, wireInteger, wireText } from './cams-wire-values.js';

/*
 * CAMS template payloads in the vendor's own PascalCase names (reference section 4.2). Only the
 * fields we map are listed; other keys are not copied (the mapper never reads them), and the
 * entity's `raw` is the object as received. Enum-valued fields are `unknown` here: any value maps, an unknown one to 'UNKNOWN'.
 */

/** One item of ListChatappTemplate's `ListTemplate`: no components. */
const camsTemplateSummarySchema = () =>
  z.object({
    TemplateCode: wireId(),
    TemplateName: wireText(),
    Language: wireId(),
    AuditStatus: z.unknown().optional(),
    Category: z.unknown().optional(),
    Reason: optional(wireText()),
    /** Epoch milliseconds; current docs and SDK 5.x only. */
    LastUpdateTime: optional(wireEpochMs()),
  });
export type CamsTemplateSummaryWire = z.output<ReturnType<typeof camsTemplateSummarySchema>>;

const camsButtonSchema = () =>
  z.object({
    Type: optional(wireText()),
    Text: optional(wireText()),
    Url: optional(wireText()),
    PhoneNumber: optional(wireText()),
    /** The coupon of a COPY_CODE button outside AUTHENTICATION templates. */
    CouponCode: optional(wireText()),
    AutofillText: optional(wireText()),
    PackageName: optional(wireText()),
    SignatureHash: optional(wireText()),
    FlowId: optional(wireId()),
    /** `NAVIGATE` / `DATA_EXCHANGE`, upper case unlike Meta's. */
    FlowAction: optional(wireText()),
    NavigateScreen: optional(wireText()),
  });
export type CamsButtonWire = z.output<ReturnType<typeof camsButtonSchema>>;

const componentFields = () => ({
  Type: optional(wireText()),
  Format: optional(wireText()),
  Text: optional(wireText()),
  /** The media of a media header. */
  Url: optional(wireText()),
  Latitude: optional(wireText()),
  Longitude: optional(wireText()),
  CodeExpirationMinutes: optional(wireInteger()),
  AddSecretRecommendation: optional(wireBoolean()),
  /** Lower-case "h" in detail answers; create/modify requests spell it `HasExpiration`. */
  hasExpiration: optional(wireBoolean()),
  HasExpiration: optional(wireBoolean()),
  Buttons: optional(z.array(camsButtonSchema())),
});

/** A component inside a carousel card. */
const camsCardComponentSchema = (fields: ReturnType<typeof componentFields>) => z.object(fields);
export type CamsCardComponentWire = z.output<ReturnType<typeof camsCardComponentSchema>>;

/** A component; a carousel's cards hold components of the same fields. */
const camsComponentSchema = () => {
  const fields = componentFields();
  return z.object({
    ...fields,
    Cards: optional(
      z.array(z.object({ CardComponents: optional(z.array(camsCardComponentSchema(fields))) })),
    ),
  });
};
export type CamsComponentWire = z.output<ReturnType<typeof camsComponentSchema>>;

/** `Data` of GetChatappTemplateDetail. */
const camsTemplateSchema = () =>
  z
    .object({
      TemplateCode: wireId(),
      /** `Name` in detail answers, `TemplateName` elsewhere; either is accepted. */
      Name: optional(wireText()),
      TemplateName: optional(wireText()),
      Language: optional(wireId()),
      AuditStatus: z.unknown().optional(),
      Category: z.unknown().optional(),
      Reason: optional(wireText()),
      QualityScore: z.unknown().optional(),
      MessageSendTtlSeconds: optional(wireInteger()),
      LastUpdateTime: optional(wireEpochMs()),
      /** Template-level samples for the variables of every component: `{"{{1}}": "Bob"}`. */
      Example: optional(z.record(z.string(), z.unknown())),
      Components: optional(z.array(camsComponentSchema())),
    })
    .refine((data) => data.Name !== undefined || data.TemplateName !== undefined, {
      message: 'a template needs a Name',
      path: ['Name'],
    });
export type CamsTemplateWire = z.output<ReturnType<typeof camsTemplateSchema>>;

// Built on the first answer, not at import: building schemas is most of the package's import cost.
export const camsListTemplatesAnswerSchema = z.lazy(() =>
  z.object({
    Total: optional(wireInteger().pipe(z.int().nonnegative())),
    /** An account without templates may answer `ListTemplate: null`. */
    ListTemplate: optional(z.array(camsTemplateSummarySchema())),
  }),
);
export const camsGetTemplateAnswerSchema = z.lazy(() => z.object({ Data: camsTemplateSchema() }));
