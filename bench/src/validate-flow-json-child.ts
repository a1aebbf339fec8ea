import { PerformanceObserver } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { validateFlowJson } from '@whatsapp-bsp/core';
import { sendResult } from './child-process.js';
import { generateFlowJson } from './flow-json-generator.js';
import type { ValidateFlowJsonMemoryResult } from './validate-flow-json.js';

/*
 * Runs in its own process with --expose-gc and a young generation large enough (see the parent)
 * that no garbage collection runs during one validation. The heap's growth across the call is
 * then everything the call allocated, so the peak cannot have been higher. A PerformanceObserver
 * counts collections; a sample during which one ran is discarded, as its growth would be too low.
 */

const SAMPLES = 5;
const MAX_ATTEMPTS = 20;

const gc = globalThis.gc;
if (gc === undefined) throw new Error('run with --expose-gc');
const [screens, bytes] = process.argv.slice(2).map(Number);
if (screens === undefined || bytes === undefined) throw new Error('usage: <screens> <bytes>');
const text = generateFlowJson({ screens, bytes });

let collections = 0;
const observer = new PerformanceObserver((list) => {
  collections += list.getEntries().length;
});
observer.observe({ entryTypes: ['gc'] });

/** Lets the observer hear of every collection so far. */
async function settle(): Promise<void> {
  for (let turn = 0; turn < 3; turn++) await nextTurn();
}

/** The heap allocated by one call of `work`, or undefined when a collection ran meanwhile. */
async function allocatedBy(work: () => unknown): Promise<number | undefined> {
  gc!();
  await settle();
  const collectionsBefore = collections;
  const before = process.memoryUsage().heapUsed;
  const result = work();
  const after = process.memoryUsage().heapUsed;
  await settle();
  if (result === undefined || collections !== collectionsBefore) return undefined;
  return after - before;
}

/** The largest of SAMPLES clean measurements. */
async function largestAllocation(work: () => unknown): Promise<number> {
  const samples: number[] = [];
  for (let attempt = 0; attempt < MAX_ATTEMPTS && samples.length < SAMPLES; attempt++) {
    const bytesAllocated = await allocatedBy(work);
    if (bytesAllocated !== undefined) samples.push(bytesAllocated);
  }
  if (samples.length < SAMPLES) throw new Error('garbage collection ran during every measurement');
  return Math.max(...samples);
}

// Warm up, so that compiling the code is not counted.
for (let round = 0; round < 5; round++) {
  validateFlowJson(text);
  JSON.parse(text);
}
const errors = validateFlowJson(text);
if (errors.length > 0) throw new Error(`the generated Flow JSON is not valid: ${JSON.stringify(errors[0])}`);

const result: ValidateFlowJsonMemoryResult = {
  documentBytes: Buffer.byteLength(text, 'utf8'),
  validateBytes: await largestAllocation(() => validateFlowJson(text)),
  parseBytes: await largestAllocation(() => JSON.parse(text)),
};
observer.disconnect();
await sendResult(result);
