import { setImmediate as nextTurn } from 'node:timers/promises';
import { createClient } from '@whatsapp-bsp/core';
import { nxcloud } from '@whatsapp-bsp/nxcloud';
import { sendResult } from './child-process.js';
import { nxcloudConfigSchema } from './emulator-messages.js';
import type { PaginationMemoryResult } from './pagination-memory.js';

/*
 * Runs in its own process with --expose-gc, so the heap holds the client and nothing else (the
 * emulator runs elsewhere). Iterates every template with `for await` and, every CHECK_EVERY
 * pages, collects garbage and checks two things: how far the heap grew since the first page,
 * and whether any page already consumed is still reachable.
 */

const PAGE_SIZE = 100;
const CHECK_EVERY = 50;
/** Finalization callbacks run in later turns of the event loop; this many is plenty. */
const MAX_SETTLE_TURNS = 10;

const gc = globalThis.gc;
if (gc === undefined) throw new Error('run with --expose-gc');
const config = nxcloudConfigSchema.parse(JSON.parse(process.argv[2] ?? '{}'));
const client = createClient({ provider: nxcloud(config), rateLimit: false });

// A page holds its items, so once a page's first item has been collected, so has the page. A
// FinalizationRegistry rather than WeakRefs: a WeakRef read keeps its target alive until the
// current job ends, which under Node can last long enough to look like a leak.
const finalizedPages = new Set<number>();
const registry = new FinalizationRegistry<number>((page) => finalizedPages.add(page));

/** Collects garbage until every page before `consumed` is finalized (or turns run out). */
async function pagesHeld(consumed: number): Promise<number> {
  let held = consumed;
  for (let turn = 0; turn < MAX_SETTLE_TURNS && held > 0; turn++) {
    gc!();
    await nextTurn();
    held = 0;
    for (let page = 0; page < consumed; page++) if (!finalizedPages.has(page)) held++;
  }
  return held;
}

function heapAfterGc(): number {
  gc!();
  return process.memoryUsage().heapUsed;
}

// In a function, not at the module's top level: the finalization callbacks of pages consumed
// late in the loop were not seen from top-level code after the loop ended.
async function measure(): Promise<PaginationMemoryResult> {
  let baselineHeap = 0;
  let peakHeap = 0;
  let mostPagesHeld = 0;
  let checks = 0;
  let templates = 0;
  const started = performance.now();

  for await (const template of client.templates.list({ pageSize: PAGE_SIZE })) {
    if (templates % PAGE_SIZE === 0) {
      // Pages 0 to page - 1 are consumed; this one is being read.
      const page = templates / PAGE_SIZE;
      if (page === 1) baselineHeap = peakHeap = heapAfterGc();
      else if (page > 1 && page % CHECK_EVERY === 0) {
        mostPagesHeld = Math.max(mostPagesHeld, await pagesHeld(page));
        peakHeap = Math.max(peakHeap, heapAfterGc());
        checks++;
      }
      registry.register(template, page);
    }
    templates++;
  }
  const pages = Math.ceil(templates / PAGE_SIZE);
  // After the loop every page is consumed; the last one may still sit in the loop's variable.
  mostPagesHeld = Math.max(mostPagesHeld, await pagesHeld(pages - 1));
  peakHeap = Math.max(peakHeap, heapAfterGc());
  checks++;

  return {
    templates,
    pages,
    checks,
    baselineHeapBytes: baselineHeap,
    peakHeapBytes: peakHeap,
    mostPagesHeld,
    elapsedMs: performance.now() - started,
  };
}

await sendResult(await measure());
