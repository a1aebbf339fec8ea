import type { Benchmark } from './benchmark.js';
import { compareGetFlow, GET_FLOW_CALLS, GET_FLOW_ROUNDS, runTask } from './get-flow-comparison.js';
import { measureGetFlowPerVendor, VENDOR_TITLES } from './vendor-clients.js';

const CONCURRENCY = 32;
const WARMUP_CALLS = 300;

/** Benchmark 2: requests per second with 32 calls in flight, against the bare transport. */
export const throughput: Benchmark = {
  name: 'throughput',
  title: `2. throughput of flows.get, ${GET_FLOW_CALLS} calls per side at concurrency ${CONCURRENCY} × ${GET_FLOW_ROUNDS} rounds`,
  run: (log) =>
    measureGetFlowPerVendor((vendor, calls) =>
      compareGetFlow(
        vendor,
        calls,
        {
          blocks: 4,
          // Warm up the code and fill both keep-alive pools to the concurrency used below.
          warmUp: async (viaClient, viaBaseline) => {
            await concurrentCallsMs(viaClient, WARMUP_CALLS);
            await concurrentCallsMs(viaBaseline, WARMUP_CALLS);
          },
          blockMs: concurrentCallsMs,
          figure: (totalMs) => (GET_FLOW_CALLS / totalMs) * 1000,
          describe: (perSecond) => `${perSecond.toFixed(0)}/s`,
          row: {
            benchmark: `2 throughput, ${VENDOR_TITLES[vendor]} flows.get ×${CONCURRENCY}`,
            unit: ' calls/s',
            digits: 0,
            target: { atLeast: 0.9 },
          },
        },
        log,
      ),
    ),
};

/** Runs `calls` calls with CONCURRENCY of them in flight at any time; returns the time taken. */
async function concurrentCallsMs(call: () => Promise<unknown>, calls: number): Promise<number> {
  const started = performance.now();
  await runTask({ concurrency: 'task', threshold: CONCURRENCY }, call, calls);
  return performance.now() - started;
}
