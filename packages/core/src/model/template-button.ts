import { z } from 'zod';
import { enumWithUnknown } from './enum-with-unknown.js';

export const OTP_TYPES = ['COPY_CODE', 'ONE_TAP', 'ZERO_TAP'] as const;
export const FLOW_ACTIONS = ['navigate', 'data_exchange'] as const;

export const QuickReplyButtonSchema = z.lazy(() =>
  z.object({ type: z.literal('QUICK_REPLY'), text: z.string() }),
);
export const UrlButtonSchema = z.lazy(() =>
  z.object({
    type: z.literal('URL'),
    text: z.string(),
    url: z.string(),
    /**
     * The sample of a dynamic URL (`{{1}}`): Meta's form is the whole URL with the variable filled
     * in (`https://shop.example/t/1042`); NXCloud reports the variable's value alone (`1042`).
     * Writes accept both.
     */
    example: z.array(z.string()).optional(),
  }),
);
export const PhoneNumberButtonSchema = z.lazy(() =>
  z.object({
    type: z.literal('PHONE_NUMBER'),
    text: z.string(),
    phoneNumber: z.string(),
  }),
);
/** A coupon-code button (outside AUTHENTICATION templates). */
export const CopyCodeButtonSchema = z.lazy(() =>
  z.object({
    type: z.literal('COPY_CODE'),
    text: z.string().optional(),
    example: z.string().optional(),
  }),
);
/**
 * One Android app a one-tap or zero-tap code is handed to: its package name and the 11-character
 * hash of its signing key. Both are kept as the vendor sent them, present or not.
 */
export const SupportedAppSchema = z.lazy(() =>
  z.object({
    packageName: z.string().optional(),
    signatureHash: z.string().optional(),
  }),
);
export type SupportedApp = z.infer<typeof SupportedAppSchema>;

/** The one-time-password button of an AUTHENTICATION template. */
export const OtpButtonSchema = z.lazy(() =>
  z.object({
    type: z.literal('OTP'),
    text: z.string().optional(),
    otpType: enumWithUnknown(OTP_TYPES),
    autofillText: z.string().optional(),
    /** The app of Meta's older single-app form; the first of `supportedApps` when only the list was sent. */
    packageName: z.string().optional(),
    signatureHash: z.string().optional(),
    /** Every app the vendor lists (Meta allows up to five), in the vendor's order. */
    supportedApps: z.array(SupportedAppSchema).optional(),
  }),
);
export const FlowButtonSchema = z.lazy(() =>
  z.object({
    type: z.literal('FLOW'),
    text: z.string(),
    flowId: z.string(),
    flowAction: enumWithUnknown(FLOW_ACTIONS),
    navigateScreen: z.string().optional(),
  }),
);
export const CatalogButtonSchema = z.lazy(() =>
  z.object({ type: z.literal('CATALOG'), text: z.string().optional() }),
);
export const MpmButtonSchema = z.lazy(() =>
  z.object({ type: z.literal('MPM'), text: z.string().optional() }),
);
export const VoiceCallButtonSchema = z.lazy(() =>
  z.object({ type: z.literal('VOICE_CALL'), text: z.string().optional() }),
);
/** A button type this library does not model yet; the vendor's own type is in `rawType`. */
export const UnknownButtonSchema = z.lazy(() =>
  z.object({
    type: z.literal('UNKNOWN'),
    rawType: z.string(),
    text: z.string().optional(),
  }),
);

export const TemplateButtonSchema = z.lazy(() =>
  z.discriminatedUnion('type', [
    QuickReplyButtonSchema,
    UrlButtonSchema,
    PhoneNumberButtonSchema,
    CopyCodeButtonSchema,
    OtpButtonSchema,
    FlowButtonSchema,
    CatalogButtonSchema,
    MpmButtonSchema,
    VoiceCallButtonSchema,
    UnknownButtonSchema,
  ]),
);
export type TemplateButton = z.infer<typeof TemplateButtonSchema>;
export type TemplateButtonType = TemplateButton['type'];
