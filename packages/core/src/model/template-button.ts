import { z } from 'zod';
import { enumWithUnknown } from './enum-with-unknown.js';
import { optionalText, text, textList } from './field-schemas.js';

export const OTP_TYPES = ['COPY_CODE', 'ONE_TAP', 'ZERO_TAP'] as const;
export const FLOW_ACTIONS = ['navigate', 'data_exchange'] as const;

export const QuickReplyButtonSchema = z.object({ type: z.literal('QUICK_REPLY'), text });
export const UrlButtonSchema = z.object({
  type: z.literal('URL'),
  text,
  url: text,
  /** Sample values for a dynamic URL suffix (`{{1}}`). */
  example: textList.optional(),
});
export const PhoneNumberButtonSchema = z.object({
  type: z.literal('PHONE_NUMBER'),
  text,
  phoneNumber: text,
});
/** A coupon-code button (outside AUTHENTICATION templates). */
export const CopyCodeButtonSchema = z.object({
  type: z.literal('COPY_CODE'),
  text: optionalText,
  example: optionalText,
});
/** The one-time-password button of an AUTHENTICATION template. */
export const OtpButtonSchema = z.object({
  type: z.literal('OTP'),
  text: optionalText,
  otpType: enumWithUnknown(OTP_TYPES),
  autofillText: optionalText,
  packageName: optionalText,
  signatureHash: optionalText,
});
export const FlowButtonSchema = z.object({
  type: z.literal('FLOW'),
  text,
  flowId: text,
  flowAction: z.enum([...FLOW_ACTIONS, 'UNKNOWN']),
  navigateScreen: optionalText,
});
export const CatalogButtonSchema = z.object({ type: z.literal('CATALOG'), text: optionalText });
export const MpmButtonSchema = z.object({ type: z.literal('MPM'), text: optionalText });
export const VoiceCallButtonSchema = z.object({ type: z.literal('VOICE_CALL'), text: optionalText });
/** A button type this library does not model yet; the vendor's own type is in `rawType`. */
export const UnknownButtonSchema = z.object({
  type: z.literal('UNKNOWN'),
  rawType: text,
  text: optionalText,
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
