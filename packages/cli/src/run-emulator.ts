import { formatEmulatorBanner, startEmulator } from '@whatsapp-bsp/emulator';
import type { CliIo } from './cli-io.js';

/** `wabsp emulator`: serve both vendors on loopback until stopped (Ctrl-C). */
export async function runEmulator(port: number | undefined, io: CliIo): Promise<void> {
  const emulator = await startEmulator(port !== undefined ? { port } : {});
  try {
    io.stdout.write(`${formatEmulatorBanner(emulator)}\n`);
    io.stdout.write('Press Ctrl-C to stop.\n');
    await io.untilStopped();
  } finally {
    await emulator.close();
  }
  io.stderr.write('emulator stopped\n');
}
