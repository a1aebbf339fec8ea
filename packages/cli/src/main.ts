import { createRequire } from 'node:module';
import type { CliIo } from './cli-io.js';
import { openClient } from './open-client.js';
import { Output } from './output.js';
import { HELP, parseArguments } from './parse-arguments.js';
import { EXIT } from './render-error.js';

/** Runs `wabsp` with the given arguments; resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  // Until the arguments are read, a failure is told in the format they seem to ask for.
  let output = new Output(io, argv.includes('--json') || argv.includes('--ndjson') ? 'json' : 'human');
  try {
    const args = parseArguments(argv);
    output = new Output(io, args.output);
    const { command } = args;
    if (command === 'help') {
      io.stdout.write(`${HELP}\n`);
      return EXIT.ok;
    }
    if (command === 'version') {
      const { version } = createRequire(import.meta.url)('../package.json') as { version: string };
      io.stdout.write(`${version}\n`);
      return EXIT.ok;
    }
    if (!command.needsClient) return exitCode(await command.run(io, output));
    const { client, close } = await openClient(args, io);
    try {
      return exitCode(await command.run(client, output, io));
    } finally {
      await close();
    }
  } catch (error) {
    return output.failure(error);
  }
}

/** A command's own exit code, or 0. */
function exitCode(result: unknown): number {
  return typeof result === 'number' ? result : EXIT.ok;
}
