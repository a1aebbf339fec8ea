import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type {
  TemplateDraft,
  TemplateDraftButton,
  TemplateDraftComponent,
} from '../../model/inputs/template-draft.js';
import { CAMS_SHAPED, NXCLOUD_SHAPED } from './__fixtures__/vendor-providers.js';
import { TEMPLATE_RULE_CODES } from './rule-codes.js';
import { TEMPLATE_LANGUAGES } from './template-languages.js';
import { validateTemplateDraft } from './validate-template-draft.js';

/*
 * Drafts valid by construction, of every shape the rules allow: every one passes. And any value
 * at all is answered with issues, never an exception.
 */

const word = fc.stringMatching(/^[A-Za-z]{1,8}$/);
const words = (max: number) => fc.array(word, { minLength: 1, maxLength: max }).map((list) => list.join(' '));
const name = fc.stringMatching(/^[a-z0-9_]{1,40}$/);
const sample = fc.stringMatching(/^[A-Za-z0-9#]{1,12}$/);
const paramName = fc.stringMatching(/^[a-z][a-z0-9_]{0,15}$/);

/** Text with `count` variables, each between words, so none is at an edge or next to another. */
function textWith(variables: readonly string[], wordsPerGap: number) {
  return fc
    .array(words(wordsPerGap), { minLength: variables.length + 1, maxLength: variables.length + 1 })
    .map((gaps) =>
      gaps.reduce(
        (text, gap, index) => (index === 0 ? gap : `${text} {{${variables[index - 1]}}} ${gap}`),
        '',
      ),
    );
}

/** A body and, when it has one, a text header, in one variable style with their samples. */
const texts = fc.boolean().chain((named) =>
  fc
    .record({
      bodyNames: named
        ? fc.uniqueArray(paramName, { maxLength: 4 })
        : fc.integer({ min: 0, max: 4 }).map((n) => Array.from({ length: n }, (_, i) => String(i + 1))),
      headerVariable: fc.boolean(),
      samples: fc.array(sample, { minLength: 5, maxLength: 5 }),
    })
    .chain(({ bodyNames, headerVariable, samples }) => {
      const headerNames = headerVariable ? [named ? 'header_name' : '1'] : [];
      return fc.record({
        named: fc.constant(named),
        body: textWith(bodyNames, 6).map(
          (text): TemplateDraftComponent => ({
            type: 'BODY',
            text,
            ...(bodyNames.length === 0
              ? {}
              : named
                ? {
                    example: {
                      bodyTextNamedParams: bodyNames.map((n, i) => ({
                        paramName: n,
                        example: samples[i] as string,
                      })),
                    },
                  }
                : { example: { bodyText: [bodyNames.map((_, i) => samples[i] as string)] } }),
          }),
        ),
        header: textWith(headerNames, 2).map(
          (text): TemplateDraftComponent => ({
            type: 'HEADER',
            format: 'TEXT',
            text,
            ...(headerNames.length === 0
              ? {}
              : named
                ? {
                    example: {
                      headerTextNamedParams: [{ paramName: 'header_name', example: samples[4] as string }],
                    },
                  }
                : { example: { headerText: [samples[4] as string] } }),
          }),
        ),
      });
    }),
);

const mediaHeader = fc.record({
  type: fc.constant('HEADER' as const),
  format: fc.constantFrom('IMAGE', 'VIDEO', 'DOCUMENT', 'GIF'),
  example: fc.oneof(
    fc.webUrl({ validSchemes: ['https'] }).map((url) => ({ headerUrl: url })),
    fc.stringMatching(/^4:[A-Za-z0-9=]{4,20}$/).map((handle) => ({ headerHandle: [handle] })),
  ),
});
const buttonText = fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,19}$/);
const callsToAction = fc.record({
  urls: fc.array(
    fc.record({ dynamic: fc.boolean(), path: fc.stringMatching(/^[a-z]{1,10}$/), text: buttonText }).map(
      ({ dynamic, path, text }): TemplateDraftButton =>
        dynamic
          ? {
              type: 'URL',
              text,
              url: `https://shop.example/${path}/{{1}}`,
              example: [`https://shop.example/${path}/42`],
            }
          : { type: 'URL', text, url: `https://shop.example/${path}` },
    ),
    { maxLength: 2 },
  ),
  phone: fc.option(
    fc.record({
      type: fc.constant('PHONE_NUMBER' as const),
      text: buttonText,
      phoneNumber: fc.stringMatching(/^\+\d{7,15}$/),
    }),
    { nil: undefined },
  ),
  copyCode: fc.option(
    fc.record({ type: fc.constant('COPY_CODE' as const), example: fc.stringMatching(/^[A-Z0-9]{4,12}$/) }),
    { nil: undefined },
  ),
  flow: fc.option(
    fc.record({
      type: fc.constant('FLOW' as const),
      text: buttonText,
      flowId: fc.stringMatching(/^\d{6,16}$/),
      flowAction: fc.constant('navigate' as const),
      navigateScreen: fc.stringMatching(/^[A-Z_]{1,12}$/),
    }),
    { nil: undefined },
  ),
});
const buttons = fc
  .record({
    replies: fc.array(buttonText, { maxLength: 3 }),
    repliesFirst: fc.boolean(),
    actions: callsToAction,
  })
  .map(({ replies, repliesFirst, actions }): TemplateDraftButton[] => {
    const quick = replies.map((text): TemplateDraftButton => ({ type: 'QUICK_REPLY', text }));
    const others = [...actions.urls, actions.phone, actions.copyCode, actions.flow].filter(
      (button): button is TemplateDraftButton => button !== undefined,
    );
    return repliesFirst ? [...quick, ...others] : [...others, ...quick];
  })
  .filter((list) => list.length > 0);

const ttl = (category: 'MARKETING' | 'UTILITY' | 'AUTHENTICATION') =>
  fc.option(
    category === 'MARKETING'
      ? fc.integer({ min: 43_200, max: 2_592_000 })
      : fc.oneof(fc.constant(-1), fc.integer({ min: 30, max: category === 'UTILITY' ? 43_200 : 900 })),
    { nil: undefined },
  );

const messageDraft: fc.Arbitrary<TemplateDraft> = fc
  .record({
    name,
    language: fc.constantFrom(...TEMPLATE_LANGUAGES),
    category: fc.constantFrom('MARKETING' as const, 'UTILITY' as const),
    texts,
    header: fc.constantFrom('none', 'text', 'media', 'location'),
    media: mediaHeader,
    footer: fc.option(words(5), { nil: undefined }),
    buttons: fc.option(buttons, { nil: undefined }),
  })
  .chain((parts) =>
    ttl(parts.category).map((messageSendTtlSeconds): TemplateDraft => {
      const header =
        parts.header === 'text'
          ? parts.texts.header
          : parts.header === 'media'
            ? parts.media
            : parts.header === 'location'
              ? ({ type: 'HEADER', format: 'LOCATION' } as const)
              : undefined;
      return {
        name: parts.name,
        language: parts.language,
        category: parts.category,
        ...(parts.texts.named ? { parameterFormat: 'NAMED' as const } : {}),
        ...(messageSendTtlSeconds === undefined ? {} : { messageSendTtlSeconds }),
        components: [
          ...(header ? [header] : []),
          parts.texts.body,
          ...(parts.footer ? [{ type: 'FOOTER' as const, text: parts.footer }] : []),
          ...(parts.buttons ? [{ type: 'BUTTONS' as const, buttons: parts.buttons }] : []),
        ],
      };
    }),
  );

const app = fc.record({
  packageName: fc.stringMatching(/^[a-z]{2,8}(\.[a-z]{2,8}){1,3}$/),
  signatureHash: fc.stringMatching(/^[A-Za-z0-9+/]{11}$/),
});
const otpButton = fc.oneof(
  fc.record({
    type: fc.constant('OTP' as const),
    otpType: fc.constant('COPY_CODE' as const),
    text: buttonText,
  }),
  fc.record({
    type: fc.constant('OTP' as const),
    otpType: fc.constantFrom('ONE_TAP' as const, 'ZERO_TAP' as const),
    text: buttonText,
    autofillText: buttonText,
    supportedApps: fc.array(app, { minLength: 1, maxLength: 5 }),
  }),
  fc
    .record({ otpType: fc.constantFrom('ONE_TAP' as const, 'ZERO_TAP' as const), app, text: buttonText })
    .map(({ otpType, app: { packageName, signatureHash }, text }) => ({
      type: 'OTP' as const,
      otpType,
      text,
      autofillText: text,
      packageName,
      signatureHash,
    })),
);
const authenticationDraft: fc.Arbitrary<TemplateDraft> = fc
  .record({
    name,
    language: fc.constantFrom(...TEMPLATE_LANGUAGES),
    security: fc.option(fc.boolean(), { nil: undefined }),
    minutes: fc.option(fc.integer({ min: 1, max: 90 }), { nil: undefined }),
    button: otpButton,
    ttl: ttl('AUTHENTICATION'),
  })
  .map(({ name: templateName, language, security, minutes, button, ttl: seconds }) => ({
    name: templateName,
    language,
    category: 'AUTHENTICATION',
    ...(seconds === undefined ? {} : { messageSendTtlSeconds: seconds }),
    components: [
      { type: 'BODY', ...(security === undefined ? {} : { addSecurityRecommendation: security }) },
      ...(minutes === undefined ? [] : [{ type: 'FOOTER' as const, codeExpirationMinutes: minutes }]),
      { type: 'BUTTONS', buttons: [button] },
    ],
  }));

describe('validateTemplateDraft properties', () => {
  it('finds nothing wrong with drafts valid by construction', () => {
    fc.assert(
      fc.property(fc.oneof(messageDraft, authenticationDraft), (draft) => {
        expect(validateTemplateDraft(draft)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("adds only the vendors' own findings for a vendor, and only warnings for NXCloud", () => {
    fc.assert(
      fc.property(fc.oneof(messageDraft, authenticationDraft), (draft) => {
        for (const provider of [NXCLOUD_SHAPED, CAMS_SHAPED]) {
          const issues = validateTemplateDraft(draft, { provider });
          expect(issues.every((issue) => issue.code.startsWith('VENDOR_'))).toBe(true);
          if (provider === NXCLOUD_SHAPED)
            expect(issues.every((issue) => issue.severity === 'warning')).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('answers any value with issues of known codes, never an exception', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          // A draft whose one component is anything at all.
          fc.tuple(messageDraft, fc.anything()).map(([draft, junk]) => ({ ...draft, components: [junk] })),
        ),
        (value) => {
          const issues = validateTemplateDraft(value as TemplateDraft, { provider: CAMS_SHAPED });
          for (const issue of issues) expect(Object.hasOwn(TEMPLATE_RULE_CODES, issue.code)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
