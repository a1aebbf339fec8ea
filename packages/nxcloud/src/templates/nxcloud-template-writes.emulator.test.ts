import {
  type BspError,
  ConflictError,
  createClient,
  NotFoundError,
  type ProviderV1,
  type TemplateDraft,
  type TemplateDraftButton,
  type TemplateDraftComponent,
  toTemplateDraft,
  validateTemplateDraft,
} from '@whatsapp-bsp/core';
import { type Emulator, startEmulator } from '@whatsapp-bsp/emulator';
import fc from 'fast-check';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callContext } from '../__fixtures__/nxcloud-test-support.js';
import { nxcloud } from '../nxcloud-provider.js';

/*
 * The template writes against the whatsapp-bsp emulator's NXCloud server, over loopback sockets:
 * it checks the signatures (body-less for the upload), the fields each page requires, and keeps
 * what was written, so a write can be read back through getTemplate. Nothing else is reachable.
 */

let emulator: Emulator<'nxcloud'>;
let provider: ProviderV1;

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);
  // No seeded templates, so no generated name can be taken; reviews decided at once.
  emulator = await startEmulator({
    vendors: ['nxcloud'],
    data: { templates: 0, flows: 0 },
    review: { delayMs: 0 },
  });
  provider = nxcloud(emulator.nxcloud.config);
});
afterAll(async () => {
  await emulator.close();
  nock.enableNetConnect();
});

/** The draft as NXCloud gives it back: create, then getTemplate by name and language. */
async function createAndReadBack(draft: TemplateDraft) {
  const created = await provider.templates.doCreate!({ draft }, callContext());
  const read = await provider.templates.doGet({ name: draft.name, language: draft.language }, callContext());
  return { created: created.value, template: read.value };
}

async function rejection(call: Promise<unknown>): Promise<BspError> {
  try {
    await call;
  } catch (error) {
    return error as BspError;
  }
  throw new Error('expected the call to fail');
}

const ORDER_UPDATE: TemplateDraft = {
  name: 'order_update',
  language: 'en_US',
  category: 'UTILITY',
  messageSendTtlSeconds: 3600,
  components: [
    { type: 'HEADER', format: 'TEXT', text: 'Order {{1}}', example: { headerText: ['#1042'] } },
    { type: 'BODY', text: 'Hi {{1}}, order {{2}} has shipped.', example: { bodyText: [['Ana', '#1042']] } },
    { type: 'FOOTER', text: 'Reply STOP to opt out' },
    {
      type: 'BUTTONS',
      buttons: [
        { type: 'QUICK_REPLY', text: 'Thanks' },
        {
          type: 'URL',
          text: 'Track',
          url: 'https://shop.example/t/{{1}}',
          example: ['https://shop.example/t/1042'],
        },
        { type: 'PHONE_NUMBER', text: 'Call us', phoneNumber: '+8613800000000' },
        {
          type: 'FLOW',
          text: 'Book',
          flowId: '3603023670018851',
          flowAction: 'navigate',
          navigateScreen: 'WELCOME',
        },
      ],
    },
  ],
};

describe('template writes against the emulator', () => {
  it('creates a template that reads back as the same draft', async () => {
    const { created, template } = await createAndReadBack(ORDER_UPDATE);
    expect(created).toMatchObject({
      name: 'order_update',
      language: 'en_US',
      category: 'UTILITY',
      status: 'PENDING',
    });
    expect(template.id).toBe(created.id);
    expect(toTemplateDraft(template)).toEqual(ORDER_UPDATE);
  });

  it("refuses a second template with the same name and language as a ConflictError (Meta's 100/2388024)", async () => {
    const draft = { ...ORDER_UPDATE, name: 'taken_name' };
    await provider.templates.doCreate!({ draft }, callContext());
    const error = await rejection(provider.templates.doCreate!({ draft }, callContext()));
    expect(ConflictError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ vendorCode: 400, outcome: 'failed' });
    expect(error.message).toContain('2388024');
    expect(JSON.stringify(error)).not.toContain(emulator.nxcloud.config.accessSecret);
    // Another language of the same name is another template.
    await provider.templates.doCreate!({ draft: { ...draft, language: 'zh_CN' } }, callContext());
  });

  it('creates through createTemplateAsync when asked to', async () => {
    const asyncProvider = nxcloud({ ...emulator.nxcloud.config, templateCreate: 'async' });
    const draft = { ...ORDER_UPDATE, name: 'created_async' };
    const created = await asyncProvider.templates.doCreate!({ draft }, callContext());
    expect(emulator.store.templates.get('created_async', 'en_US')?.id).toBe(created.value.id);
  });

  it('edits a template by its id, which reads back with the new components', async () => {
    const draft = { ...ORDER_UPDATE, name: 'edited_template' };
    const { created } = await createAndReadBack(draft);
    const components: TemplateDraftComponent[] = [
      { type: 'BODY', text: 'Hello {{1}}, your parcel is on its way.', example: { bodyText: [['Ana']] } },
    ];
    const updated = await provider.templates.doUpdate!(
      { id: created.id, name: draft.name, language: draft.language, category: 'MARKETING', components },
      callContext(),
    );
    expect(updated.value).toMatchObject({ id: created.id, category: 'MARKETING' });
    const read = await provider.templates.doGet(
      { name: draft.name, language: draft.language },
      callContext(),
    );
    expect(toTemplateDraft(read.value)).toMatchObject({ category: 'MARKETING', components });
  });

  it('deletes every language of a name', async () => {
    for (const language of ['en_US', 'pt_BR']) {
      await provider.templates.doCreate!(
        { draft: { ...ORDER_UPDATE, name: 'to_delete', language } },
        callContext(),
      );
    }
    await provider.templates.doDelete!({ scope: 'name', name: 'to_delete' }, callContext());
    expect(emulator.store.templates.named('to_delete').count).toBe(0);
    const error = await rejection(
      provider.templates.doGet({ name: 'to_delete', language: 'pt_BR' }, callContext()),
    );
    expect(NotFoundError.isInstance(error)).toBe(true);
  });

  it('through the client, deleting a name NXCloud does not have is a NotFoundError, as on CAMS', async () => {
    const client = createClient({ provider, rateLimit: false });
    const refused = await rejection(
      provider.templates.doDelete!({ scope: 'name', name: 'never_made' }, callContext()),
    );
    // NXCloud's own answer says nothing of why: the client confirms it by listing the name.
    expect(NotFoundError.isInstance(refused)).toBe(false);

    const error = await rejection(client.templates.delete({ name: 'never_made' }));

    expect(NotFoundError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ provider: 'nxcloud', field: 'name', outcome: 'failed' });
    expect(error.cause).toMatchObject({ code: refused.code, vendorCode: refused.vendorCode });
  });

  it.each(['md5', 'sha256'] as const)(
    'uploads a sample (signed with %s, without the body) whose handle a draft then uses',
    async (signAlgorithm) => {
      const uploader = nxcloud({ ...emulator.nxcloud.config, signAlgorithm });
      // Every byte value: the file goes as it is, not as text.
      const data = Uint8Array.from({ length: 256 }, (_, index) => index);
      const media = await uploader.templates.doUploadMedia!(
        { data, mimeType: 'image/png', fileName: 'banner.png' },
        callContext(),
      );
      expect(media.value).toEqual({ handle: expect.stringMatching(/^4:\S+$/) });
      const handle = (media.value as { handle: string }).handle;

      const draft: TemplateDraft = {
        name: `banner_${signAlgorithm}`,
        language: 'en_US',
        category: 'MARKETING',
        components: [
          { type: 'HEADER', format: 'IMAGE', example: { headerHandle: [handle] } },
          { type: 'BODY', text: 'Our new collection is here.' },
        ],
      };
      const { template } = await createAndReadBack(draft);
      expect(template.components[0]).toEqual({
        type: 'HEADER',
        format: 'IMAGE',
        example: { headerHandle: [handle] },
      });
    },
  );
});

/*
 * Drafts valid by WhatsApp's rules and NXCloud's, built from what the emulator's NXCloud server
 * keeps (it holds no named parameters, carousels, OTP app lists, catalog buttons or flows by
 * name), and with media samples given as links (`toTemplateDraft` leaves upload handles out).
 */
const word = fc.stringMatching(/^[A-Za-z]{1,8}$/);
const words = (min: number, max: number) =>
  fc.array(word, { minLength: min, maxLength: max }).map((list) => list.join(' '));
const sample = fc.stringMatching(/^[A-Za-z0-9#]{1,12}$/);
const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });

/** Text with `count` positional variables, each between words. */
const textWith = (count: number) =>
  fc
    .array(words(2, 5), { minLength: count + 1, maxLength: count + 1 })
    .map((gaps) =>
      gaps.reduce((text, gap, index) => (index === 0 ? gap : `${text} {{${index}}} ${gap}`), ''),
    );

const bodyWithSamples: fc.Arbitrary<TemplateDraftComponent> = fc
  .integer({ min: 0, max: 3 })
  .chain((count) =>
    fc.record({ text: textWith(count), samples: fc.array(sample, { minLength: count, maxLength: count }) }),
  )
  .map(({ text, samples }) =>
    samples.length === 0 ? { type: 'BODY', text } : { type: 'BODY', text, example: { bodyText: [samples] } },
  );

const header: fc.Arbitrary<TemplateDraftComponent> = fc.oneof(
  words(1, 3).map((text) => ({ type: 'HEADER' as const, format: 'TEXT' as const, text })),
  fc.tuple(words(1, 2), word, sample).map(([before, after, headerSample]) => ({
    type: 'HEADER' as const,
    format: 'TEXT' as const,
    text: `${before} {{1}} ${after}`,
    example: { headerText: [headerSample] },
  })),
  fc.tuple(fc.constantFrom('IMAGE', 'VIDEO', 'DOCUMENT' as const), word).map(([format, file]) => ({
    type: 'HEADER' as const,
    format,
    example: { headerUrl: `https://cdn.example/${file}.bin` },
  })),
  fc.constant({ type: 'HEADER' as const, format: 'LOCATION' as const }),
);

const callToAction: fc.Arbitrary<TemplateDraftButton[]> = fc
  .record({
    staticUrl: optional(
      word.map(
        (path): TemplateDraftButton => ({ type: 'URL', text: 'Visit', url: `https://shop.example/${path}` }),
      ),
    ),
    dynamicUrl: optional(
      sample.map(
        (suffix): TemplateDraftButton => ({
          type: 'URL',
          text: 'Track',
          url: 'https://shop.example/t/{{1}}',
          example: [`https://shop.example/t/${suffix}`],
        }),
      ),
    ),
    phone: optional(
      fc
        .stringMatching(/^\+[1-9][0-9]{7,12}$/)
        .map((phoneNumber): TemplateDraftButton => ({ type: 'PHONE_NUMBER', text: 'Call us', phoneNumber })),
    ),
    flow: optional(
      fc.oneof(
        fc.constant<TemplateDraftButton>({
          type: 'FLOW',
          text: 'Book',
          flowId: '3603023670018851',
          flowAction: 'navigate',
          navigateScreen: 'WELCOME',
        }),
        fc.constant<TemplateDraftButton>({
          type: 'FLOW',
          text: 'Sign up',
          flowId: '1743798696088965',
          flowAction: 'data_exchange',
        }),
      ),
    ),
  })
  .map((buttons) =>
    Object.values(buttons).filter((button): button is TemplateDraftButton => button !== undefined),
  );

const buttons = (coupon: boolean): fc.Arbitrary<TemplateDraftComponent | undefined> =>
  fc
    .record({
      quickReplies: fc.array(word, { maxLength: 3 }),
      callToAction,
      coupon: coupon
        ? optional(sample.map((code): TemplateDraftButton => ({ type: 'COPY_CODE', example: code })))
        : fc.constant(undefined),
    })
    .map(({ quickReplies, callToAction: actions, coupon: couponButton }) => {
      const list: TemplateDraftButton[] = [
        ...quickReplies.map((text): TemplateDraftButton => ({ type: 'QUICK_REPLY', text })),
        ...actions,
        ...(couponButton ? [couponButton] : []),
      ];
      return list.length === 0 ? undefined : { type: 'BUTTONS', buttons: list };
    });

const present = (parts: readonly (TemplateDraftComponent | undefined)[]) =>
  parts.filter((part): part is TemplateDraftComponent => part !== undefined);

const nameAndLanguage = fc.record({
  name: fc.stringMatching(/^[a-z0-9_]{1,24}$/),
  language: fc.constantFrom('en_US', 'zh_CN', 'pt_BR', 'es', 'fil', 'id'),
});

const marketingOrUtility: fc.Arbitrary<Omit<TemplateDraft, 'name' | 'language'>> = fc
  .constantFrom('MARKETING', 'UTILITY' as const)
  .chain((category) =>
    fc.record({
      category: fc.constant(category),
      offer:
        category === 'MARKETING'
          ? fc.option(fc.record({ text: word, hasExpiration: fc.boolean() }))
          : fc.constant(null),
      header: optional(header),
      body: bodyWithSamples,
      footer: optional(words(1, 4)),
      buttons: buttons(category === 'MARKETING'),
      ttl: optional(
        category === 'MARKETING'
          ? fc.integer({ min: 43_200, max: 2_592_000 })
          : fc.integer({ min: 30, max: 43_200 }),
      ),
    }),
  )
  .map(({ category, offer, header: headerPart, body, footer, buttons: buttonsPart, ttl }) => ({
    category,
    ...(ttl === undefined ? {} : { messageSendTtlSeconds: ttl }),
    components: present([
      offer
        ? { type: 'LIMITED_TIME_OFFER', text: offer.text, hasExpiration: offer.hasExpiration }
        : undefined,
      headerPart,
      body,
      // A limited-time offer takes no footer.
      footer === undefined || offer ? undefined : { type: 'FOOTER', text: footer },
      buttonsPart,
    ]),
  }));

const authentication: fc.Arbitrary<Omit<TemplateDraft, 'name' | 'language'>> = fc
  .record({
    security: optional(fc.boolean()),
    minutes: optional(fc.integer({ min: 1, max: 90 })),
    oneTap: fc.boolean(),
    ttl: optional(fc.integer({ min: 30, max: 900 })),
  })
  .map(({ security, minutes, oneTap, ttl }) => ({
    category: 'AUTHENTICATION' as const,
    ...(ttl === undefined ? {} : { messageSendTtlSeconds: ttl }),
    components: present([
      security === undefined ? { type: 'BODY' } : { type: 'BODY', addSecurityRecommendation: security },
      minutes === undefined ? undefined : { type: 'FOOTER', codeExpirationMinutes: minutes },
      {
        type: 'BUTTONS',
        buttons: [
          oneTap
            ? {
                type: 'OTP',
                otpType: 'ONE_TAP',
                text: 'Copy code',
                autofillText: 'Autofill',
                packageName: 'com.example.app',
                signatureHash: 'K8a/AINcGX7',
              }
            : { type: 'OTP', otpType: 'COPY_CODE', text: 'Copy code' },
        ],
      },
    ]),
  }));

const validDraft: fc.Arbitrary<TemplateDraft> = fc
  .tuple(
    nameAndLanguage,
    fc.oneof({ weight: 3, arbitrary: marketingOrUtility }, { weight: 1, arbitrary: authentication }),
  )
  .map(([identity, content]) => ({ ...identity, ...content }));

describe('any valid draft NXCloud can express', () => {
  it('is created, reads back as the same draft, and is deleted (30 runs)', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(validDraft, async (generated) => {
        // A run number keeps names apart, whatever fast-check shrinks them to.
        const draft = { ...generated, name: `${generated.name}_${run++}` };
        const errors = validateTemplateDraft(draft, { provider }).filter(
          (issue) => issue.severity === 'error',
        );
        expect(errors).toEqual([]);

        const { created, template } = await createAndReadBack(draft);
        expect(created).toMatchObject({
          name: draft.name,
          language: draft.language,
          category: draft.category,
        });
        expect(toTemplateDraft(template)).toEqual(draft);

        await provider.templates.doDelete!({ scope: 'name', name: draft.name }, callContext());
        expect(emulator.store.templates.named(draft.name).count).toBe(0);
      }),
      { numRuns: 30 },
    );
  });
});
