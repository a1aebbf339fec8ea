import { Bench } from 'tinybench';
import type { Benchmark } from './benchmark.js';
import { interleavedRounds } from './interleaved-rounds.js';
import { type RemoteEmulator, withRemoteEmulator } from './remote-emulator.js';
import { type ResultRow, ratioRow } from './report.js';
import { pairedRatios, summarize } from './statistics.js';
import { bareGetFlow, VENDOR_TITLES, VENDORS, type VendorName, vendorClient } from './vendor-clients.js';

const CALLS = 2_000;
const CONCURRENCY = 32;
const ROUNDS = 5;
const WARMUP_CALLS = 300;

/** Benchmark 2: requests per second with 32 calls in flight, against the bare transport. */
export const throughput: Benchmark = {
  name: 'throughput',
  title: `2. throughput of flows.get, ${CALLS} calls at concurrency ${CONCURRENCY} × ${ROUNDS} rounds`,
  run: (log) =>
    withRemoteEmulator({}, async (emulator) => {
      const rows: ResultRow[] = [];
      for (const vendor of VENDORS) rows.push(await measureVendor(vendor, emulator, log));
      return rows;
    }),
};

async function measureVendor(
  vendor: VendorName,
  emulator: RemoteEmulator,
  log: (line: string) => void,
): Promise<ResultRow> {
  const client = vendorClient(vendor, emulator, { rateLimit: false });
  const bare = bareGetFlow(vendor, emulator);
  const viaClient = () => client.flows.get(emulator.flowId);
  const viaBaseline = () => bare(emulator.flowId);
  // Warm up the code and fill both keep-alive pools to the concurrency used below.
  await callsPerSecond(viaClient, WARMUP_CALLS);
  await callsPerSecond(viaBaseline, WARMUP_CALLS);

  const { figure, baseline } = await interleavedRounds(
    ROUNDS,
    () => callsPerSecond(viaClient, CALLS),
    () => callsPerSecond(viaBaseline, CALLS),
    (round, clientRate, bareRate) =>
      log(
        `  ${VENDOR_TITLES[vendor]} round ${round}: client ${clientRate.toFixed(0)}/s, bare ${bareRate.toFixed(0)}/s`,
      ),
  );
  return ratioRow({
    benchmark: `2 throughput, ${VENDOR_TITLES[vendor]} flows.get ×${CONCURRENCY}`,
    figure: summarize(figure),
    baseline: summarize(baseline),
    ratio: summarize(pairedRatios(figure, baseline)),
    unit: ' calls/s',
    digits: 0,
    target: { atLeast: 0.9 },
  });
}

/** Runs `calls` calls with CONCURRENCY of them in flight at any time; returns calls per second. */
async function callsPerSecond(call: () => Promise<unknown>, calls: number): Promise<number> {
  const bench = new Bench({
    concurrency: 'task',
    threshold: CONCURRENCY,
    iterations: calls,
    time: 0,
    warmup: false,
    throws: true,
  });
  bench.add('call', call);
  const started = performance.now();
  const [task] = await bench.run();
  const elapsedMs = performance.now() - started;
  const result = task!.result;
  if (result.state !== 'completed') throw new Error(`benchmark task ended as ${result.state}`);
  if (task!.runs !== calls) throw new Error(`expected ${calls} calls, tinybench ran ${task!.runs}`);
  return (calls / elapsedMs) * 1000;
}
