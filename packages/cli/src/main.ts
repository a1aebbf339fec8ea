import { createRequire } from 'node:module';
import type { CliIo } from './cli-io.js';
import { openClient } from './open-client.js';
import { Output } from './output.js';
import { HELP, parseArguments } from './parse-arguments.js';
import { describeFailure, EXIT } from './render-error.js';
import { styleFor } from './style.js';

/** Runs `wabsp` with the given arguments; resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let json = argv.includes('--json') || argv.includes('--ndjson');
  try {
    const args = parseArguments(argv);
    json = args.output !== 'human';
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
    const output = new Output(io, args.output);
    if (!command.needsClient) {
      await command.run(io, output);
      return EXIT.ok;
    }
    const { client, close } = await openClient(args, io);
    try {
      await command.run(client, output);
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
