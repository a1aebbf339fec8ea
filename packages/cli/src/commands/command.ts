import type { WhatsAppClient } from '@whatsapp-bsp/core';
import type { CliIo } from '../cli-io.js';
import type { Output } from '../output.js';
import { UsageError } from '../render-error.js';

/** A flag as `node:util`'s `parseArgs` takes it. */
export type FlagDefinition = { type: 'string'; short?: string } | { type: 'boolean'; short?: string };

/** The flags given, by name: strings for `type: 'string'`, booleans for `type: 'boolean'`. */
export type FlagValues = Readonly<Record<string, string | boolean | undefined>>;

/**
 * A command whose arguments have been checked, ready to run. It resolves to the exit code (a
 * number) when that is not 0 without being an error (`templates validate` finding problems, a
 * declined delete); to anything else when it succeeded.
 */
export type ReadyCommand =
  /** Works at the vendor, through a client built from the global options. */
  | {
      needsClient: true;
      run(client: WhatsAppClient, output: Output, io: CliIo): Promise<unknown>;
    }
  /** Works on its own, e.g. `wabsp emulator`. */
  | { needsClient: false; run(io: CliIo, output: Output): Promise<unknown> };

/** One `wabsp` command: its name, its help, its flags and how its arguments are read. */
export interface CommandDefinition {
  /** The words that name it, e.g. `['flows', 'get']`. */
  readonly words: readonly string[];
  /** Its lines under "Usage:" in `wabsp --help`. */
  readonly usage: string;
  /** The flags it reads, besides the global ones. */
  readonly flags?: Readonly<Record<string, FlagDefinition>>;
  /** Reads the positional arguments after its words, and the flags; throws `UsageError`. */
  parse(positionals: readonly string[], flags: FlagValues): ReadyCommand;
}

/** Refuses positional arguments beyond the `count` a command takes. */
export function expectNoMore(positionals: readonly string[], count: number): void {
  if (positionals.length > count) throw new UsageError(`Unexpected argument '${positionals[count]}'`);
}

/** A string flag's value, if given. */
export function stringFlag(flags: FlagValues, name: string): string | undefined {
  const value = flags[name];
  return typeof value === 'string' ? value : undefined;
}

/** The values a whole-number flag may take. */
export interface IntegerRange {
  min: number;
  /** Default: the largest safe integer. */
  max?: number;
  /** Said after the range, e.g. what the number means. */
  note?: string;
}

/**
 * A whole-number flag's value, if given. Every numeric flag is read here: digits only (no sign,
 * fraction, exponent or hex), a safe integer, within its range; anything else is a usage error.
 */
export function integerFlag(flags: FlagValues, name: string, range: IntegerRange): number | undefined {
  const value = stringFlag(flags, name);
  if (value === undefined) return undefined;
  const number = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  const max = range.max ?? Number.MAX_SAFE_INTEGER;
  if (Number.isSafeInteger(number) && number >= range.min && number <= max) return number;
  const expected =
    range.max === undefined
      ? `a whole number of at least ${range.min}`
      : `a whole number from ${range.min} to ${range.max}`;
  throw new UsageError(
    `--${name} must be ${expected}${range.note ? ` (${range.note})` : ''}, not '${value}'`,
  );
}
