import { validateFlowJson } from '@whatsapp-bsp/core';
import { z } from 'zod';
import type { Benchmark } from './benchmark.js';
import { runChild } from './child-process.js';
import { generateFlowJson } from './flow-json-generator.js';
import { interleavedRounds } from './interleaved-rounds.js';
import { type ResultRow, ratioRow } from './report.js';
import { pairedRatios, summarize } from './statistics.js';

const SCREENS = 50;
const MB = 1024 * 1024;
const DOCUMENT_BYTES = MB;
const ROUNDS = 9;
const BLOCKS_PER_ROUND = 4;
const CALLS_PER_BLOCK = 5;
const WARMUP_CALLS = 20;
/**
 * Validating parses the text once and then walks the tree once for every rule group's facts, so
 * it costs a small multiple of a parse; 4 leaves room for the walk and for noise.
 */
const MAX_TIME_RATIO = 4;
/** The budget: what one validation allocates, at most three times the document's size. */
const MAX_MEMORY_RATIO = 3;

/** What `validate-flow-json-child.ts` sends back. */
export const validateFlowJsonMemoryResultSchema = z.object({
  documentBytes: z.number(),
  /** The most heap one `validateFlowJson(text)` allocated, with no collection during the call. */
  validateBytes: z.number(),
  /** The same for `JSON.parse(text)`, for comparison. */
  parseBytes: z.number(),
});
export type ValidateFlowJsonMemoryResult = z.infer<typeof validateFlowJsonMemoryResultSchema>;

/** Milliseconds for `CALLS_PER_BLOCK` calls of `work`. */
function blockMs(work: () => unknown): Promise<number> {
  const started = performance.now();
  for (let call = 0; call < CALLS_PER_BLOCK; call++) work();
  return Promise.resolve(performance.now() - started);
}

/**
 * Benchmark 7: offline Flow JSON validation of a generated 1 MB, 50-screen flow given as text,
 * against `JSON.parse` of the same text; and the heap one validation allocates, in a child process.
 */
export const validateFlowJsonBenchmark: Benchmark = {
  name: 'validate-flow-json',
  title: `8. validateFlowJson on a generated ${DOCUMENT_BYTES / MB} MB Flow JSON of ${SCREENS} screens × ${ROUNDS} rounds`,
  async run(log) {
    const text = generateFlowJson({ screens: SCREENS, bytes: DOCUMENT_BYTES });
    const megabytes = Buffer.byteLength(text, 'utf8') / MB;
    const errors = validateFlowJson(text);
    if (errors.length > 0)
      throw new Error(`the generated Flow JSON is not valid: ${JSON.stringify(errors[0])}`);
    for (let call = 0; call < WARMUP_CALLS; call++) {
      validateFlowJson(text);
      JSON.parse(text);
    }

    const calls = BLOCKS_PER_ROUND * CALLS_PER_BLOCK;
    const perMegabyte = (roundMs: number) => roundMs / calls / megabytes;
    const { figure, baseline } = await interleavedRounds({
      rounds: ROUNDS,
      blocksPerRound: BLOCKS_PER_ROUND,
      figure: () => blockMs(() => validateFlowJson(text)),
      baseline: () => blockMs(() => JSON.parse(text)),
      onRound: (round, validateMs, parseMs) =>
        log(
          `  round ${round}: validateFlowJson ${perMegabyte(validateMs).toFixed(2)} ms/MB, JSON.parse ${perMegabyte(parseMs).toFixed(2)} ms/MB`,
        ),
    });

    // Not a row: the price of placing errors in the text, paid only when there are errors.
    const lastComplete = text.lastIndexOf('"complete"');
    const oneError = `${text.slice(0, lastComplete)}"completed"${text.slice(lastComplete + '"complete"'.length)}`;
    // The first call also loads the position parser, which is loaded on first use.
    for (let call = 0; call < CALLS_PER_BLOCK; call++) validateFlowJson(oneError);
    const placed = await blockMs(() => validateFlowJson(oneError));
    log(
      `  with one error near the end, placed in the text: ${(placed / CALLS_PER_BLOCK / megabytes).toFixed(2)} ms/MB`,
    );

    const memory = validateFlowJsonMemoryResultSchema.parse(
      await runChild(
        new URL('./validate-flow-json-child.js', import.meta.url),
        [String(SCREENS), String(DOCUMENT_BYTES)],
        // A young generation large enough that no collection runs during one validation.
        ['--expose-gc', '--min-semi-space-size=64', '--max-semi-space-size=64'],
      ),
    );
    const memoryRatio = memory.validateBytes / memory.documentBytes;
    log(
      `  heap allocated by one call: validateFlowJson ${(memory.validateBytes / MB).toFixed(2)} MB, JSON.parse ${(memory.parseBytes / MB).toFixed(2)} MB, for ${(memory.documentBytes / MB).toFixed(2)} MB of text`,
    );

    const rows: ResultRow[] = [
      ratioRow({
        benchmark: '8 validateFlowJson, time per MB',
        figure: summarize(figure.map(perMegabyte)),
        baseline: summarize(baseline.map(perMegabyte)),
        ratio: summarize(pairedRatios(figure, baseline)),
        unit: ' ms/MB',
        target: { atMost: MAX_TIME_RATIO },
      }),
      {
        benchmark: '8 validateFlowJson, heap allocated',
        figure: `${(memory.validateBytes / MB).toFixed(2)} MB`,
        baseline: `${(memory.documentBytes / MB).toFixed(2)} MB document`,
        ratio: memoryRatio.toFixed(3),
        target: `≤ ${MAX_MEMORY_RATIO.toFixed(2)}`,
        pass: memoryRatio <= MAX_MEMORY_RATIO,
      },
    ];
    return rows;
  },
};
