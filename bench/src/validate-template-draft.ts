import { camsCapabilities } from '@whatsapp-bsp/cams';
import { type TemplateDraft, TemplateDraftSchema, validateTemplateDraft } from '@whatsapp-bsp/core';
import type { Benchmark } from './benchmark.js';
import { interleavedRounds } from './interleaved-rounds.js';
import { ratioRow } from './report.js';
import { pairedRatios, summarize } from './statistics.js';

/** The CAMS provider's template rules, from its capabilities. */
const CAMS = { id: 'cams', capabilities: camsCapabilities };

const ROUNDS = 9;
const BLOCKS_PER_ROUND = 4;
const PASSES_PER_BLOCK = 200;
const WARMUP_PASSES = 500;
/**
 * Validation parses the draft with the same schema and then walks it once per rule group, each
 * walk a few string scans per text: the issue's budget is three parses' worth.
 */
const MAX_RATIO = 3;

/** Drafts of every kind the rules look at, each without errors, so every rule runs to the end. */
function drafts(): TemplateDraft[] {
  const card = (n: number) => ({
    components: [
      {
        type: 'HEADER' as const,
        format: 'IMAGE' as const,
        example: { headerUrl: `https://shop.example/${n}.png` },
      },
      {
        type: 'BODY' as const,
        text: `Pick number ${n} of our spring range, made to last.`,
      },
      { type: 'BUTTONS' as const, buttons: [{ type: 'QUICK_REPLY' as const, text: 'More like this' }] },
    ],
  });
  return [
    {
      name: 'order_update',
      language: 'en_US',
      category: 'UTILITY',
      messageSendTtlSeconds: 3600,
      components: [
        { type: 'HEADER', format: 'TEXT', text: 'Order for {{1}}', example: { headerText: ['Ana'] } },
        {
          type: 'BODY',
          text: 'Hi {{1}}, your order {{2}} has shipped and arrives on {{3}}. Track it below or call us.',
          example: { bodyText: [['Ana', '#1042', 'Friday']] },
        },
        { type: 'FOOTER', text: 'Reply STOP to opt out' },
        {
          type: 'BUTTONS',
          buttons: [
            {
              type: 'URL',
              text: 'Track',
              // The sample of {{1}} everywhere: CAMS keeps one per variable for the template.
              url: 'https://shop.example/t/{{1}}',
              example: ['https://shop.example/t/Ana'],
            },
            { type: 'PHONE_NUMBER', text: 'Call us', phoneNumber: '+6512345678' },
          ],
        },
      ],
    },
    {
      name: 'order_named',
      language: 'pt_BR',
      category: 'UTILITY',
      parameterFormat: 'NAMED',
      components: [
        {
          type: 'HEADER',
          format: 'TEXT',
          text: 'Pedido de {{first_name}}',
          example: { headerTextNamedParams: [{ paramName: 'first_name', example: 'Maria' }] },
        },
        {
          type: 'BODY',
          text: 'Olá {{first_name}}, o pedido {{order_id}} foi enviado hoje.',
          example: {
            bodyTextNamedParams: [
              { paramName: 'first_name', example: 'Maria' },
              { paramName: 'order_id', example: '#1042' },
            ],
          },
        },
      ],
    },
    {
      name: 'spring_picks',
      language: 'en',
      category: 'MARKETING',
      components: [
        {
          type: 'BODY',
          text: 'Our spring picks for you, {{1}}: swipe to see them all.',
          example: { bodyText: [['Ana']] },
        },
        { type: 'CAROUSEL', cards: Array.from({ length: 10 }, (_, n) => card(n + 1)) },
      ],
    },
    {
      name: 'login_code',
      language: 'en',
      category: 'AUTHENTICATION',
      components: [
        { type: 'BODY', addSecurityRecommendation: true },
        { type: 'FOOTER', codeExpirationMinutes: 5 },
        {
          type: 'BUTTONS',
          buttons: [
            {
              type: 'OTP',
              otpType: 'ZERO_TAP',
              text: 'Autofill',
              autofillText: 'Autofill',
              supportedApps: [
                { packageName: 'com.example.shop', signatureHash: 'AAAAAAAAAAA' },
                { packageName: 'com.example.shop.debug', signatureHash: 'BBBBBBBBBBB' },
              ],
            },
          ],
        },
      ],
    },
  ];
}

/** Milliseconds for `PASSES_PER_BLOCK` passes of `work` over every draft. */
function blockMs(all: readonly TemplateDraft[], work: (draft: TemplateDraft) => unknown): Promise<number> {
  const started = performance.now();
  for (let pass = 0; pass < PASSES_PER_BLOCK; pass++) for (const draft of all) work(draft);
  return Promise.resolve(performance.now() - started);
}

/**
 * Benchmark 8: `validateTemplateDraft(draft, { provider: CAMS })` per draft, over drafts of
 * every kind, against `TemplateDraftSchema.parse` of the same drafts.
 */
export const validateTemplateDraftBenchmark: Benchmark = {
  name: 'validate-template-draft',
  title: `9. validateTemplateDraft against a zod parse of the same drafts × ${ROUNDS} rounds`,
  async run(log) {
    const all = drafts();
    for (const draft of all) {
      const errors = validateTemplateDraft(draft, { provider: CAMS }).filter((i) => i.severity === 'error');
      if (errors.length > 0) throw new Error(`a benchmark draft is not valid: ${JSON.stringify(errors[0])}`);
    }
    const validate = (draft: TemplateDraft) => validateTemplateDraft(draft, { provider: CAMS });
    const parse = (draft: TemplateDraft) => TemplateDraftSchema.parse(draft);
    for (let pass = 0; pass < WARMUP_PASSES; pass++) {
      for (const draft of all) {
        validate(draft);
        parse(draft);
      }
    }

    const calls = BLOCKS_PER_ROUND * PASSES_PER_BLOCK * all.length;
    const perDraftUs = (roundMs: number) => (roundMs * 1000) / calls;
    const { figure, baseline } = await interleavedRounds({
      rounds: ROUNDS,
      blocksPerRound: BLOCKS_PER_ROUND,
      figure: () => blockMs(all, validate),
      baseline: () => blockMs(all, parse),
      onRound: (round, validateMs, parseMs) =>
        log(
          `  round ${round}: validateTemplateDraft ${perDraftUs(validateMs).toFixed(2)} µs/draft, zod parse ${perDraftUs(parseMs).toFixed(2)} µs/draft`,
        ),
    });
    return [
      ratioRow({
        benchmark: '9 validateTemplateDraft, time per draft',
        figure: summarize(figure.map(perDraftUs)),
        baseline: summarize(baseline.map(perDraftUs)),
        ratio: summarize(pairedRatios(figure, baseline)),
        unit: ' µs',
        digits: 2,
        target: { atMost: MAX_RATIO },
      }),
    ];
  },
};
