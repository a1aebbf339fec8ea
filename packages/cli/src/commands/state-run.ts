import {
  type ApplyReport,
  applyPlan,
  BspError,
  exportStateWithFacts,
  type Plan,
  planChanges,
  type StateExport,
  type StateFile,
  type WhatsAppClient,
} from '@whatsapp-bsp/core';
import type { CliIo } from '../cli-io.js';
import type { InputDocument } from '../input-file.js';
import type { Output } from '../output.js';
import { Progress } from '../progress.js';
import { ProgressBar } from '../progress-bar.js';
import { renderApplyReport } from '../render-apply-report.js';
import { EXIT, StoppedError } from '../render-error.js';
import { itemLabel, renderPlan } from '../render-plan.js';

/** Which sections a run covers: both, or one (`--only`). */
export type StateSections = 'templates' | 'flows' | undefined;

/** An AbortSignal that aborts when the command is told to stop (Ctrl-C). */
export function stopSignal(io: CliIo): AbortSignal {
  const controller = new AbortController();
  void io
    .untilStopped()
    .then(() => controller.abort(new StoppedError('told to stop (Ctrl-C or SIGTERM); nothing more is sent')));
  return controller.signal;
}

/** The sections a desired state manages: an export of the vendor need read no more. */
export function sectionsOf(state: StateFile): StateSections {
  if (state.templates !== undefined && state.flows === undefined) return 'templates';
  if (state.flows !== undefined && state.templates === undefined) return 'flows';
  return undefined;
}

/**
 * What a vendor has now, with a counter on stderr (on a terminal) while it is read: the state, and
 * the facts a plan against it needs that the file does not hold (statuses, flow ids).
 */
export async function readCurrentState(
  client: WhatsAppClient,
  io: CliIo,
  options: { only: StateSections; signal: AbortSignal },
): Promise<StateExport> {
  const progress = new Progress(io.stderr, `templates and flows from ${client.provider.id}`);
  try {
    return await exportStateWithFacts(client, {
      signal: options.signal,
      ...(options.only !== undefined && { only: options.only }),
      onProgress: () => progress.add(1),
    });
  } finally {
    progress.done();
  }
}

/** The plan for the client's vendor, shown as a diff (or as JSON with `--json`). */
export function planFor(
  client: WhatsAppClient,
  desired: StateFile,
  current: StateExport,
  prune: boolean,
): Plan {
  return planChanges(desired, current.state, { prune, provider: client.provider, facts: current.facts });
}

export function showPlan(output: Output, plan: Plan, file?: InputDocument): void {
  output.show(plan, (value, style) => renderPlan(value, style, file));
}

/**
 * Applies a plan with a progress bar on stderr (on a terminal), stopping cleanly on Ctrl-C, and
 * tells what was done: a line per item and a summary, or the report as JSON. Resolves to the
 * exit code: 1 when an item failed or the run was stopped before the end. Items the plan left out
 * as unsupported are named in the plan and counted after the summary; they were never sent.
 */
export async function applyAndReport(
  client: WhatsAppClient,
  plan: Plan,
  io: CliIo,
  output: Output,
  options: {
    signal: AbortSignal;
    wait: boolean;
    concurrency?: number;
    json?: (report: ApplyReport) => unknown;
  },
): Promise<number> {
  const bar = new ProgressBar(io.stderr);
  let report: ApplyReport;
  try {
    report = await applyPlan(client, plan, {
      signal: options.signal,
      wait: options.wait,
      ...(options.concurrency !== undefined && { concurrency: options.concurrency }),
      onProgress: ({ item, done, total }) => bar.update(done, total, `${item.status} ${itemLabel(item)}`),
    });
  } finally {
    bar.done();
  }
  const shown = output.mode === 'human' ? report : (options.json ?? ((value) => value))(jsonReport(report));
  output.show(shown as ApplyReport, (value, style) => renderApplyReport(value, style));
  const leftOut = plan.unsupported.length;
  if (leftOut > 0 && output.mode === 'human') {
    output.status(
      `${leftOut} item${leftOut === 1 ? ' was' : 's were'} left out: ${client.provider.id} cannot do ${leftOut === 1 ? 'it' : 'them'} as asked (the plan's ! lines say why).`,
    );
  }
  return report.counts.failed > 0 || report.aborted ? EXIT.vendorOrNetwork : EXIT.ok;
}

/** The report with each error as its JSON (a BspError's fields; name and message otherwise). */
function jsonReport(report: ApplyReport): ApplyReport {
  return {
    ...report,
    items: report.items.map((item) =>
      item.error === undefined
        ? item
        : {
            ...item,
            error: BspError.isInstance(item.error)
              ? item.error.toJSON()
              : {
                  name: (item.error as Error)?.name ?? 'Error',
                  message: String((item.error as Error)?.message ?? item.error),
                },
          },
    ),
  };
}
