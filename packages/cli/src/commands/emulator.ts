import { formatEmulatorBanner, startEmulator } from '@whatsapp-bsp/emulator';
import { UsageError } from '../render-error.js';
import { type CommandDefinition, expectNoMore, integerFlag } from './command.js';

/** `wabsp emulator`: serve both vendors on loopback until stopped (Ctrl-C). */
export const EMULATOR_COMMANDS: readonly CommandDefinition[] = [
  {
    words: ['emulator'],
    usage: 'emulator [--port N]',
    flags: { port: { type: 'string' } },
    parse: (positionals, flags) => {
      expectNoMore(positionals, 0);
      const port = integerFlag(flags, 'port', {
        min: 0,
        max: 65534,
        note: 'NXCloud listens on it and CAMS on the next one; 0 picks free ports',
      });
      return {
        needsClient: false,
        run: async (io, output) => {
          // Listen for Ctrl-C before saying it works, so an early one is not lost.
          const stopped = io.untilStopped();
          const emulator = await startEmulator(port !== undefined ? { port } : {}).catch((error: unknown) => {
            throw portTaken(error, port) ?? error;
          });
          try {
            output.text(formatEmulatorBanner(emulator));
            await stopped;
          } finally {
            await emulator.close();
          }
          io.stderr.write('emulator stopped\n');
        },
      };
    },
  },
];

/** A port the emulator cannot listen on is the caller's choice to change: a usage error. */
function portTaken(error: unknown, port: number | undefined): UsageError | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (port === undefined || (code !== 'EADDRINUSE' && code !== 'EACCES')) return undefined;
  const why = code === 'EADDRINUSE' ? 'is in use' : 'needs privileges';
  return new UsageError(
    `port ${port} or ${port + 1} ${why}: choose another --port, or leave it out for free ports`,
  );
}
