import type { Benchmark } from './benchmark.js';
import { withRemoteEmulator } from './remote-emulator.js';
import { type ResultRow, ratioRow } from './report.js';
import { summarize } from './statistics.js';
import { vendorClient } from './vendor-clients.js';

const CALLS = 300;
const QUOTA = 50;
const ROUNDS = 3;

/**
 * Benchmark 4: with the client's budget for `flows.get` set to the vendor's quota, all calls
 * fired at once must be paced to that quota: close to it, and never over it.
 */
export const rateLimiter: Benchmark = {
  name: 'rate-limiter',
  title: `4. rate limiter: ${CALLS} concurrent flows.get against a CAMS quota of ${QUOTA}/s × ${ROUNDS} rounds`,
  run: (log) =>
    withRemoteEmulator(
      { faults: [{ kind: 'quota', vendor: 'cams', operation: 'GetFlow', requestsPerSecond: QUOTA }] },
      async (emulator) => {
        const rates: number[] = [];
        let throttled = 0;
        let received = 0;
        for (let round = 1; round <= ROUNDS; round++) {
          await emulator.resetRequests();
          const sentAt: number[] = [];
          // A new client each round: its limiter starts with a fresh budget, as the quota does.
          const client = vendorClient('cams', emulator, {
            rateLimit: { perOperation: { 'flows.get': QUOTA } },
            hooks: { onRequest: () => sentAt.push(performance.now()) },
          });
          await Promise.all(Array.from({ length: CALLS }, () => client.flows.get(emulator.flowId)));
          const counts = await emulator.requests();
          // Requests per second as the limiter released them: intervals over the time they span.
          const rate = (sentAt.length - 1) / ((sentAt.at(-1)! - sentAt[0]!) / 1000);
          rates.push(rate);
          throttled += counts.throttled;
          received += counts.byOperation.cams.GetFlow ?? 0;
          log(
            `  round ${round}: ${rate.toFixed(2)} requests/s, ${counts.throttled} throttled, ${counts.total} received`,
          );
        }
        const rows: ResultRow[] = [
          ratioRow({
            benchmark: `4 rate limiter, achieved rate`,
            figure: summarize(rates),
            baseline: summarize([QUOTA]),
            ratio: summarize(rates.map((rate) => rate / QUOTA)),
            unit: ' req/s',
            digits: 2,
            target: { atLeast: 0.95 },
          }),
          {
            benchmark: '4 rate limiter, throttled answers',
            figure: `${throttled} of ${received} requests`,
            baseline: '—',
            ratio: '—',
            target: '0',
            pass: throttled === 0,
          },
        ];
        return rows;
      },
    ),
};
