import type { Benchmark } from './benchmark.js';
import {
  compareGetFlow,
  GET_FLOW_CALLS,
  GET_FLOW_ROUNDS,
  type GetFlowComparison,
  runTask,
} from './get-flow-comparison.js';
import type { RatioTarget } from './report.js';
import { measureGetFlowPerVendor, VENDOR_TITLES } from './vendor-clients.js';

const WARMUP_CALLS = 300;

/** Cost per call of sequential `flows.get` calls, in ten blocks per round: benchmarks 1 and 7. */
export function perCallComparison(row: { benchmark: string; target: RatioTarget }): GetFlowComparison {
  return {
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
    row: { ...row, unit: ' ms', digits: 3 },
  };
}

/** Benchmark 1: what the library adds to one sequential `flows.get`, over the bare transport. */
export const perCallCost: Benchmark = {
  name: 'per-call-cost',
  title: `1. per-call cost of flows.get, ${GET_FLOW_CALLS} sequential calls per side × ${GET_FLOW_ROUNDS} rounds`,
  run: (log) =>
    measureGetFlowPerVendor((vendor, calls) =>
      compareGetFlow(
        vendor,
        calls,
        perCallComparison({
          benchmark: `1 per-call cost, ${VENDOR_TITLES[vendor]} flows.get`,
          target: { atMost: 1.1 },
        }),
        log,
      ),
    ),
};
