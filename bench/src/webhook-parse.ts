import { cams } from '@whatsapp-bsp/cams';
import { createWebhookReceiver } from '@whatsapp-bsp/core';
// Until the adapter's index exports its webhooks, they are reached in its build output.
import type { Benchmark } from './benchmark.js';
import { interleavedRounds } from './interleaved-rounds.js';
import { ratioRow } from './report.js';
import { pairedRatios, summarize } from './statistics.js';

const REPORTS = 1_000;
const PARSES_PER_BLOCK = 50;
const BLOCKS = 4;
const ROUNDS = 9;

/**
 * Benchmark 7: how fast the receiver turns a CAMS ChatAppAudit callback of 1,000 review reports
 * into events (authentication off, as by default), against `JSON.parse` of the same body: the
 * least any reader of that body must do. Both start from the body's text.
 */
export const webhookParse: Benchmark = {
  name: 'webhook-parse',
  title: `7. receiver.parse of a ${REPORTS}-report CAMS callback against JSON.parse of it × ${ROUNDS} rounds`,
  async run(log) {
    const receiver = createWebhookReceiver({
      provider: cams({
        accessKeyId: 'LTAI5tBenchKey0001',
        accessKeySecret: 'BenchSecret0123456789',
        custSpaceId: 'bench',
      }),
    });
    const body = callbackBody(REPORTS);
    const request = { headers: { 'content-type': 'application/json' }, body };
    const events = await receiver.parse(request);
    if (events.length !== REPORTS || events.some((event) => event.type !== 'template.status')) {
      throw new Error(`expected ${REPORTS} template.status events, got ${events.length}`);
    }

    const parseMs = async () => {
      const started = performance.now();
      for (let i = 0; i < PARSES_PER_BLOCK; i++) await receiver.parse(request);
      return performance.now() - started;
    };
    const jsonMs = async () => {
      const started = performance.now();
      for (let i = 0; i < PARSES_PER_BLOCK; i++) JSON.parse(body);
      return performance.now() - started;
    };
    // Warm both paths up (the schemas are built on first use, the JIT needs a few runs).
    await parseMs();
    await jsonMs();

    const perSecond = (totalMs: number) => (REPORTS * PARSES_PER_BLOCK * BLOCKS * 1000) / totalMs;
    const totals = await interleavedRounds({
      rounds: ROUNDS,
      blocksPerRound: BLOCKS,
      figure: parseMs,
      baseline: jsonMs,
      onRound: (round, receiverMs, jsonParseMs) =>
        log(
          `  round ${round}: receiver ${perSecond(receiverMs).toFixed(0)} events/s, JSON.parse ${perSecond(jsonParseMs).toFixed(0)} reports/s`,
        ),
    });
    const figure = totals.figure.map(perSecond);
    const baseline = totals.baseline.map(perSecond);
    return [
      ratioRow({
        benchmark: `7 webhook parse, CAMS ${REPORTS} reports (${(body.length / 1024).toFixed(0)} KiB)`,
        figure: summarize(figure),
        baseline: summarize(baseline),
        ratio: summarize(pairedRatios(figure, baseline)),
        unit: '/s',
        digits: 0,
        target: { atLeast: 0.3 },
      }),
    ];
  },
};

/** A ChatAppAudit callback body (reference cams-api.md §9) of `count` review reports. */
function callbackBody(count: number): string {
  const statuses = ['pass', 'fail', 'auditing'];
  return JSON.stringify(
    Array.from({ length: count }, (_, index) => ({
      WabaId: '9099999990123',
      TemplateCode: `744c4b5c79c9432497a075bdfca3${String(index).padStart(4, '0')}`,
      Language: index % 2 === 0 ? 'en_US' : 'zh_CN',
      AuditStatus: statuses[index % statuses.length],
      Reason: index % statuses.length === 1 ? 'The template contains promotional content' : '',
    })),
  );
}
