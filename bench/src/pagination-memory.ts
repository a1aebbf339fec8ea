import { z } from 'zod';
import type { Benchmark } from './benchmark.js';
import { runChild } from './child-process.js';
import { withRemoteEmulator } from './remote-emulator.js';
import type { ResultRow } from './report.js';

const TEMPLATES = 100_000;
const MAX_GROWTH_BYTES = 20 * 1024 * 1024;
const MB = 1024 * 1024;

/** What `pagination-memory-child.ts` sends back. */
export const paginationMemoryResultSchema = z.object({
  templates: z.number(),
  pages: z.number(),
  /** Garbage collections followed by a heap reading and a look at the consumed pages. */
  checks: z.number(),
  /** Heap in use after garbage collection once the first page was consumed. */
  baselineHeapBytes: z.number(),
  peakHeapBytes: z.number(),
  /** The most consumed pages found still reachable at any check. */
  mostPagesHeld: z.number(),
  elapsedMs: z.number(),
});
export type PaginationMemoryResult = z.infer<typeof paginationMemoryResultSchema>;

/**
 * Benchmark 3: iterating 100,000 NXCloud templates in pages of 100 (NXCloud's maximum; CAMS
 * pages hold at most 50) must hold one page at a time, so the heap stays flat.
 */
export const paginationMemory: Benchmark = {
  name: 'pagination-memory',
  title: `3. heap while iterating ${TEMPLATES.toLocaleString('en')} templates with for await (NXCloud, pages of 100)`,
  run: (log) =>
    withRemoteEmulator({ data: { flows: 2, templates: TEMPLATES } }, async (emulator) => {
      const result = paginationMemoryResultSchema.parse(
        await runChild(
          new URL('./pagination-memory-child.js', import.meta.url),
          [JSON.stringify(emulator.nxcloud)],
          ['--expose-gc'],
        ),
      );
      if (result.templates !== TEMPLATES) {
        throw new Error(`iterated ${result.templates} templates, expected ${TEMPLATES}`);
      }
      const growth = result.peakHeapBytes - result.baselineHeapBytes;
      log(
        `  ${result.templates} templates in ${result.pages} pages, ${(result.elapsedMs / 1000).toFixed(1)} s; ` +
          `heap ${(result.baselineHeapBytes / MB).toFixed(1)} MB after page 1, peak ${(result.peakHeapBytes / MB).toFixed(1)} MB over ${result.checks} checks`,
      );
      const rows: ResultRow[] = [
        {
          benchmark: '3 pagination, heap growth',
          figure: `${(growth / MB).toFixed(2)} MB`,
          baseline: `${(result.baselineHeapBytes / MB).toFixed(1)} MB after page 1`,
          ratio: '—',
          target: '≤ 20 MB',
          pass: growth <= MAX_GROWTH_BYTES,
        },
        {
          benchmark: '3 pagination, pages held once consumed',
          figure: `${result.mostPagesHeld} of ${result.pages - 1}`,
          baseline: '—',
          ratio: '—',
          target: '0',
          pass: result.mostPagesHeld === 0,
        },
      ];
      return rows;
    }),
};
