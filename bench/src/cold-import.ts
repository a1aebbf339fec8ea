import type { Benchmark } from './benchmark.js';
import { runChild } from './child-process.js';
import { interleavedRounds } from './interleaved-rounds.js';
import { type ResultRow, ratioRow } from './report.js';
import { pairedRatios, summarize } from './statistics.js';

const ROUNDS = 9;

/** Each adapter, and what it cannot avoid loading: its transport library and zod. */
const CASES = [
  { title: 'CAMS', adapter: '@whatsapp-bsp/cams', unavoidable: ['@alicloud/openapi-client', 'zod'] },
  { title: 'NXCloud', adapter: '@whatsapp-bsp/nxcloud', unavoidable: ['got', 'zod'] },
] as const;

/** Benchmark 5: the time to import an adapter into a fresh process, against its bare needs. */
export const coldImport: Benchmark = {
  name: 'cold-import',
  title: `5. cold import of each adapter in a fresh process × ${ROUNDS} rounds`,
  async run(log) {
    const rows: ResultRow[] = [];
    for (const { title, adapter, unavoidable } of CASES) {
      // Once each, unmeasured, so both start from a warm file-system cache.
      await importMs([adapter]);
      await importMs(unavoidable);
      const { figure, baseline } = await interleavedRounds({
        rounds: ROUNDS,
        blocksPerRound: 1,
        figure: () => importMs([adapter]),
        baseline: () => importMs(unavoidable),
        onRound: (round, adapterMs, bareMs) =>
          log(`  ${title} round ${round}: adapter ${adapterMs.toFixed(1)} ms, bare ${bareMs.toFixed(1)} ms`),
      });
      rows.push(
        ratioRow({
          benchmark: `5 cold import, ${adapter}`,
          figure: summarize(figure),
          baseline: summarize(baseline),
          ratio: summarize(pairedRatios(figure, baseline)),
          unit: ' ms',
          digits: 1,
          target: { atMost: 1.2 },
        }),
      );
    }
    return rows;
  },
};

async function importMs(specifiers: readonly string[]): Promise<number> {
  const result = await runChild(new URL('./import-probe.js', import.meta.url), specifiers);
  if (typeof result !== 'number') throw new Error('the import probe sent no duration');
  return result;
}
