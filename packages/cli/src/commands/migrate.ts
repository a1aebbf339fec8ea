import { createClient, loadConfig, type WhatsAppClient } from '@whatsapp-bsp/core';
import type { CliIo } from '../cli-io.js';
import type { Output } from '../output.js';
import { EXIT, UsageError } from '../render-error.js';
import { type CommandDefinition, expectNoMore, type FlagValues, integerFlag, stringFlag } from './command.js';
import { onlyFlag } from './state.js';
import {
  applyAndReport,
  planFor,
  readCurrentState,
  type StateSections,
  showPlan,
  stopSignal,
} from './state-run.js';

interface MigrateSettings {
  from: string;
  to: string;
  dryRun: boolean;
  only: StateSections;
  wait: boolean;
  timeoutMs?: number;
}

/**
 * `wabsp migrate --from CONFIG --to CONFIG`: the templates and flows of one vendor account made
 * the same at another — export from the first, plan against the second (what it cannot express
 * listed before anything is sent), apply. Never deletes at the target.
 */
export const MIGRATE_COMMANDS: readonly CommandDefinition[] = [
  {
    words: ['migrate'],
    usage: `migrate --from CONFIG --to CONFIG [--dry-run] [--only templates|flows] [--wait]
               the templates and flows of one vendor (config file) created at another; run again to
               finish after a failure or a stop; deletes nothing`,
    flags: {
      from: { type: 'string' },
      to: { type: 'string' },
      'dry-run': { type: 'boolean' },
      only: { type: 'string' },
      wait: { type: 'boolean' },
    },
    parse: (positionals, flags) => {
      expectNoMore(positionals, 0);
      const settings = migrateSettings(flags);
      return { needsClient: false, run: (io, output) => migrate(settings, io, output) };
    },
  },
];

function migrateSettings(flags: FlagValues): MigrateSettings {
  const from = stringFlag(flags, 'from');
  const to = stringFlag(flags, 'to');
  if (from === undefined || to === undefined) {
    throw new UsageError('wabsp migrate needs --from CONFIG and --to CONFIG (the two vendors’ config files)');
  }
  for (const global of ['provider', 'config', 'emulator'] as const) {
    if (flags[global] !== undefined)
      throw new UsageError(`wabsp migrate takes its vendors from --from and --to, not --${global}`);
  }
  const timeoutMs = integerFlag(flags, 'timeout', { min: 1, max: 600_000, note: 'milliseconds' });
  return {
    from,
    to,
    dryRun: flags['dry-run'] === true,
    only: onlyFlag(flags),
    wait: flags.wait === true,
    ...(timeoutMs !== undefined && { timeoutMs }),
  };
}

async function migrate(settings: MigrateSettings, io: CliIo, output: Output): Promise<number> {
  const source = await clientFor(settings.from, settings, io);
  const target = await clientFor(settings.to, settings, io);
  const signal = stopSignal(io);
  const desired = await readCurrentState(source, io, { only: settings.only, signal });
  const current = await readCurrentState(target, io, { only: settings.only, signal });
  const plan = planFor(target, desired.state, current, false);
  const route = { from: source.provider.id, to: target.provider.id };
  if (output.mode === 'human') showPlan(output, plan);
  if (settings.dryRun || plan.create.length + plan.update.length === 0) {
    if (output.mode !== 'human') output.show({ ...route, plan }, () => '');
    return EXIT.ok;
  }
  return applyAndReport(target, plan, io, output, {
    signal,
    wait: settings.wait,
    json: (report) => ({ ...route, plan, report }),
  });
}

async function clientFor(path: string, settings: MigrateSettings, io: CliIo): Promise<WhatsAppClient> {
  const config = await loadConfig({ path, env: io.env });
  if (settings.timeoutMs !== undefined) config.timeoutMs = settings.timeoutMs;
  return createClient(config);
}
