import { formatEmulatorBanner, startEmulator } from '@whatsapp-bsp/emulator';
import { type CommandDefinition, expectNoMore, positiveIntegerFlag } from './command.js';

/** `wabsp emulator`: serve both vendors on loopback until stopped (Ctrl-C). */
export const EMULATOR_COMMANDS: readonly CommandDefinition[] = [
  {
    words: ['emulator'],
    usage: 'emulator [--port N]',
    flags: { port: { type: 'string' } },
    parse: (positionals, flags) => {
      expectNoMore(positionals, 0);
      const port = positiveIntegerFlag(flags, 'port');
      return {
        needsClient: false,
        run: async (io, output) => {
          // Listen for Ctrl-C before saying it works, so an early one is not lost.
          const stopped = io.untilStopped();
          const emulator = await startEmulator(port !== undefined ? { port } : {});
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
