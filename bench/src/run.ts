import { arch, cpus, platform, totalmem } from 'node:os';
import type { Benchmark } from './benchmark.js';
import { coldImport } from './cold-import.js';
import { paginationMemory } from './pagination-memory.js';
import { peerSdk } from './peer-sdk.js';
import { perCallCost } from './per-call-cost.js';
import { planChangesBenchmark } from './plan-changes.js';
import { rateLimiter } from './rate-limiter.js';
import { redisRateLimiter } from './redis-rate-limiter.js';
import { type ResultRow, renderMarkdown, renderTable } from './report.js';
import { applyCreates, templateCreates } from './template-creates.js';
import { throughput } from './throughput.js';
import { validateFlowJsonBenchmark } from './validate-flow-json.js';
import { validateTemplateDraftBenchmark } from './validate-template-draft.js';
import { webhookParse } from './webhook-parse.js';
import { withComponents } from './with-components.js';

/*
 * `pnpm bench [-- <name>...] [--markdown]`: runs every benchmark (or the ones named), each
 * against the emulator on loopback with its baseline measured in the same run, then prints one
 * table. Exits with 1 when any figure misses its target.
 */

const BENCHMARKS: readonly Benchmark[] = [
  perCallCost,
  throughput,
  paginationMemory,
  rateLimiter,
  coldImport,
  withComponents,
  webhookParse,
  validateFlowJsonBenchmark,
  validateTemplateDraftBenchmark,
  redisRateLimiter,
  peerSdk,
  templateCreates,
  planChangesBenchmark,
  applyCreates,
];

const args = process.argv.slice(2).filter((arg) => arg !== '--');
const markdown = args.includes('--markdown');
const names = args.filter((arg) => !arg.startsWith('--'));
const unknownFlags = args.filter((arg) => arg.startsWith('--') && arg !== '--markdown');
if (unknownFlags.length > 0) {
  console.error(`Unknown option: ${unknownFlags.join(', ')}. The only option is --markdown.`);
  process.exit(2);
}
const unknown = names.filter((name) => !BENCHMARKS.some((benchmark) => benchmark.name === name));
if (unknown.length > 0) {
  console.error(
    `Unknown benchmark: ${unknown.join(', ')}. Known: ${BENCHMARKS.map((b) => b.name).join(', ')}`,
  );
  process.exit(2);
}
const selected = names.length === 0 ? BENCHMARKS : BENCHMARKS.filter((b) => names.includes(b.name));

const cpu = cpus();
console.log(
  `Node ${process.version} on ${platform()} ${arch()}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GB`,
);
const rows: ResultRow[] = [];
for (const benchmark of selected) {
  console.log(`\n${benchmark.title}`);
  const started = performance.now();
  try {
    rows.push(...(await benchmark.run((line) => console.log(line))));
  } catch (error) {
    // One broken benchmark must not hide the others' figures; it fails the run all the same.
    console.error(error);
    const message = error instanceof Error ? error.message : String(error);
    rows.push({
      benchmark: benchmark.name,
      figure: `error: ${message}`,
      baseline: '—',
      ratio: '—',
      target: '—',
      pass: false,
    });
  }
  console.log(`  (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}

console.log(`\n${renderTable(rows)}`);
if (markdown) console.log(`\n${renderMarkdown(rows)}`);
const failed = rows.filter((row) => !row.pass).length;
console.log(failed === 0 ? '\nAll targets met.' : `\n${failed} of ${rows.length} targets missed.`);
process.exitCode = failed === 0 ? 0 : 1;
