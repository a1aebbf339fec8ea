import { type ClientSettings, createClient, type WhatsAppClient } from '@whatsapp-bsp/core';
import type { Emulator, EmulatorEndpoints, Vendor } from '@whatsapp-bsp/emulator';

export const VENDORS: readonly Vendor[] = ['nxcloud', 'cams'];

/**
 * A client for one vendor server of the emulator, built the way users build one from
 * configuration: by provider name, so core loads the adapter package itself.
 */
export function clientFor<V extends Vendor>(
  emulator: Emulator<V>,
  vendor: V,
  settings: ClientSettings = {},
): Promise<WhatsAppClient> {
  const { nxcloud, cams } = emulator as Partial<EmulatorEndpoints>;
  if (vendor === 'nxcloud' && nxcloud) {
    return createClient({ provider: 'nxcloud', nxcloud: { ...nxcloud.config }, ...settings });
  }
  if (vendor === 'cams' && cams) {
    return createClient({ provider: 'cams', cams: { ...cams.config }, ...settings });
  }
  throw new Error(`The emulator was started without its ${vendor} server`);
}
