import type { CommandDefinition } from './command.js';
import { EMULATOR_COMMANDS } from './emulator.js';
import { FLOW_WRITE_COMMANDS } from './flow-writes.js';
import { FLOW_COMMANDS } from './flows.js';
import { TEMPLATE_WRITE_COMMANDS } from './template-writes.js';
import { TEMPLATE_COMMANDS } from './templates.js';
import { WEBHOOK_COMMANDS } from './webhooks.js';

/** Every `wabsp` command, in the order `--help` lists them; each resource brings its own. */
export const COMMANDS: readonly CommandDefinition[] = [
  ...FLOW_COMMANDS,
  ...FLOW_WRITE_COMMANDS,
  ...TEMPLATE_COMMANDS,
  ...TEMPLATE_WRITE_COMMANDS,
  ...WEBHOOK_COMMANDS,
  ...EMULATOR_COMMANDS,
];

/** The command named by the first positional arguments, and the arguments after its name. */
export function findCommand(
  positionals: readonly string[],
): { command: CommandDefinition; rest: readonly string[] } | undefined {
  for (const command of COMMANDS) {
    if (command.words.every((word, index) => positionals[index] === word)) {
      return { command, rest: positionals.slice(command.words.length) };
    }
  }
  return undefined;
}
