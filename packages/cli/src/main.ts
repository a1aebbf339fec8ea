import { createRequire } from 'node:module';
import type { CliIo } from './cli-io.js';
import { openClient } from './open-client.js';
import { HELP, parseArguments } from './parse-arguments.js';
import { describeFailure, EXIT } from './render-error.js';
import { runCommand } from './run-command.js';
import { runEmulator } from './run-emulator.js';
import { styleFor } from './style.js';

/** Runs `wabsp` with the given arguments; resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let json = argv.includes('--json') || argv.includes('--ndjson');
  try {
    const args = parseArguments(argv);
    json = args.output !== 'human';
    const { command } = args;
    if (command.kind === 'help') {
      io.stdout.write(`${HELP}\n`);
      return EXIT.ok;
    }
    if (command.kind === 'version') {
      const { version } = createRequire(import.meta.url)('../package.json') as { version: string };
      io.stdout.write(`${version}\n`);
      return EXIT.ok;
    }
    if (command.kind === 'emulator') {
      await runEmulator(command.port, io);
      return EXIT.ok;
    }
    const { client, close } = await openClient(args, io);
    try {
      await runCommand(client, args, io);
    } finally {
      await close();
    }
    return EXIT.ok;
  } catch (error) {
    const failure = describeFailure(error, styleFor(io.stderr, io.env));
    io.stderr.write(`${json ? JSON.stringify(failure.json) : failure.text}\n`);
    return failure.exitCode;
  }
}
