import {
  applyPlan,
  createClient,
  exportState,
  isEmptyPlan,
  planChanges,
  type StateFile,
  type TemplateDraft,
  type WhatsAppClient,
} from '@whatsapp-bsp/core';
import { startEmulator } from '@whatsapp-bsp/emulator';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

// For any desired state and any state the vendor is in, applying the plan between them leaves the
// vendor in a state whose plan against the desired one is empty: against the emulator of each
// vendor, every run on a fresh account. Templates are built to Meta's template components page,
// flows to Meta's Flow JSON reference; names come from small sets so that states overlap.

const TEMPLATE_NAMES = ['alpha', 'beta', 'gamma'] as const;
const LANGUAGES = ['en_US', 'pt_BR'] as const;
const FLOW_NAMES = ['f_one', 'f_two', 'f_three'] as const;

const templateArbitrary = fc
  .record({
    name: fc.constantFrom(...TEMPLATE_NAMES),
    language: fc.constantFrom(...LANGUAGES),
    category: fc.constantFrom('UTILITY' as const, 'MARKETING' as const),
    greeting: fc.constantFrom('Hello', 'Hi', 'Welcome back'),
    variable: fc.boolean(),
    footer: fc.option(fc.constantFrom('Reply STOP to opt out', 'Thank you'), { nil: undefined }),
    replies: fc.subarray(['Yes', 'No', 'Later'], { maxLength: 2 }),
  })
  .map(
    ({ name, language, category, greeting, variable, footer, replies }): TemplateDraft => ({
      name,
      language,
      category,
      components: [
        variable
          ? {
              type: 'BODY',
              text: `${greeting} {{1}}, your order is ready.`,
              example: { bodyText: [['Ana']] },
            }
          : { type: 'BODY', text: `${greeting}, your order is ready.` },
        ...(footer === undefined ? [] : [{ type: 'FOOTER' as const, text: footer }]),
        ...(replies.length === 0
          ? []
          : [
              {
                type: 'BUTTONS' as const,
                buttons: replies.map((text) => ({ type: 'QUICK_REPLY' as const, text })),
              },
            ]),
      ],
    }),
  );

/** A Flow JSON with one terminal screen, valid by Meta's rules, titled as asked. */
function flowJson(title: string): Record<string, unknown> {
  return {
    version: '7.1',
    screens: [
      {
        id: 'WELCOME',
        title,
        terminal: true,
        layout: {
          type: 'SingleColumnLayout',
          children: [
            { type: 'TextHeading', text: title },
            { type: 'Footer', label: 'Done', 'on-click-action': { name: 'complete', payload: {} } },
          ],
        },
      },
    ],
  };
}

const flowArbitrary = fc
  .record({
    name: fc.constantFrom(...FLOW_NAMES),
    categories: fc.subarray(['SIGN_UP', 'SURVEY', 'OTHER'] as const, { minLength: 1, maxLength: 2 }),
    status: fc.constantFrom('DRAFT' as const, 'PUBLISHED' as const),
    title: fc.constantFrom('Welcome', 'Tell us more'),
  })
  .map(({ name, categories, status, title }) => ({
    name,
    categories: [...categories],
    status,
    flowJson: flowJson(title),
  }));

const stateArbitrary = fc
  .record({
    templates: fc.uniqueArray(templateArbitrary, {
      selector: (t) => `${t.name}/${t.language}`,
      maxLength: 4,
    }),
    flows: fc.uniqueArray(flowArbitrary, { selector: (flow) => flow.name, maxLength: 3 }),
  })
  .map((state): StateFile => ({ version: 1, ...state }));

/** Plans `state` against what the vendor has, with deletes, and applies the plan. */
async function bringTo(client: WhatsAppClient, state: StateFile) {
  const plan = planChanges(state, await exportState(client), { prune: true, provider: client.provider });
  return applyPlan(client, plan);
}

describe('apply(plan(desired, current))', () => {
  it.each(['nxcloud', 'cams'] as const)(
    'leaves %s in a state that plans nothing more',
    async (vendor) => {
      await fc.assert(
        fc.asyncProperty(stateArbitrary, stateArbitrary, async (current, desired) => {
          // Templates stay under review while the run lasts, as a freshly made one is at Meta.
          const emulator = await startEmulator({
            vendors: [vendor],
            data: { flows: 0, templates: 0 },
            review: { delayMs: 600_000 },
          });
          try {
            const client = await createClient(
              vendor === 'nxcloud'
                ? { provider: 'nxcloud', nxcloud: { ...emulator.nxcloud!.config } }
                : { provider: 'cams', cams: { ...emulator.cams!.config } },
            );
            await bringTo(client, current);
            const report = await bringTo(client, desired);
            expect(report.items.filter((item) => item.status === 'failed')).toEqual([]);
            const after = planChanges(desired, await exportState(client), {
              prune: true,
              provider: client.provider,
            });
            expect(
              isEmptyPlan(after),
              JSON.stringify([...after.create, ...after.update, ...after.delete]),
            ).toBe(true);
          } finally {
            await emulator.close();
          }
        }),
        { numRuns: 15 },
      );
    },
    120_000,
  );
});
