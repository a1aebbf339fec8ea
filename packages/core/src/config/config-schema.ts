import { z } from 'zod';
import { ClientDataSettingsSchema } from '../client/client-settings.js';

/** The providers this project ships, and the package each one lives in. */
export const KNOWN_PROVIDERS = {
  nxcloud: '@whatsapp-bsp/nxcloud',
  cams: '@whatsapp-bsp/cams',
} as const;
export type KnownProvider = keyof typeof KNOWN_PROVIDERS;

/**
 * A JSON-serializable configuration: which vendor, its options, and the client's data settings.
 * The vendor options are checked by the adapter itself, which knows its own fields.
 */
export const WabspConfigSchema = z.lazy(() =>
  ClientDataSettingsSchema.unwrap()
    .extend({
      provider: z.string().min(1),
      nxcloud: z.record(z.string(), z.unknown()).optional(),
      cams: z.record(z.string(), z.unknown()).optional(),
    })
    .strict(),
);

export type WabspConfig = z.infer<typeof WabspConfigSchema>;
