import { constants } from 'node:fs';
import { access, stat, writeFile } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import { type StateFile, StateFileError, type WhatsAppClient } from '@whatsapp-bsp/core';
import { Document, parse, visit } from 'yaml';
import type { CliIo } from '../cli-io.js';
import { confirmChange, DECLINED } from '../confirm-change.js';
import type { Output } from '../output.js';
import { EXIT, UsageError } from '../render-error.js';
import { styleFor } from '../style.js';
import { jsonText, terminalSafe } from '../terminal-text.js';
import { type CommandDefinition, expectNoMore, type FlagValues, integerFlag, stringFlag } from './command.js';
import { readStateInput, renderStateFileIssues, type StateInput } from './state-file-input.js';
import {
  applyAndReport,
  planFor,
  readCurrentState,
  type StateSections,
  sectionsOf,
  showPlan,
  stopSignal,
} from './state-run.js';
import { FILE_FLAG, requiredFile } from './write-flags.js';

/** The flags of `plan` and `apply`. */
const PLAN_FLAGS = { ...FILE_FLAG, prune: { type: 'boolean' } } as const;

/**
 * `wabsp export`, `wabsp plan`, `wabsp apply`: templates and flows as code, in a state file (YAML
 * or JSON) kept under version control.
 */
export const STATE_COMMANDS: readonly CommandDefinition[] = [
  {
    words: ['export'],
    usage: `export [--out FILE] [--only templates|flows]
               every template and flow of the vendor as a state file (YAML; JSON for a .json FILE or --json)`,
    flags: { out: { type: 'string' }, only: { type: 'string' } },
    parse: (positionals, flags) => {
      expectNoMore(positionals, 0);
      const out = stringFlag(flags, 'out');
      const only = onlyFlag(flags);
      return {
        needsClient: true,
        run: async (client, output, io) => {
          // A place it cannot write is told before the whole account has been read.
          if (out !== undefined) await assertWritable(out);
          const { state } = await readCurrentState(client, io, { only, signal: stopSignal(io) });
          const asJson = out === undefined ? output.mode !== 'human' : extname(out).toLowerCase() === '.json';
          const text = asJson ? `${JSON.stringify(state, null, 2)}\n` : stateYaml(state);
          if (out === undefined) {
            // Piped or redirected, the data goes out exactly; on a terminal, nothing in it may act.
            io.stdout.write(asJson ? `${jsonText(state, 2)}\n` : io.stdout.isTTY ? terminalSafe(text) : text);
            return;
          }
          await writeFile(out, text, { mode: 0o644 }).catch((error: NodeJS.ErrnoException) => {
            throw new UsageError(`Cannot write ${out}: ${error.code ?? error.message}`);
          });
          output.status(
            `Exported ${[
              ...(state.templates !== undefined ? [count(state.templates, 'template')] : []),
              ...(state.flows !== undefined ? [count(state.flows, 'flow')] : []),
            ].join(' and ')} from ${client.provider.id} to ${out}.`,
          );
        },
      };
    },
  },
  {
    words: ['plan'],
    usage: `plan -f FILE [--prune] [--json]
               what apply would change: + create, ~ update (the fields), - delete (only with --prune),
               ! what the vendor cannot do and why`,
    flags: PLAN_FLAGS,
    parse: (positionals, flags) => {
      expectNoMore(positionals, 0);
      const path = requiredFile(flags, 'plan');
      const prune = flags.prune === true;
      return {
        needsClient: true,
        run: async (client, output, io) => {
          const input = await desiredState(path, output, io);
          if (typeof input === 'number') return input;
          const current = await readCurrentState(client, io, {
            only: sectionsOf(input.state),
            signal: stopSignal(io),
          });
          showPlan(output, planFor(client, input.state, current, prune), input.file);
        },
      };
    },
  },
  {
    words: ['apply'],
    usage: `apply -f FILE [--prune] [--yes] [--wait] [--concurrency N] [--json]
               plans, then carries the plan out; deletes (only with --prune) are confirmed on a
               terminal unless --yes; exit 1 if any item failed`,
    flags: {
      ...PLAN_FLAGS,
      yes: { type: 'boolean' },
      wait: { type: 'boolean' },
      concurrency: { type: 'string' },
    },
    parse: (positionals, flags) => {
      expectNoMore(positionals, 0);
      const path = requiredFile(flags, 'apply');
      const prune = flags.prune === true;
      const yes = flags.yes === true;
      const wait = flags.wait === true;
      const concurrency = integerFlag(flags, 'concurrency', { min: 1, max: 16, note: 'items at once' });
      return {
        needsClient: true,
        run: async (client, output, io) => {
          const input = await desiredState(path, output, io);
          if (typeof input === 'number') return input;
          const signal = stopSignal(io);
          const current = await readCurrentState(client, io, { only: sectionsOf(input.state), signal });
          const plan = planFor(client, input.state, current, prune);
          if (output.mode === 'human') showPlan(output, plan, input.file);
          if (plan.create.length + plan.update.length + plan.delete.length === 0) {
            if (output.mode !== 'human') output.show({ plan, report: undefined }, () => '');
            return EXIT.ok;
          }
          if (plan.delete.length > 0 && !(await confirmDeletes(io, yes, client, plan.delete)))
            return DECLINED;
          return applyAndReport(client, plan, io, output, {
            signal,
            wait,
            ...(concurrency !== undefined && { concurrency }),
            json: (report) => ({ plan, report }),
          });
        },
      };
    },
  },
];

/** `--only templates|flows`. */
export function onlyFlag(flags: FlagValues): StateSections {
  const only = stringFlag(flags, 'only');
  if (only === undefined) return undefined;
  if (only !== 'templates' && only !== 'flows')
    throw new UsageError(`--only must be templates or flows, not '${only}'`);
  return only;
}

/**
 * The state file, checked; its problems, each at its line, shown instead (exit 2). In JSON mode the
 * StateFileError itself is the failure, with every problem.
 */
async function desiredState(path: string, output: Output, io: CliIo): Promise<StateInput | number> {
  try {
    return await readStateInput(path);
  } catch (error) {
    if (!StateFileError.isInstance(error) || output.mode !== 'human') throw error;
    // Status text is made terminal-safe as a whole, so it carries no colour.
    output.status(renderStateFileIssues(error, styleFor({ isTTY: false }, io.env)));
    return EXIT.usageOrConfig;
  }
}

async function confirmDeletes(
  io: CliIo,
  yes: boolean,
  client: WhatsAppClient,
  deletes: readonly { kind: 'template' | 'flow' }[],
): Promise<boolean> {
  const templates = deletes.filter((item) => item.kind === 'template').length;
  const flows = deletes.length - templates;
  const what = [templates > 0 ? count(templates, 'template') : '', flows > 0 ? count(flows, 'flow') : '']
    .filter(Boolean)
    .join(' and ');
  return confirmChange(io, yes, `Delete ${what} on ${client.provider.id}?`);
}

/**
 * The state as YAML: a header that says what it is, then the data, long texts unfolded. A text
 * that a YAML 1.1 reader (PyYAML, many tools) or a 1.2 one would read as something else — `yes`,
 * `on`, `2024-01-01`, `0o17`, `=` — is written in quotes, so the file means the same to all.
 */
export function stateYaml(state: StateFile): string {
  const document = new Document(state);
  visit(document, {
    Scalar(_, node) {
      if (typeof node.value === 'string' && !readsAsItself(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  return `# whatsapp-bsp state file: wabsp plan -f FILE, wabsp apply -f FILE\n${document.toString({ lineWidth: 0 })}`;
}

/** PyYAML's 1.1 "value" and "merge" keys, which the `yaml` library does not resolve in its 1.1 schema. */
const YAML_11_KEYS = new Set(['=', '<<']);

/** Whether a plain scalar `text` reads back as the same string under YAML 1.1 and 1.2. */
function readsAsItself(text: string): boolean {
  if (YAML_11_KEYS.has(text)) return false;
  if (text === '' || text !== text.trim() || /[\n:#]/.test(text)) return true; // the library quotes these itself
  try {
    return (['1.1', '1.2'] as const).every((version) => parse(text, { version }) === text);
  } catch {
    return false;
  }
}

/** @throws UsageError when `path` cannot be written: its folder is missing or not writable. */
async function assertWritable(path: string): Promise<void> {
  try {
    await access(dirname(resolve(path)), constants.W_OK);
    const existing = await stat(path).catch(() => undefined);
    if (existing?.isDirectory()) throw Object.assign(new Error(), { code: 'EISDIR' });
    if (existing !== undefined) await access(path, constants.W_OK);
  } catch (error) {
    throw new UsageError(
      `Cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
}

function count(items: readonly unknown[] | number | undefined, noun: string): string {
  const n = typeof items === 'number' ? items : (items?.length ?? 0);
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
