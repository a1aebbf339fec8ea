import type { Benchmark } from './benchmark.js';
import { compareGetFlow, GET_FLOW_CALLS, GET_FLOW_ROUNDS, runTask } from './get-flow-comparison.js';
import { measureGetFlowPerVendor, VENDOR_TITLES } from './vendor-clients.js';

const WARMUP_CALLS = 300;

/** Benchmark 1: what the library adds to one sequential `flows.get`, over the bare transport. */
export const perCallCost: Benchmark = {
  name: 'per-call-cost',
  title: `1. per-call cost of flows.get, ${GET_FLOW_CALLS} sequential calls per side × ${GET_FLOW_ROUNDS} rounds`,
  run: (log) =>
    measureGetFlowPerVendor((vendor, calls) =>
      compareGetFlow(
        vendor,
        calls,
        {
          blocks: 10,
          warmUp: async (viaClient, viaBaseline) => {
            for (let done = 0; done < WARMUP_CALLS; done++) {
              await viaClient();
              await viaBaseline();
            }
          },
          blockMs: async (call, count) => (await runTask({}, call, count)).totalTime,
          figure: (totalMs) => totalMs / GET_FLOW_CALLS,
          describe: (ms) => `${ms.toFixed(3)} ms per call`,
          row: {
            benchmark: `1 per-call cost, ${VENDOR_TITLES[vendor]} flows.get`,
            unit: ' ms',
            digits: 3,
            target: { atMost: 1.1 },
          },
        },
        log,
      ),
    ),
};
