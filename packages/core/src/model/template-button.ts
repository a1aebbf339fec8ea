import { z } from 'zod';
import { enumWithUnknown } from './enum-with-unknown.js';

export const OTP_TYPES = ['COPY_CODE', 'ONE_TAP', 'ZERO_TAP'] as const;
export const FLOW_ACTIONS = ['navigate', 'data_exchange'] as const;

const text = z.string();

export const QuickReplyButtonSchema = z.object({ type: z.literal('QUICK_REPLY'), text });
export const UrlButtonSchema = z.object({
  type: z.literal('URL'),
  text,
  url: z.string(),
  /** Sample values for a dynamic URL suffix (`{{1}}`). */
  example: z.array(z.string()).optional(),
});
export const PhoneNumberButtonSchema = z.object({
  type: z.literal('PHONE_NUMBER'),
  text,
  phoneNumber: z.string(),
});
/** A coupon-code button (outside AUTHENTICATION templates). */
export const CopyCodeButtonSchema = z.object({
  type: z.literal('COPY_CODE'),
  text: text.optional(),
  example: z.string().optional(),
});
/** The one-time-password button of an AUTHENTICATION template. */
export const OtpButtonSchema = z.object({
  type: z.literal('OTP'),
  text: text.optional(),
  otpType: enumWithUnknown(OTP_TYPES),
  autofillText: z.string().optional(),
  packageName: z.string().optional(),
  signatureHash: z.string().optional(),
});
export const FlowButtonSchema = z.object({
  type: z.literal('FLOW'),
  text,
  flowId: z.string(),
  flowAction: z.enum([...FLOW_ACTIONS, 'UNKNOWN']),
  navigateScreen: z.string().optional(),
});
export const CatalogButtonSchema = z.object({ type: z.literal('CATALOG'), text: text.optional() });
export const MpmButtonSchema = z.object({ type: z.literal('MPM'), text: text.optional() });
export const VoiceCallButtonSchema = z.object({ type: z.literal('VOICE_CALL'), text: text.optional() });
/** A button type this library does not model yet; the vendor's own type is in `rawType`. */
export const UnknownButtonSchema = z.object({
  type: z.literal('UNKNOWN'),
  rawType: z.string(),
  text: text.optional(),
});

export const TemplateButtonSchema = z.discriminatedUnion('type', [
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
]);
export type TemplateButton = z.infer<typeof TemplateButtonSchema>;
export type TemplateButtonType = TemplateButton['type'];
