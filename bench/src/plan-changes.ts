import { isDeepStrictEqual } from 'node:util';
import { isEmptyPlan, planChanges, type StateFile, type TemplateDraft } from '@whatsapp-bsp/core';
import type { Benchmark } from './benchmark.js';
import { interleavedRounds } from './interleaved-rounds.js';
import { ratioRow } from './report.js';
import { pairedRatios, summarize } from './statistics.js';

const TEMPLATES = 10_000;
const ROUNDS = 9;
const BLOCKS_PER_ROUND = 2;
const WARMUP_RUNS = 3;
/**
 * The planner normalizes both drafts of each template (trims texts, orders components, drops
 * what vendors replace) before it compares them, and lists the changed fields of the half that
 * differ: the issue's budget is five plain comparisons' worth.
 */
const MAX_RATIO = 5;

/** A draft of the usual shape: text header, body with samples, footer, two buttons. */
function draft(index: number): TemplateDraft {
  return {
    name: `order_update_${index}`,
    language: index % 3 === 0 ? 'pt_BR' : 'en_US',
    category: 'UTILITY',
    components: [
      { type: 'HEADER', format: 'TEXT', text: `Order {{1}} (${index})`, example: { headerText: ['#1042'] } },
      {
        type: 'BODY',
        text: `Hi {{1}}, your order {{2}} has shipped and arrives on {{3}}. Reference ${index}.`,
        example: { bodyText: [['Ana', '#1042', 'Friday']] },
      },
      { type: 'FOOTER', text: 'Reply STOP to opt out' },
      {
        type: 'BUTTONS',
        buttons: [
          {
            type: 'URL',
            text: 'Track',
            url: 'https://shop.example/t/{{1}}',
            example: ['https://shop.example/t/1042'],
          },
          { type: 'PHONE_NUMBER', text: 'Call us', phoneNumber: '+6512345678' },
        ],
      },
    ],
  };
}

/** The desired state and the vendor's: every second template's body text differs. */
function states(): { desired: StateFile; current: StateFile } {
  const current = Array.from({ length: TEMPLATES }, (_, index) => draft(index));
  const desired = current.map((template, index) => {
    const copy = structuredClone(template);
    if (index % 2 === 0) {
      const body = copy.components[1] as { text: string };
      body.text = `${body.text} Thank you.`;
    }
    return copy;
  });
  return { desired: { version: 1, templates: desired }, current: { version: 1, templates: current } };
}

/** What a naive planner would do: find each template by its identity and deep-compare it. */
function plainComparison(desired: StateFile, current: StateFile): number {
  const byKey = new Map(
    current.templates!.map((template) => [`${template.name}/${template.language}`, template]),
  );
  let changed = 0;
  for (const template of desired.templates!) {
    if (!isDeepStrictEqual(template, byKey.get(`${template.name}/${template.language}`))) changed++;
  }
  return changed;
}

function timed(work: () => unknown): Promise<number> {
  const started = performance.now();
  work();
  return Promise.resolve(performance.now() - started);
}

/**
 * Benchmark 13: `planChanges` over 10,000 templates against 10,000, half of them changed (without
 * offline validation, which benchmark 9 measures), against a plain deep-equal of the same data.
 */
export const planChangesBenchmark: Benchmark = {
  name: 'plan-changes',
  title: `13. planChanges of ${TEMPLATES.toLocaleString('en')} templates against ${TEMPLATES.toLocaleString('en')}, half changed, against a plain deep-equal × ${ROUNDS} rounds`,
  async run(log) {
    const { desired, current } = states();
    const plan = planChanges(desired, current, { validate: false });
    if (
      plan.update.length !== TEMPLATES / 2 ||
      plan.unchanged.length !== TEMPLATES / 2 ||
      isEmptyPlan(plan)
    ) {
      throw new Error(`the plan does not have the expected shape: ${plan.update.length} updates`);
    }
    if (plainComparison(desired, current) !== TEMPLATES / 2) throw new Error('the baseline miscounts');
    for (let run = 0; run < WARMUP_RUNS; run++) {
      planChanges(desired, current, { validate: false });
      plainComparison(desired, current);
    }
    const { figure, baseline } = await interleavedRounds({
      rounds: ROUNDS,
      blocksPerRound: BLOCKS_PER_ROUND,
      figure: () => timed(() => planChanges(desired, current, { validate: false })),
      baseline: () => timed(() => plainComparison(desired, current)),
      onRound: (round, planMs, equalMs) =>
        log(
          `  round ${round}: planChanges ${(planMs / BLOCKS_PER_ROUND).toFixed(1)} ms, deep-equal ${(equalMs / BLOCKS_PER_ROUND).toFixed(1)} ms`,
        ),
    });
    const validated = await timed(() => planChanges(desired, current));
    log(`  with offline validation of the ${TEMPLATES / 2} updates: ${validated.toFixed(0)} ms`);
    const perPlanMs = (roundMs: number) => roundMs / BLOCKS_PER_ROUND;
    return [
      ratioRow({
        benchmark: `13 planChanges, ${TEMPLATES.toLocaleString('en')} vs ${TEMPLATES.toLocaleString('en')} templates`,
        figure: summarize(figure.map(perPlanMs)),
        baseline: summarize(baseline.map(perPlanMs)),
        ratio: summarize(pairedRatios(figure, baseline)),
        unit: ' ms',
        digits: 1,
        target: { atMost: MAX_RATIO },
      }),
    ];
  },
};
