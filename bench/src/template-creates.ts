import type { TemplateDraft } from '@whatsapp-bsp/core';
import type { Benchmark } from './benchmark.js';
import { withRemoteEmulator } from './remote-emulator.js';
import { type ResultRow, ratioRow } from './report.js';
import { summarize } from './statistics.js';
import { vendorClient } from './vendor-clients.js';

const CREATES = 200;
/** CreateChatappTemplate's documented budget: 50 requests per second per account. */
const QUOTA = 50;
const ROUNDS = 2;

/** A valid utility template; only the name changes from one create to the next. */
function draft(round: number, index: number): TemplateDraft {
  return {
    name: `bench_create_${round}_${index}`,
    language: 'en_US',
    category: 'UTILITY',
    components: [
      { type: 'BODY', text: 'Order {{1}} has shipped.', example: { bodyText: [['#1042']] } },
      { type: 'FOOTER', text: 'Reply STOP to opt out' },
    ],
  };
}

/**
 * Benchmark 12: creating many templates at once on CAMS, with the emulator enforcing
 * CreateChatappTemplate's quota, must run at that quota (the client's own budget for
 * `templates.create` is the documented 50/s) with no create throttled.
 */
export const templateCreates: Benchmark = {
  name: 'template-creates',
  title: `12. template creates: ${CREATES} concurrent templates.create on CAMS at its quota of ${QUOTA}/s × ${ROUNDS} rounds`,
  run: (log) =>
    withRemoteEmulator(
      {
        faults: [
          { kind: 'quota', vendor: 'cams', operation: 'CreateChatappTemplate', requestsPerSecond: QUOTA },
        ],
      },
      async (emulator) => {
        const rates: number[] = [];
        let throttled = 0;
        let received = 0;
        for (let round = 1; round <= ROUNDS; round++) {
          await emulator.resetRequests();
          const sentAt: number[] = [];
          // The capabilities' budget, not one set here: the benchmark checks the default.
          const client = vendorClient('cams', emulator, {
            hooks: { onRequest: () => sentAt.push(performance.now()) },
          });
          await Promise.all(
            Array.from({ length: CREATES }, (_, index) => client.templates.create(draft(round, index))),
          );
          const counts = await emulator.requests();
          const rate = (sentAt.length - 1) / ((sentAt.at(-1)! - sentAt[0]!) / 1000);
          rates.push(rate);
          throttled += counts.throttled;
          received += counts.byOperation.cams.CreateChatappTemplate ?? 0;
          log(
            `  round ${round}: ${rate.toFixed(2)} creates/s, ${counts.throttled} throttled, ${counts.total} received`,
          );
        }
        const rows: ResultRow[] = [
          ratioRow({
            benchmark: '12 template creates, achieved rate',
            figure: summarize(rates),
            baseline: summarize([QUOTA]),
            ratio: summarize(rates.map((rate) => rate / QUOTA)),
            unit: ' req/s',
            digits: 2,
            target: { atLeast: 0.95 },
          }),
          {
            benchmark: '12 template creates, throttled answers',
            figure: `${throttled} of ${received} requests`,
            baseline: '—',
            ratio: '—',
            target: '0',
            pass: throttled === 0 && received === CREATES * ROUNDS,
          },
        ];
        return rows;
      },
    ),
};
