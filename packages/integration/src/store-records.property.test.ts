import {
  FLOW_CATEGORIES,
  FLOW_STATUSES,
  FlowSchema,
  TEMPLATE_STATUSES,
  type Template,
  TemplateSchema,
  type WhatsAppClient,
} from '@whatsapp-bsp/core';
import { toTemplateCategory } from '@whatsapp-bsp/core/adapter';
import {
  type Emulator,
  type FlowInput,
  startEmulator,
  type TemplateButton,
  type TemplateComponent,
  type TemplateInput,
  type Vendor,
} from '@whatsapp-bsp/emulator';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, VENDORS } from './emulator-clients.js';

/*
 * Any record the emulator's store admits is served in each vendor's documented wire format, and
 * through each adapter it must become a valid normalized entity: the same name, language, status
 * and category words on both vendors (`UNKNOWN` where a word is not the model's), and the same
 * components. The emulator renders the wire independently of the adapters, so this checks the
 * two implementations of each vendor format against each other, end to end over sockets.
 */

let emulator: Emulator;
const clients = {} as Record<Vendor, WhatsAppClient>;

beforeAll(async () => {
  emulator = await startEmulator({ data: { flows: 0, templates: 0 } });
  for (const vendor of VENDORS) clients[vendor] = await clientFor(emulator, vendor, { rateLimit: false });
});
afterAll(() => emulator.close());

/** Words a vendor may send: the model's, legacy ones, and ones nobody documents. */
const word = (known: readonly string[]) =>
  fc.oneof(fc.constantFrom(...known), fc.stringMatching(/^[A-Z_]{1,12}$/));
const text = fc
  .string({ minLength: 1, maxLength: 200, unit: 'grapheme' })
  .filter((value) => value.trim() !== '');
const url = fc.webUrl();

const button: fc.Arbitrary<TemplateButton> = fc.oneof(
  fc.record({ type: fc.constant('QUICK_REPLY' as const), text }),
  fc.record({ type: fc.constant('URL' as const), text, url }),
  fc.record({
    type: fc.constant('PHONE_NUMBER' as const),
    text,
    phoneNumber: fc.stringMatching(/^\+?\d{7,15}$/),
  }),
  fc.record({
    type: fc.constant('FLOW' as const),
    text,
    flowId: fc.stringMatching(/^\d{6,18}$/),
    flowAction: fc.constantFrom('navigate' as const, 'data_exchange' as const),
  }),
);

const header: fc.Arbitrary<TemplateComponent> = fc.oneof(
  fc.record({ type: fc.constant('HEADER' as const), format: fc.constant('TEXT'), text }),
  fc.record({
    type: fc.constant('HEADER' as const),
    format: fc.constantFrom('IMAGE', 'VIDEO', 'DOCUMENT'),
    mediaUrl: url,
  }),
);

// A body's samples fill its variables `{{1}}`…`{{n}}`, one each, as both vendors require.
const body = fc.tuple(text, fc.array(text, { maxLength: 3 })).map(
  ([words, samples]): TemplateComponent => ({
    type: 'BODY',
    text: `${words}${samples.map((_, index) => ` {{${index + 1}}}`).join('')}`,
    ...(samples.length > 0 ? { example: samples } : {}),
  }),
);

const footer = fc.record({ type: fc.constant('FOOTER' as const), text });
const buttons = fc.record({
  type: fc.constant('BUTTONS' as const),
  buttons: fc.array(button, { minLength: 1, maxLength: 4 }),
});

/** At most one of each component, in WhatsApp's order, as every template has them. */
const components = fc
  .tuple(fc.option(header), fc.option(body), fc.option(footer), fc.option(buttons))
  .map((parts) => parts.filter((part): part is TemplateComponent => part !== null));

const LANGUAGES = ['en', 'en_US', 'pt_BR', 'zh_CN', 'fil', 'es_LA', 'ar'];

const template: fc.Arbitrary<TemplateInput> = fc.record({
  name: fc.stringMatching(/^[a-z][a-z0-9_]{0,20}$/),
  language: fc.constantFrom(...LANGUAGES),
  category: word(['MARKETING', 'UTILITY', 'AUTHENTICATION', 'OTP', 'TRANSACTIONAL', 'ACCOUNT_UPDATE']),
  status: word(TEMPLATE_STATUSES),
  components,
});

const flow: fc.Arbitrary<FlowInput> = fc.record(
  {
    name: text,
    status: word(FLOW_STATUSES),
    categories: fc.array(word(FLOW_CATEGORIES), { maxLength: 4 }),
    jsonVersion: fc.constantFrom('2.1', '3.0', '6.1'),
    endpointUri: url,
    preview: fc.record({
      url,
      expiresAt: fc.integer({ min: 0, max: 4_102_444_800_000 }).map((ms) => ms - (ms % 1000)),
    }),
  },
  { requiredKeys: ['name', 'status', 'categories'] },
);

const known = (values: readonly string[], value: string) => (values.includes(value) ? value : 'UNKNOWN');

/** What both vendors must agree on; header samples and media links differ by format (see read-operations). */
function comparable({ raw: _raw, id: _id, provider: _provider, updatedAt: _updatedAt, ...rest }: Template) {
  return {
    ...rest,
    components: rest.components.map((part) =>
      part.type === 'HEADER' ? { type: part.type, format: part.format, text: part.text } : part,
    ),
  };
}

describe('records the store admits, through both adapters', () => {
  it('templates become valid normalized templates, the same on both vendors', async () => {
    await fc.assert(
      fc.asyncProperty(template, async (input) => {
        emulator.store.templates.clear();
        const stored = emulator.store.templates.add(input);
        const [fromNxcloud, fromCams] = await Promise.all(
          VENDORS.map((vendor) =>
            clients[vendor].templates.get({ name: stored.name, language: stored.language }),
          ),
        );
        for (const result of [fromNxcloud!, fromCams!]) {
          expect(TemplateSchema.safeParse(result).success).toBe(true);
          expect(result).toMatchObject({
            name: stored.name,
            language: stored.language,
            status: known(TEMPLATE_STATUSES, stored.status),
            category: toTemplateCategory(stored.category),
          });
          expect(result.components.map((part) => part.type)).toEqual(
            stored.components.map((part) => part.type),
          );
        }
        expect(comparable(fromCams!)).toEqual(comparable(fromNxcloud!));
      }),
      { numRuns: 60 },
    );
  });

  it('flows become valid normalized flows, the same on both vendors', async () => {
    await fc.assert(
      fc.asyncProperty(flow, async (input) => {
        emulator.store.flows.clear();
        const stored = emulator.store.flows.add(input);
        for (const vendor of VENDORS) {
          const result = await clients[vendor].flows.get(stored.id);
          expect(FlowSchema.safeParse(result).success).toBe(true);
          expect(result).toMatchObject({
            id: stored.id,
            name: stored.name,
            status: known(FLOW_STATUSES, stored.status),
            categories: stored.categories.map((category) => known(FLOW_CATEGORIES, category)),
          });
          // Without a stored link, the emulator makes one on request, as the vendors do.
          if (stored.preview) {
            expect(result.preview).toEqual({
              url: stored.preview.url,
              expiresAt: new Date(stored.preview.expiresAt),
            });
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
