import { type ClientSettings, createClient, type WhatsAppClient } from '@whatsapp-bsp/core';
import type { Emulator, EmulatorEndpoints, Vendor } from '@whatsapp-bsp/emulator';

export const VENDORS: readonly Vendor[] = ['nxcloud', 'cams'];

/** Options both adapters take beyond the emulator's account, added to the vendor's options. */
export interface AdapterOptions {
  /** The most a response body may hold once decoded, in bytes (the adapters' default is 8 MiB). */
  maxResponseBytes?: number;
  /**
   * A proxy in front of the vendor server (`startRecordingProxy`, `startLossyProxy`) to reach it
   * through: its `url` becomes NXCloud's base URL, its `host` the CAMS endpoint.
   */
  via?: { readonly url: string; readonly host: string };
}

/**
 * A client for one vendor server of the emulator, built the way users build one from
 * configuration: by provider name, so core loads the adapter package itself.
 */
export function clientFor<V extends Vendor>(
  emulator: Emulator<V>,
  vendor: V,
  settings: ClientSettings = {},
  adapterOptions: AdapterOptions = {},
): Promise<WhatsAppClient> {
  const { nxcloud, cams } = emulator as Partial<EmulatorEndpoints>;
  const { via, ...options } = adapterOptions;
  if (vendor === 'nxcloud' && nxcloud) {
    return createClient({
      provider: 'nxcloud',
      nxcloud: { ...nxcloud.config, ...options, ...(via && { baseUrl: via.url }) },
      ...settings,
    });
  }
  if (vendor === 'cams' && cams) {
    return createClient({
      provider: 'cams',
      cams: { ...cams.config, ...options, ...(via && { endpoint: via.host }) },
      ...settings,
    });
  }
  throw new Error(`The emulator was started without its ${vendor} server`);
}
