import { parseArgs } from 'node:util';
import { UsageError } from './render-error.js';

export const HELP = `wabsp — read WhatsApp Flows and message Templates from any supported vendor

Usage:
  wabsp flows get <id>
  wabsp flows list [--page-size N] [--max-items N]
  wabsp flows preview <id>
  wabsp templates list [--name NAME] [--language LANG] [--status STATUS] [--category CATEGORY]
                       [--with-components] [--page-size N] [--max-items N]
  wabsp templates get (--id ID | --name NAME --language LANG)
  wabsp emulator [--port N]

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

Exit codes: 0 ok, 1 vendor or network error, 2 usage or configuration error.`;

const OPTIONS = {
  provider: { type: 'string' },
  config: { type: 'string' },
  emulator: { type: 'boolean' },
  json: { type: 'boolean' },
  ndjson: { type: 'boolean' },
  timeout: { type: 'string' },
  'page-size': { type: 'string' },
  'max-items': { type: 'string' },
  name: { type: 'string' },
  language: { type: 'string' },
  status: { type: 'string' },
  category: { type: 'string' },
  id: { type: 'string' },
  'with-components': { type: 'boolean' },
  port: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'emulator'; port?: number }
  | { kind: 'flows get' | 'flows preview'; id: string }
  | { kind: 'flows list' }
  | { kind: 'templates list' }
  | { kind: 'templates get'; reference: { id: string } | { name: string; language: string } };

export interface ParsedArguments {
  command: Command;
  provider?: string;
  config?: string;
  emulator: boolean;
  output: 'human' | 'json' | 'ndjson';
  timeoutMs?: number;
  pageSize?: number;
  maxItems?: number;
  filters: { name?: string; language?: string; status?: string; category?: string };
  withComponents: boolean;
}

export function parseArguments(argv: readonly string[]): ParsedArguments {
  let parsed: ReturnType<
    typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true; args: string[] }>
  >;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.json && values.ndjson) throw new UsageError('Choose one of --json and --ndjson');
  const result: ParsedArguments = {
    command: commandFrom(positionals, values),
    emulator: values.emulator ?? false,
    output: values.ndjson ? 'ndjson' : values.json ? 'json' : 'human',
    filters: {},
    withComponents: values['with-components'] ?? false,
  };
  if (values.provider !== undefined) result.provider = values.provider;
  if (values.config !== undefined) result.config = values.config;
  const timeoutMs = positiveInteger(values.timeout, '--timeout');
  if (timeoutMs !== undefined) result.timeoutMs = timeoutMs;
  const pageSize = positiveInteger(values['page-size'], '--page-size');
  if (pageSize !== undefined) result.pageSize = pageSize;
  const maxItems = positiveInteger(values['max-items'], '--max-items');
  if (maxItems !== undefined) result.maxItems = maxItems;
  if (result.command.kind === 'templates list') {
    for (const key of ['name', 'language', 'status', 'category'] as const) {
      const value = values[key];
      if (value !== undefined)
        result.filters[key] = key === 'status' || key === 'category' ? value.toUpperCase() : value;
    }
  }
  return result;
}

function commandFrom(positionals: string[], values: Record<string, unknown>): Command {
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  const [group, action, ...rest] = positionals;
  const expectNoMore = (count: number) => {
    if (positionals.length > count) throw new UsageError(`Unexpected argument '${positionals[count]}'`);
  };
  if (group === undefined) return { kind: 'help' };
  if (group === 'emulator') {
    expectNoMore(1);
    const port = positiveInteger(values.port as string | undefined, '--port');
    return port === undefined ? { kind: 'emulator' } : { kind: 'emulator', port };
  }
  if (group === 'flows' && (action === 'get' || action === 'preview')) {
    const id = rest[0];
    if (id === undefined) throw new UsageError(`wabsp flows ${action} needs a flow id`);
    expectNoMore(3);
    return { kind: `flows ${action}`, id };
  }
  if (group === 'flows' && action === 'list') {
    expectNoMore(2);
    return { kind: 'flows list' };
  }
  if (group === 'templates' && action === 'list') {
    expectNoMore(2);
    return { kind: 'templates list' };
  }
  if (group === 'templates' && action === 'get') {
    expectNoMore(2);
    const { id, name, language } = values as { id?: string; name?: string; language?: string };
    if (id !== undefined && name === undefined && language === undefined)
      return { kind: 'templates get', reference: { id } };
    if (id === undefined && name !== undefined && language !== undefined) {
      return { kind: 'templates get', reference: { name, language } };
    }
    throw new UsageError('wabsp templates get needs either --id, or both --name and --language');
  }
  throw new UsageError(`Unknown command '${[group, action].filter(Boolean).join(' ')}'`);
}

function positiveInteger(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1)
    throw new UsageError(`${flag} must be a positive whole number`);
  return Number(value);
}
