import { GCRA_SCRIPT, GCRA_SCRIPT_SHA1 } from './gcra-script.js';
import type { ScriptCommands } from './redis-client.js';

/** A turn handed out by the schedule. */
export interface Turn {
  /** When it is due, in whole microseconds since the epoch on Redis's clock (exact, as a string). */
  readonly at: string;
  /** How long the caller waits for it, in milliseconds from when Redis handed it out. */
  readonly waitMs: number;
}

/** The turns of every budget, kept in Redis under `keyPrefix`. */
export class GcraSchedule {
  constructor(
    private readonly commands: ScriptCommands,
    private readonly keyPrefix: string,
  ) {}

  /** Hands out the next turn of `key`'s budget, spaced `intervalMicros` from every other. */
  async reserve(key: string, intervalMicros: number): Promise<Turn> {
    const reply = await this.run(key, ['reserve', String(intervalMicros)]);
    if (!Array.isArray(reply) || !isWhole(reply[0]) || !isWhole(reply[1])) {
      throw new Error(`The rate-limit script answered ${JSON.stringify(reply)}, not [turn, wait]`);
    }
    return { at: reply[0], waitMs: Number(reply[1]) / 1000 };
  }

  /** Gives a turn back, so that the next caller can take it instead of queueing behind it. */
  async release(key: string, turn: Turn, intervalMicros: number): Promise<void> {
    await this.run(key, ['release', String(intervalMicros), turn.at]);
  }

  /** The keys of one budget; the braces keep both on one Redis Cluster slot. */
  keysOf(key: string): [next: string, freed: string] {
    return [`${this.keyPrefix}{${key}}:next`, `${this.keyPrefix}{${key}}:freed`];
  }

  private async run(key: string, args: readonly string[]): Promise<unknown> {
    const keys = this.keysOf(key);
    try {
      return await this.commands.evalSha(GCRA_SCRIPT_SHA1, keys, args);
    } catch (error) {
      // Redis forgets scripts on restart or SCRIPT FLUSH; EVAL runs the script and caches it again.
      if (!isNoScript(error)) throw error;
      return this.commands.eval(GCRA_SCRIPT, keys, args);
    }
  }
}

function isWhole(value: unknown): value is string {
  return typeof value === 'string' && /^\d+$/.test(value);
}

function isNoScript(error: unknown): boolean {
  return error instanceof Error && error.message.startsWith('NOSCRIPT');
}
