import { cams } from '@whatsapp-bsp/cams';
import { type ClientSettings, createClient, type WhatsAppClient } from '@whatsapp-bsp/core';
import { nxcloud } from '@whatsapp-bsp/nxcloud';
import { bareCamsGetFlow } from './bare-cams.js';
import { bareNxcloudGetFlow } from './bare-nxcloud.js';
import type { RemoteEmulator } from './remote-emulator.js';

export type VendorName = 'nxcloud' | 'cams';
export const VENDORS: readonly VendorName[] = ['nxcloud', 'cams'];
export const VENDOR_TITLES: Readonly<Record<VendorName, string>> = { nxcloud: 'NXCloud', cams: 'CAMS' };

/** The library's client for one vendor, pointed at the emulator. */
export function vendorClient(
  vendor: VendorName,
  emulator: RemoteEmulator,
  settings: ClientSettings = {},
): WhatsAppClient {
  const provider = vendor === 'nxcloud' ? nxcloud(emulator.nxcloud) : cams(emulator.cams);
  return createClient({ provider, ...settings });
}

/** The bare-transport equivalent of `flows.get` for one vendor, pointed at the same emulator. */
export function bareGetFlow(
  vendor: VendorName,
  emulator: RemoteEmulator,
): (flowId: string) => Promise<unknown> {
  return vendor === 'nxcloud' ? bareNxcloudGetFlow(emulator.nxcloud) : bareCamsGetFlow(emulator.cams);
}
