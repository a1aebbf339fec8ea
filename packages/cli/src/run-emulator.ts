import { formatEmulatorBanner, startEmulator } from '@whatsapp-bsp/emulator';
import type { CliIo } from './cli-io.js';

/** `wabsp emulator`: serve both vendors on loopback until stopped (Ctrl-C). */
export async function runEmulator(port: number | undefined, io: CliIo): Promise<void> {
  // Listen for Ctrl-C before saying it works, so an early one is not lost.
  const stopped = io.untilStopped();
  const emulator = await startEmulator(port !== undefined ? { port } : {});
  try {
    io.stdout.write(`${formatEmulatorBanner(emulator)}\n`);
    await stopped;
  } finally {
    await emulator.close();
  }
  io.stderr.write('emulator stopped\n');
}
