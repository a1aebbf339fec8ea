import { applyPlan, planChanges, type TemplateDraft } from '@whatsapp-bsp/core';
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

const APPLIED_CREATES = 300;

/**
 * Benchmark 14: `applyPlan` of a state file of 300 new templates on CAMS, at the default budgets
 * and concurrency, with the emulator enforcing CreateChatappTemplate's quota: the creates run at
 * that quota, none throttled, every item created.
 */
export const applyCreates: Benchmark = {
  name: 'apply-creates',
  title: `14. apply: a plan of ${APPLIED_CREATES} template creates on CAMS at its quota of ${QUOTA}/s`,
  run: (log) =>
    withRemoteEmulator(
      {
        faults: [
          { kind: 'quota', vendor: 'cams', operation: 'CreateChatappTemplate', requestsPerSecond: QUOTA },
        ],
      },
      async (emulator) => {
        const sentAt: number[] = [];
        const client = vendorClient('cams', emulator, {
          hooks: {
            onRequest: (event) => {
              if (event.operation === 'templates.create') sentAt.push(performance.now());
            },
          },
        });
        const desired = Array.from({ length: APPLIED_CREATES }, (_, index) => draft(0, index));
        const plan = planChanges(
          { version: 1, templates: desired },
          { version: 1, templates: [] },
          { provider: client.provider },
        );
        const report = await applyPlan(client, plan);
        const counts = await emulator.requests();
        const rate = (sentAt.length - 1) / ((sentAt.at(-1)! - sentAt[0]!) / 1000);
        log(
          `  ${report.counts.created} created, ${report.counts.failed} failed; ${rate.toFixed(2)} creates/s, ${counts.throttled} throttled`,
        );
        const rows: ResultRow[] = [
          ratioRow({
            benchmark: '14 apply, template creates rate',
            figure: summarize([rate]),
            baseline: summarize([QUOTA]),
            ratio: summarize([rate / QUOTA]),
            unit: ' req/s',
            digits: 2,
            target: { atLeast: 0.95 },
          }),
          {
            benchmark: '14 apply, throttled answers and failures',
            figure: `${counts.throttled} throttled, ${report.counts.failed} failed, ${report.counts.created} created`,
            baseline: '—',
            ratio: '—',
            target: `0, 0, ${APPLIED_CREATES}`,
            pass:
              counts.throttled === 0 &&
              report.counts.failed === 0 &&
              report.counts.created === APPLIED_CREATES,
          },
        ];
        return rows;
      },
    ),
};
