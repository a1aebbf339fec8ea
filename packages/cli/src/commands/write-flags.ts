import { UsageError } from '../render-error.js';
import { type FlagDefinition, type FlagValues, integerFlag, stringFlag } from './command.js';

/** `-f FILE`: the document a write command sends. */
export const FILE_FLAG = { file: { type: 'string', short: 'f' } } as const satisfies Record<
  string,
  FlagDefinition
>;

/** The flags of the `wait` commands. */
export const WAIT_FLAGS = {
  until: { type: 'string' },
  for: { type: 'string' },
} as const satisfies Record<string, FlagDefinition>;

/** The `-f` file a command cannot do without. */
export function requiredFile(flags: FlagValues, command: string): string {
  const path = stringFlag(flags, 'file');
  if (path === undefined) throw new UsageError(`wabsp ${command} needs -f FILE`);
  return path;
}

/**
 * `--until A,B`: statuses, upper-cased, each one of `known` (a typo would wait in vain);
 * undefined when not given.
 */
export function statusList<Status extends string>(
  flags: FlagValues,
  known: readonly Status[],
): Status[] | undefined {
  const value = stringFlag(flags, 'until');
  if (value === undefined) return undefined;
  const statuses = value
    .split(',')
    .map((status) => status.trim().toUpperCase())
    .filter((status) => status !== '');
  if (statuses.length === 0)
    throw new UsageError('--until needs at least one status, e.g. --until APPROVED,REJECTED');
  const unknown = statuses.find((status) => !(known as readonly string[]).includes(status));
  if (unknown !== undefined) throw new UsageError(`--until: '${unknown}' is not one of ${known.join(', ')}`);
  return statuses as Status[];
}

/** `--for SECONDS`: how long a wait may take (10 minutes by default, at most a day). */
export function waitOptions(flags: FlagValues): { timeoutMs?: number } {
  const seconds = integerFlag(flags, 'for', { min: 1, max: 86_400, note: 'seconds' });
  return seconds === undefined ? {} : { timeoutMs: seconds * 1000 };
}
