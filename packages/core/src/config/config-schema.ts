import { z } from 'zod';
import { type ClientDataSettings, ClientDataSettingsSchema } from '../client/client-settings.js';

/**
 * A JSON-serializable configuration: which vendor, the client's data settings, and vendor options
 * under each vendor's id (`{ "provider": "cams", "cams": { ... } }`). Core knows no vendor: the
 * options are checked by the adapter that owns them when it is loaded.
 */
export const WabspConfigSchema: z.ZodType<WabspConfig> = z.lazy(() =>
  ClientDataSettingsSchema.unwrap()
    .extend({ provider: z.string().min(1) })
    .catchall(z.record(z.string(), z.unknown())),
) as z.ZodType<WabspConfig>;

/**
 * A configuration: `provider` (a provider id or an adapter's package), the client's `retry`,
 * `rateLimit` and `timeoutMs`, and each vendor's options as an object under its provider id.
 */
export type WabspConfig = ClientDataSettings & {
  provider: string;
  readonly [vendorOptions: string]: unknown;
};
