import { cams } from '@whatsapp-bsp/cams';
import { type ClientSettings, createClient, type WhatsAppClient } from '@whatsapp-bsp/core';
import { nxcloud } from '@whatsapp-bsp/nxcloud';
import { bareCamsGetFlow } from './bare-cams.js';
import { bareNxcloudGetFlow } from './bare-nxcloud.js';
import { type RemoteEmulator, withRemoteEmulator } from './remote-emulator.js';
import type { ResultRow } from './report.js';

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

/** One `flows.get` through the library's client (no rate limit) and the same call without it. */
export interface GetFlowPair {
  readonly viaClient: () => Promise<unknown>;
  readonly viaBaseline: () => Promise<unknown>;
  /** What the baseline is, as progress lines name it: `bare` for the bare transport. */
  readonly baselineName: string;
}

/**
 * Runs `measure` for each vendor against one emulator, with the pair of calls it compares. No
 * rate limit on the client: CAMS's default budget of 5 requests/s would measure the limiter,
 * not the code.
 */
export function measureGetFlowPerVendor(
  measure: (vendor: VendorName, calls: GetFlowPair) => Promise<ResultRow>,
): Promise<ResultRow[]> {
  return withRemoteEmulator({}, async (emulator) => {
    const rows: ResultRow[] = [];
    for (const vendor of VENDORS) {
      const client = vendorClient(vendor, emulator, { rateLimit: false });
      const bare = bareGetFlow(vendor, emulator);
      rows.push(
        await measure(vendor, {
          viaClient: () => client.flows.get(emulator.flowId),
          viaBaseline: () => bare(emulator.flowId),
          baselineName: 'bare',
        }),
      );
    }
    return rows;
  });
}
