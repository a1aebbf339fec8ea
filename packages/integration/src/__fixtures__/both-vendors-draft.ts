import type { TemplateDraft, TemplateDraftButton, TemplateDraftComponent } from '@whatsapp-bsp/core';
import fc from 'fast-check';

/*
 * Template drafts valid by WhatsApp's rules and by both vendors', that both vendors' wires carry
 * and both emulator servers keep: the intersection of the adapters' own property-test drafts
 * (NXCloud's template writes against the emulator, CAMS's template writes). Left out, and why:
 *
 * - upload handles as media samples: CAMS takes a sample by URL only, so samples are links;
 * - two samples for one variable number: CAMS keeps one `Example` map per template, so a header's
 *   and a URL button's {{1}} take the body's {{1}} sample;
 * - a URL button's variable the body does not have: its sample does not come back from the
 *   emulator's CAMS server;
 * - named parameters, carousels, OTP app lists, catalog buttons, flows named by name or JSON: the
 *   emulator's NXCloud server keeps none of them; CAMS names a flow by its id only.
 */

/** Texts both emulators' content rules accept: no braces, no variable at an edge. */
const word = fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,7}$/);
const words = (min: number, max: number) =>
  fc.array(word, { minLength: min, maxLength: max }).map((list) => list.join(' '));
const sample = fc.stringMatching(/^[A-Za-z0-9#]{1,10}$/);
const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });

/** Text with `count` positional variables, each between words. */
const textWith = (count: number) =>
  fc
    .array(words(1, 4), { minLength: count + 1, maxLength: count + 1 })
    .map((gaps) =>
      gaps.reduce((text, gap, index) => (index === 0 ? gap : `${text} {{${index}}} ${gap}`), ''),
    );

/** The body with `count` variables, taking the first samples of the template's one set. */
const body = (samples: readonly string[], count: number): fc.Arbitrary<TemplateDraftComponent> =>
  textWith(count).map((text) =>
    count === 0
      ? { type: 'BODY', text }
      : { type: 'BODY', text, example: { bodyText: [samples.slice(0, count)] } },
  );

const header = (firstSample: string): fc.Arbitrary<TemplateDraftComponent> =>
  fc.oneof(
    words(1, 3).map((text) => ({ type: 'HEADER' as const, format: 'TEXT' as const, text })),
    fc.tuple(words(1, 2), word).map(([before, after]) => ({
      type: 'HEADER' as const,
      format: 'TEXT' as const,
      text: `${before} {{1}} ${after}`,
      example: { headerText: [firstSample] },
    })),
    fc.tuple(fc.constantFrom('IMAGE', 'VIDEO', 'DOCUMENT' as const), word).map(([format, file]) => ({
      type: 'HEADER' as const,
      format,
      example: { headerUrl: `https://cdn.example/${file}.bin` },
    })),
    fc.constant({ type: 'HEADER' as const, format: 'LOCATION' as const }),
  );

/**
 * Call-to-action buttons; a URL with a variable only where the body has a `{{1}}` too: the
 * emulator's CAMS server keeps the `Example` map's samples for the header and the body alone, so
 * a sample that only a URL button uses would not come back from it.
 */
const callToAction = (firstSample: string, dynamicUrl: boolean): fc.Arbitrary<TemplateDraftButton[]> =>
  fc
    .record({
      staticUrl: optional(
        word.map(
          (path): TemplateDraftButton => ({
            type: 'URL',
            text: 'Visit',
            url: `https://shop.example/${path}`,
          }),
        ),
      ),
      dynamicUrl: dynamicUrl
        ? optional(
            fc.constant<TemplateDraftButton>({
              type: 'URL',
              text: 'Track',
              url: 'https://shop.example/t/{{1}}',
              example: [`https://shop.example/t/${firstSample}`],
            }),
          )
        : fc.constant(undefined),
      phone: optional(
        fc
          .stringMatching(/^\+[1-9][0-9]{7,12}$/)
          .map(
            (phoneNumber): TemplateDraftButton => ({ type: 'PHONE_NUMBER', text: 'Call us', phoneNumber }),
          ),
      ),
      flow: optional(
        fc.constantFrom<TemplateDraftButton>(
          {
            type: 'FLOW',
            text: 'Book',
            flowId: '3603023670018851',
            flowAction: 'navigate',
            navigateScreen: 'WELCOME',
          },
          { type: 'FLOW', text: 'Sign up', flowId: '1743798696088965', flowAction: 'data_exchange' },
        ),
      ),
    })
    .map((buttons) =>
      Object.values(buttons).filter((button): button is TemplateDraftButton => button !== undefined),
    );

const buttons = (
  firstSample: string,
  { coupon, dynamicUrl }: { coupon: boolean; dynamicUrl: boolean },
): fc.Arbitrary<TemplateDraftComponent | undefined> =>
  fc
    .record({
      quickReplies: fc.uniqueArray(word, { maxLength: 3 }),
      callToAction: callToAction(firstSample, dynamicUrl),
      coupon: coupon
        ? optional(sample.map((code): TemplateDraftButton => ({ type: 'COPY_CODE', example: code })))
        : fc.constant(undefined),
    })
    .map(({ quickReplies, callToAction: actions, coupon: couponButton }) => {
      // CAMS does not combine quick replies with URL or phone buttons.
      const kept =
        quickReplies.length === 0
          ? actions
          : actions.filter((button) => button.type !== 'URL' && button.type !== 'PHONE_NUMBER');
      const list: TemplateDraftButton[] = [
        ...quickReplies.map((text): TemplateDraftButton => ({ type: 'QUICK_REPLY', text })),
        ...kept,
        ...(couponButton ? [couponButton] : []),
      ];
      return list.length === 0 ? undefined : { type: 'BUTTONS', buttons: list };
    });

const present = (parts: readonly (TemplateDraftComponent | undefined)[]) =>
  parts.filter((part): part is TemplateDraftComponent => part !== undefined);

type Content = Omit<TemplateDraft, 'name' | 'language'>;

const marketingOrUtility: fc.Arbitrary<Content> = fc
  .record({
    category: fc.constantFrom('MARKETING', 'UTILITY' as const),
    // The template's one set of samples: {{1}} is the same wherever it appears.
    samples: fc.array(sample, { minLength: 3, maxLength: 3 }),
    bodyVariables: fc.integer({ min: 0, max: 3 }),
  })
  .chain(({ category, samples, bodyVariables }) =>
    fc.record({
      category: fc.constant(category),
      offer:
        category === 'MARKETING'
          ? fc.option(fc.record({ text: word, hasExpiration: fc.boolean() }))
          : fc.constant(null),
      header: optional(header(samples[0]!)),
      body: body(samples, bodyVariables),
      footer: optional(words(1, 4)),
      buttons: buttons(samples[0]!, { coupon: category === 'MARKETING', dynamicUrl: bodyVariables > 0 }),
      // WhatsApp's ranges: marketing 12 hours to 30 days, utility 30 seconds to 12 hours.
      ttl: optional(
        category === 'MARKETING'
          ? fc.integer({ min: 43_200, max: 2_592_000 })
          : fc.integer({ min: 30, max: 43_200 }),
      ),
    }),
  )
  .map(({ category, offer, header: headerPart, body: bodyPart, footer, buttons: buttonsPart, ttl }) => ({
    category,
    ...(ttl === undefined ? {} : { messageSendTtlSeconds: ttl }),
    components: present([
      offer
        ? { type: 'LIMITED_TIME_OFFER', text: offer.text, hasExpiration: offer.hasExpiration }
        : undefined,
      headerPart,
      bodyPart,
      // A limited-time offer takes no footer.
      footer === undefined || offer ? undefined : { type: 'FOOTER', text: footer },
      buttonsPart,
    ]),
  }));

const authentication: fc.Arbitrary<Content> = fc
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

/** A draft both vendors take and keep as it is; its name is a start, to be made unique by the test. */
export const bothVendorsDraft: fc.Arbitrary<TemplateDraft> = fc
  .tuple(
    fc.record({
      name: fc.stringMatching(/^[a-z][a-z0-9_]{0,19}$/),
      language: fc.constantFrom('en_US', 'pt_BR', 'id', 'zh_CN'),
    }),
    fc.oneof({ weight: 3, arbitrary: marketingOrUtility }, { weight: 1, arbitrary: authentication }),
  )
  .map(([identity, content]) => ({ ...identity, ...content }));
