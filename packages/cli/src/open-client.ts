import { createClient, loadConfig, type WabspConfig, type WhatsAppClient } from '@whatsapp-bsp/core';
import { startEmulator } from '@whatsapp-bsp/emulator';
import type { CliIo } from './cli-io.js';
import type { ParsedArguments } from './parse-arguments.js';

export interface OpenClient {
  client: WhatsAppClient;
  close(): Promise<void>;
}

/**
 * Builds the client from, in order, `--provider`, the `--config` file and the environment; or,
 * with `--emulator`, from an in-process emulator's test credentials.
 */
export async function openClient(args: ParsedArguments, io: CliIo): Promise<OpenClient> {
  if (args.emulator) {
    const emulator = await startEmulator();
    const provider = args.provider ?? io.env.WABSP_PROVIDER ?? 'nxcloud';
    const config: WabspConfig = {
      provider,
      ...(provider === 'nxcloud' && emulator.nxcloud ? { nxcloud: { ...emulator.nxcloud.config } } : {}),
      ...(provider === 'cams' && emulator.cams ? { cams: { ...emulator.cams.config } } : {}),
      ...(args.timeoutMs !== undefined ? { timeoutMs: args.timeoutMs } : {}),
    };
    try {
      return { client: await createClient(config), close: () => emulator.close() };
    } catch (error) {
      await emulator.close();
      throw error;
    }
  }
  const config = await loadConfig({
    ...(args.provider !== undefined ? { provider: args.provider } : {}),
    ...(args.config !== undefined ? { path: args.config } : {}),
    env: io.env,
  });
  if (args.timeoutMs !== undefined) config.timeoutMs = args.timeoutMs;
  return { client: await createClient(config), close: async () => {} };
}
