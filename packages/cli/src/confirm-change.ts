import type { CliIo } from './cli-io.js';
import { UsageError } from './render-error.js';

/** The exit code of a change a person declined at the prompt: nothing was sent. */
export const DECLINED = 1;

/**
 * Whether a destructive command may go ahead: `--yes` says so; otherwise a person at a terminal
 * is asked. Without a terminal and without `--yes` the command is refused, so that a script never
 * deletes by accident.
 *
 * @throws UsageError when no one can be asked and `--yes` was not given.
 */
export async function confirmChange(io: CliIo, yes: boolean, question: string): Promise<boolean> {
  if (yes) return true;
  if (io.confirm === undefined) {
    throw new UsageError(`${question} Not on a terminal: pass --yes to confirm.`);
  }
  const agreed = await io.confirm(question);
  if (!agreed) io.stderr.write('Cancelled: nothing was sent.\n');
  return agreed;
}
