import { sendResult } from './child-process.js';

/*
 * Imports the modules named on the command line, in order, into this fresh process and sends
 * back how long that took in milliseconds. Run by the cold-import benchmark.
 */

const specifiers = process.argv.slice(2);
const started = performance.now();
for (const specifier of specifiers) await import(specifier);
await sendResult(performance.now() - started);
