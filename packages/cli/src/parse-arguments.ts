import { parseArgs } from 'node:util';
import { type FlagDefinition, type FlagValues, integerFlag, type ReadyCommand } from './commands/command.js';
import { COMMANDS, findCommand } from './commands/command-table.js';
import type { OutputMode } from './output.js';
import { UsageError } from './render-error.js';

const USAGE = COMMANDS.map(({ usage }) =>
  usage
    .split('\n')
    .map((line, index) => `${index === 0 ? '  wabsp ' : '        '}${line}`)
    .join('\n'),
).join('\n');

export const HELP = `wabsp — read and manage WhatsApp Flows and message Templates at any supported vendor

Usage:
${USAGE}

Where the vendor and credentials come from (the first that sets a value wins):
  --provider nxcloud|cams   the vendor
  --config FILE             a JSON config file (mode 600 if it holds a secret)
  environment variables     WABSP_PROVIDER, NXCLOUD_*, ALIBABA_CLOUD_*, CAMS_* (see the README)
  --emulator                run the command against a local emulator, no credentials needed

Output:
  --json                    one JSON document with the normalized objects
  --ndjson                  one JSON object per line (lists)
  --timeout MS              per-request time budget
  NO_COLOR=1                no colour

Changes at the vendor:
  -f FILE                   a template draft (JSON or YAML) or a Flow JSON (JSON)
  --dry-run                 templates: validate and show what would be sent; send nothing
  --yes                     confirm a delete, publish or deprecate without being asked
                            (needed when not on a terminal)

Exit codes: 0 ok; 1 vendor or network error, problems found by a validate, or a change declined;
2 usage, configuration or an invalid input refused before sending.`;

/** The flags every command takes. */
const GLOBAL_FLAGS = {
  provider: { type: 'string' },
  config: { type: 'string' },
  emulator: { type: 'boolean' },
  json: { type: 'boolean' },
  ndjson: { type: 'boolean' },
  timeout: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const satisfies Record<string, FlagDefinition>;

/** The global flags and every command's own, for one pass of `parseArgs`. */
const ALL_FLAGS: Record<string, FlagDefinition> = Object.assign(
  {},
  ...COMMANDS.map((command) => command.flags ?? {}),
  GLOBAL_FLAGS,
);

export interface ParsedArguments {
  command: ReadyCommand | 'help' | 'version';
  provider?: string;
  config?: string;
  emulator: boolean;
  output: OutputMode;
  timeoutMs?: number;
}

export function parseArguments(argv: readonly string[]): ParsedArguments {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...argv], options: ALL_FLAGS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { positionals } = parsed;
  const values = parsed.values as FlagValues;
  if (values.json && values.ndjson) throw new UsageError('Choose one of --json and --ndjson');
  const result: ParsedArguments = {
    command: commandFrom(positionals, values),
    emulator: values.emulator === true,
    output: values.ndjson ? 'ndjson' : values.json ? 'json' : 'human',
  };
  if (typeof values.provider === 'string') result.provider = values.provider;
  if (typeof values.config === 'string') result.config = values.config;
  // The client takes at most ten minutes per request.
  const timeoutMs = integerFlag(values, 'timeout', { min: 1, max: 600_000, note: 'milliseconds' });
  if (timeoutMs !== undefined) result.timeoutMs = timeoutMs;
  return result;
}

function commandFrom(positionals: readonly string[], values: FlagValues): ParsedArguments['command'] {
  if (values.help) return 'help';
  if (values.version) return 'version';
  if (positionals.length === 0) return 'help';
  const found = findCommand(positionals);
  if (!found) throw new UsageError(`Unknown command '${positionals.slice(0, 2).join(' ')}'`);
  const { command, rest } = found;
  // A flag the command does not read would be ignored in silence, its value never checked.
  const taken = new Set([...Object.keys(GLOBAL_FLAGS), ...Object.keys(command.flags ?? {})]);
  const foreign = Object.keys(values).find((flag) => !taken.has(flag));
  if (foreign !== undefined)
    throw new UsageError(`wabsp ${command.words.join(' ')} does not take --${foreign}`);
  return command.parse(rest, values);
}
