import { type ChildProcess, fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SharedBudgetWorkerConfig, WorkerMessage, WorkerReport } from './shared-budget-messages.js';

/** The built worker: child processes run plain JavaScript. */
const WORKER = fileURLToPath(new URL('../dist/shared-budget-worker.js', import.meta.url));

/** How long a worker may take to connect and report ready, in milliseconds. */
const READY_WITHIN_MS = 15_000;
/** How long past the end of the run a worker may take to report and exit, in milliseconds. */
const EXIT_WITHIN_MS = 15_000;

export interface SharedBudgetRun {
  readonly workers: readonly SharedBudgetWorkerConfig[];
  readonly durationMs: number;
  /** Called this long after the workers start, e.g. to kill Redis mid-run. */
  readonly midRun?: { readonly afterMs: number; readonly action: () => Promise<void> };
}

export interface SharedBudgetResult {
  readonly reports: WorkerReport[];
  /** Workers that had not exited by themselves in time and were killed. */
  readonly hung: number;
  /** When the workers were told to start and to stop, in epoch milliseconds. */
  readonly startedAt: number;
  readonly until: number;
}

/**
 * Runs worker processes (`shared-budget-worker.ts`) that share one CAMS budget through Redis,
 * starts them together, and collects their reports. Every wait is bounded: a worker that does
 * not report or exit in time is killed and counted as hung. Needs `pnpm build` first.
 */
export async function runSharedBudgetWorkers(run: SharedBudgetRun): Promise<SharedBudgetResult> {
  if (!existsSync(WORKER)) throw new Error(`${WORKER} is missing: run \`pnpm build\` first`);
  const children = run.workers.map((config) => startWorker(config));
  try {
    await withinMs(
      Promise.all(children.map((child) => child.ready)),
      READY_WITHIN_MS,
      'the workers did not become ready',
    );
    const startedAt = Date.now();
    const until = startedAt + run.durationMs;
    for (const child of children) child.process.send({ type: 'start', until });
    if (run.midRun) {
      await new Promise((resolve) => setTimeout(resolve, run.midRun?.afterMs));
      await run.midRun.action();
    }
    const deadline = until + EXIT_WITHIN_MS;
    const ends = await Promise.all(children.map((child) => child.end(deadline)));
    return {
      reports: ends.flatMap((end) => (end.report ? [end.report] : [])),
      hung: ends.filter((end) => end.hung).length,
      startedAt,
      until,
    };
  } finally {
    for (const child of children) if (child.process.exitCode === null) child.process.kill('SIGKILL');
  }
}

interface Worker {
  readonly process: ChildProcess;
  readonly ready: Promise<void>;
  /** Resolves when the process has exited, killing it if it is still running at `deadline`. */
  end(deadline: number): Promise<{ report: WorkerReport | undefined; hung: boolean }>;
}

function startWorker(config: SharedBudgetWorkerConfig): Worker {
  // No execArgv of this process (a test runner's resolve conditions): workers load the built packages, as users do.
  const child = fork(WORKER, [JSON.stringify(config)], {
    execArgv: [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let report: WorkerReport | undefined;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`a worker exited before it was ready (${code})`)));
    child.on('message', (message: WorkerMessage) => {
      if (message.type === 'ready') resolve();
      else report = message;
    });
  });
  ready.catch(() => {});
  return {
    process: child,
    ready,
    async end(deadline) {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((resolve) => {
        timer = setTimeout(() => resolve('late'), Math.max(0, deadline - Date.now()));
      });
      const hung = (await Promise.race([exited, late])) === 'late';
      clearTimeout(timer);
      if (hung) {
        child.kill('SIGKILL');
        await exited;
      }
      return { report, hung };
    },
  };
}

async function withinMs<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}
