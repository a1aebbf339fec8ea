import { once } from '@whatsapp-bsp/core/adapter';
import { z } from 'zod';
import { nxcloudListItemSchema } from '../wire/nxcloud-list-item.js';
import { nxcloudPagingWireSchema } from '../wire/nxcloud-paging.js';
import { nxcloudUnixSecondsSchema } from '../wire/nxcloud-timestamp.js';
import { lenientIntegerSchema, optionalTextSchema } from '../wire/nxcloud-wire-values.js';

/*
 * NXCloud's templates (getTemplate), in Meta's snake_case names as NXCloud passes them through.
 * Lenient on purpose: optional fields may be null, and each documented quirk is admitted here and
 * absorbed by the mapper. Keys not listed are not checked and not copied: the mapper reads only
 * these, and the entity's `raw` is the object exactly as received.
 *
 * Every schema is built on first use, not at import, to keep importing the adapter cheap.
 */

/** Typed `array[string]` on the getTemplate page; one createTemplate example sends a bare string. */
const stringOrStringsSchema = once(() => z.union([z.string(), z.array(z.string())]));

/** A digit id that may arrive as a JSON number; an unsafe integer has already lost digits. */
export const lenientIdSchema = once(() =>
  z
    .union([z.string(), z.int().refine(Number.isSafeInteger, 'is a number too large to be exact')])
    .transform(String),
);

/** Meta's sample of one named variable: `{ param_name: "first_name", example: "Maria" }`. */
const namedParameterWireSchema = once(() => z.object({ param_name: z.string(), example: z.string() }));

export const nxcloudTemplateButtonWireSchema = once(() =>
  z.object({
    type: z.string(),
    text: optionalTextSchema(),
    url: optionalTextSchema(),
    phone_number: optionalTextSchema(),
    example: stringOrStringsSchema().nullish(),
    otp_type: optionalTextSchema(),
    autofill_text: optionalTextSchema(),
    package_name: optionalTextSchema(),
    signature_hash: optionalTextSchema(),
    /** Meta's newer form of `package_name` / `signature_hash`. */
    supported_apps: z
      .array(z.object({ package_name: optionalTextSchema(), signature_hash: optionalTextSchema() }))
      .nullish(),
    flow_id: lenientIdSchema().nullish(),
    flow_action: optionalTextSchema(),
    navigate_screen: optionalTextSchema(),
  }),
);
export type NxcloudTemplateButtonWire = z.output<ReturnType<typeof nxcloudTemplateButtonWireSchema>>;

export const nxcloudTemplateExampleWireSchema = once(() =>
  z.object({
    header_text: stringOrStringsSchema().nullish(),
    header_handle: stringOrStringsSchema().nullish(),
    custom_header_handle_url: optionalTextSchema(),
    /**
     * `string[][]` in every example and on the Chinese getTemplate page; `string[]` on the 2023
     * English getTemplate page.
     */
    body_text: z.union([z.array(z.array(z.string())), z.array(z.string())]).nullish(),
    /** Meta's samples of a NAMED template's variables; not on NXCloud's pages, relayed as Meta sends them. */
    header_text_named_params: z.array(namedParameterWireSchema()).nullish(),
    body_text_named_params: z.array(namedParameterWireSchema()).nullish(),
  }),
);

export interface NxcloudTemplateComponentWire {
  type: string;
  format?: string | null | undefined;
  text?: string | null | undefined;
  example?: z.output<ReturnType<typeof nxcloudTemplateExampleWireSchema>> | null | undefined;
  add_security_recommendation?: boolean | null | undefined;
  code_expiration_minutes?: number | null | undefined;
  buttons?: NxcloudTemplateButtonWire[] | null | undefined;
  cards?:
    | { components?: NxcloudTemplateComponentWire[] | null | undefined; [key: string]: unknown }[]
    | null
    | undefined;
  limited_time_offer?:
    | { text?: string | null | undefined; has_expiration?: boolean | null | undefined }
    | null
    | undefined;
  [key: string]: unknown;
}

export const nxcloudTemplateComponentWireSchema: () => z.ZodType<NxcloudTemplateComponentWire> = once(() =>
  z.object({
    type: z.string(),
    format: optionalTextSchema(),
    text: optionalTextSchema(),
    example: nxcloudTemplateExampleWireSchema().nullish(),
    add_security_recommendation: z.boolean().nullish(),
    code_expiration_minutes: lenientIntegerSchema().nullish(),
    buttons: z.array(nxcloudTemplateButtonWireSchema()).nullish(),
    /** Meta's carousel cards, each with its own components; undocumented by NXCloud. */
    get cards() {
      return z
        .array(z.object({ components: z.array(nxcloudTemplateComponentWireSchema()).nullish() }))
        .nullish();
    },
    /** Meta's limited-time-offer component; undocumented by NXCloud. */
    limited_time_offer: z
      .object({ text: optionalTextSchema(), has_expiration: z.boolean().nullish() })
      .nullish(),
  }),
);

export const nxcloudTemplateWireSchema = z.lazy(() =>
  z.object({
    id: lenientIdSchema().pipe(z.string().min(1)),
    name: z.string().min(1),
    language: z.string().min(1),
    category: optionalTextSchema(),
    status: optionalTextSchema(),
    rejected_reason: optionalTextSchema(),
    /**
     * `{ score }` from getTemplate; Meta adds `date` (Unix seconds); the bare string form is
     * accepted as well.
     */
    quality_score: z
      .union([
        z.object({ score: optionalTextSchema(), date: nxcloudUnixSecondsSchema().nullish() }),
        z.string(),
      ])
      .nullish(),
    message_send_ttl_seconds: lenientIntegerSchema().nullish(),
    components: z.array(nxcloudTemplateComponentWireSchema()).nullish(),
    // Meta's newer template fields, not on NXCloud's pages; NXCloud relays Meta's object.
    parameter_format: optionalTextSchema(),
    sub_category: optionalTextSchema(),
    previous_category: optionalTextSchema(),
    correct_category: optionalTextSchema(),
    library_template_name: optionalTextSchema(),
    cta_url_link_tracking_opted_out: z.boolean().nullish(),
  }),
);

export type NxcloudTemplateWire = z.output<typeof nxcloudTemplateWireSchema>;

/** getTemplate's `data`; each item is kept as received too, for its template's `raw`. */
export const nxcloudTemplateListWireSchema = z.lazy(() =>
  z.object({
    data: z.array(nxcloudListItemSchema(nxcloudTemplateWireSchema)),
    paging: nxcloudPagingWireSchema().nullish(),
  }),
);
export type NxcloudTemplateListWire = z.output<typeof nxcloudTemplateListWireSchema>;

/**
 * getTemplate's `data` when asked for one name: every language of that name. Items are left
 * unparsed: only the one in the language asked for is parsed, so a malformed sibling in another
 * language does not fail the call.
 */
export const nxcloudTemplateLanguagesWireSchema = z.lazy(() => z.object({ data: z.array(z.unknown()) }));
