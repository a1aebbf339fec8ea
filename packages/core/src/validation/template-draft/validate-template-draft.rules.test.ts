import { describe, expect, it } from 'vitest';
import type { TemplateDraft } from '../../model/inputs/template-draft.js';
import {
  authenticationDraft,
  carouselDraft,
  marketingDraft,
  namedDraft,
  offerDraft,
  utilityDraft,
} from './__fixtures__/valid-drafts.js';
import { ACME_WITHOUT_RULES, CAMS_SHAPED, NXCLOUD_SHAPED } from './__fixtures__/vendor-providers.js';
import { TEMPLATE_RULE_CODES, type TemplateRuleCode } from './rule-codes.js';
import { type ValidateTemplateDraftOptions, validateTemplateDraft } from './validate-template-draft.js';
import type { TemplateVendorRules } from './vendor-template-rules.js';

/*
 * One invalid draft per rule (several for rules that apply in several places), each a valid
 * draft with one thing broken: it must produce exactly its rule's code at its path, and nothing
 * else. Then combinations: several mistakes at once, every one reported.
 */

// biome-ignore lint/suspicious/noExplicitAny: the cases reach into drafts by index to break them
type Loose = any;

/** A copy of `base()` changed by `change`, which may reach anywhere in it. */
function broken(base: () => TemplateDraft, change: (draft: Loose) => void): TemplateDraft {
  const draft = base();
  change(draft);
  return draft;
}

interface RuleCase {
  readonly rule: string;
  readonly code: TemplateRuleCode;
  readonly path: string;
  readonly draft: TemplateDraft;
  readonly options?: ValidateTemplateDraftOptions;
}

const LONG = (length: number) => 'x'.repeat(length);
const otp = (fields: Record<string, unknown>) =>
  broken(authenticationDraft, (d) => {
    d.components[2].buttons[0] = { type: 'OTP', text: 'Copy code', ...fields };
  });

const CASES: readonly RuleCase[] = [
  // The draft's shape
  {
    rule: 'a component list that is not a list',
    code: 'INVALID_DRAFT',
    path: 'components',
    draft: broken(utilityDraft, (d) => {
      d.components = 'BODY';
    }),
  },
  {
    rule: 'a body text that is a number',
    code: 'INVALID_DRAFT',
    path: 'components[1].text',
    draft: broken(utilityDraft, (d) => {
      d.components[1].text = 42;
    }),
  },
  {
    rule: 'a field a draft does not have',
    code: 'INVALID_DRAFT',
    path: 'colour',
    draft: broken(utilityDraft, (d) => {
      d.colour = 'red';
    }),
  },
  {
    rule: 'a misspelt sample field',
    code: 'INVALID_DRAFT',
    path: 'components[1].example.bodyTxt',
    draft: broken(utilityDraft, (d) => {
      d.components[1].example.bodyTxt = d.components[1].example.bodyText;
    }),
  },
  {
    rule: "a field a carousel card's button does not have",
    code: 'INVALID_DRAFT',
    path: 'components[1].cards[0].components[2].buttons[0].link',
    draft: broken(carouselDraft, (d) => {
      d.components[1].cards[0].components[2].buttons[0].link = 'https://shop.example';
    }),
  },
  // The template
  {
    rule: 'a name with capitals',
    code: 'NAME_INVALID',
    path: 'name',
    draft: broken(utilityDraft, (d) => {
      d.name = 'Order_Update';
    }),
  },
  {
    rule: 'a name with a hyphen',
    code: 'NAME_INVALID',
    path: 'name',
    draft: broken(utilityDraft, (d) => {
      d.name = 'order-update';
    }),
  },
  {
    rule: 'an empty name',
    code: 'NAME_INVALID',
    path: 'name',
    draft: broken(utilityDraft, (d) => {
      d.name = '';
    }),
  },
  {
    rule: 'a name of 513 characters',
    code: 'NAME_INVALID',
    path: 'name',
    draft: broken(utilityDraft, (d) => {
      d.name = LONG(513);
    }),
  },
  {
    rule: 'an UNKNOWN category',
    code: 'CATEGORY_INVALID',
    path: 'category',
    draft: broken(offerDraft, (d) => {
      d.category = 'UNKNOWN';
    }),
  },
  {
    rule: 'a language with a hyphen',
    code: 'LANGUAGE_INVALID',
    path: 'language',
    draft: broken(utilityDraft, (d) => {
      d.language = 'en-US';
    }),
  },
  {
    rule: 'a language Meta does not list',
    code: 'LANGUAGE_UNKNOWN',
    path: 'language',
    draft: broken(utilityDraft, (d) => {
      d.language = 'tlh';
    }),
  },
  {
    rule: 'a language outside a list of your own',
    code: 'LANGUAGE_UNKNOWN',
    path: 'language',
    draft: utilityDraft(),
    options: { languages: ['en_GB'] },
  },
  {
    rule: 'an UNKNOWN parameter format',
    code: 'PARAMETER_FORMAT_INVALID',
    path: 'parameterFormat',
    draft: broken(utilityDraft, (d) => {
      d.parameterFormat = 'UNKNOWN';
    }),
  },
  {
    rule: 'an authentication TTL above 900 s',
    code: 'TTL_OUT_OF_RANGE',
    path: 'messageSendTtlSeconds',
    draft: broken(authenticationDraft, (d) => {
      d.messageSendTtlSeconds = 901;
    }),
  },
  {
    rule: 'a utility TTL below 30 s',
    code: 'TTL_OUT_OF_RANGE',
    path: 'messageSendTtlSeconds',
    draft: broken(utilityDraft, (d) => {
      d.messageSendTtlSeconds = 29;
    }),
  },
  {
    rule: 'a marketing TTL below 12 hours',
    code: 'TTL_OUT_OF_RANGE',
    path: 'messageSendTtlSeconds',
    draft: broken(marketingDraft, (d) => {
      d.messageSendTtlSeconds = 43_199;
    }),
  },
  {
    rule: 'a marketing TTL of -1 (30 days is not theirs)',
    code: 'TTL_OUT_OF_RANGE',
    path: 'messageSendTtlSeconds',
    draft: broken(marketingDraft, (d) => {
      d.messageSendTtlSeconds = -1;
    }),
  },
  // Components
  {
    rule: 'no body',
    code: 'BODY_MISSING',
    path: 'components',
    draft: broken(utilityDraft, (d) => {
      d.components.splice(1, 1);
    }),
  },
  {
    rule: 'two footers',
    code: 'COMPONENT_DUPLICATE',
    path: 'components[3]',
    draft: broken(utilityDraft, (d) => {
      d.components.splice(3, 0, { type: 'FOOTER', text: 'Thanks' });
    }),
  },
  {
    rule: 'two bodies in a card',
    code: 'COMPONENT_DUPLICATE',
    path: 'components[1].cards[0].components[2]',
    draft: broken(carouselDraft, (d) => {
      d.components[1].cards[0].components.splice(2, 0, { type: 'BODY', text: 'Another text here.' });
    }),
  },
  {
    rule: 'a component the model does not know',
    code: 'COMPONENT_UNKNOWN',
    path: 'components[2]',
    draft: broken(utilityDraft, (d) => {
      d.components[2] = { type: 'UNKNOWN', rawType: 'CALL_PERMISSION_REQUEST' };
    }),
  },
  {
    rule: 'an UNKNOWN header format',
    code: 'HEADER_FORMAT_INVALID',
    path: 'components[0].format',
    draft: broken(utilityDraft, (d) => {
      d.components[0].format = 'UNKNOWN';
    }),
  },
  {
    rule: 'a TEXT header without text',
    code: 'HEADER_TEXT_MISSING',
    path: 'components[0].text',
    draft: broken(utilityDraft, (d) => {
      d.components[0].text = ' ';
    }),
  },
  {
    rule: 'a header of 61 characters',
    code: 'HEADER_TEXT_TOO_LONG',
    path: 'components[0].text',
    draft: broken(utilityDraft, (d) => {
      d.components[0].text = LONG(61);
    }),
  },
  {
    rule: 'a header of 60 emoji is not too long (characters, not UTF-16 units)',
    code: 'HEADER_TEXT_TOO_LONG',
    path: 'components[0].text',
    draft: broken(utilityDraft, (d) => {
      d.components[0].text = '🎉'.repeat(61);
    }),
  },
  {
    rule: 'two variables in a header',
    code: 'HEADER_TOO_MANY_VARIABLES',
    path: 'components[0].text',
    draft: broken(utilityDraft, (d) => {
      d.components[0] = {
        type: 'HEADER',
        format: 'TEXT',
        text: 'Order {{1}} for {{2}}',
        example: { headerText: ['#1', 'Ana'] },
      };
    }),
  },
  {
    rule: 'a location header in an authentication template',
    code: 'LOCATION_HEADER_CATEGORY',
    path: 'components[0]',
    draft: broken(authenticationDraft, (d) => {
      d.components.unshift({ type: 'HEADER', format: 'LOCATION' });
    }),
  },
  {
    rule: 'an image header without a sample',
    code: 'MEDIA_SAMPLE_MISSING',
    path: 'components[0].example',
    draft: broken(marketingDraft, (d) => {
      delete d.components[0].example;
    }),
  },
  {
    rule: 'a card image without a sample',
    code: 'MEDIA_SAMPLE_MISSING',
    path: 'components[1].cards[1].components[0].example',
    draft: broken(carouselDraft, (d) => {
      d.components[1].cards[1].components[0].example = { headerHandle: [' '] };
    }),
  },
  {
    rule: 'a sample link that is not http(s)',
    code: 'MEDIA_SAMPLE_URL_INVALID',
    path: 'components[0].example.headerUrl',
    draft: broken(marketingDraft, (d) => {
      d.components[0].example = { headerUrl: 'ftp://files.example/a.png' };
    }),
  },
  {
    rule: 'both a handle and a link',
    code: 'MEDIA_SAMPLE_AMBIGUOUS',
    path: 'components[0].example',
    draft: broken(marketingDraft, (d) => {
      d.components[0].example.headerUrl = 'https://shop.example/a.png';
    }),
  },
  {
    rule: 'a body without text',
    code: 'BODY_TEXT_MISSING',
    path: 'components[1].text',
    draft: broken(utilityDraft, (d) => {
      d.components[1] = { type: 'BODY' };
    }),
  },
  {
    rule: 'a body of 1,025 characters',
    code: 'BODY_TEXT_TOO_LONG',
    path: 'components[1].text',
    draft: broken(utilityDraft, (d) => {
      d.components[1] = { type: 'BODY', text: LONG(1025) };
    }),
  },
  {
    rule: 'a footer without text',
    code: 'FOOTER_TEXT_MISSING',
    path: 'components[2].text',
    draft: broken(utilityDraft, (d) => {
      d.components[2].text = '';
    }),
  },
  {
    rule: 'a footer of 61 characters',
    code: 'FOOTER_TEXT_TOO_LONG',
    path: 'components[2].text',
    draft: broken(utilityDraft, (d) => {
      d.components[2].text = LONG(61);
    }),
  },
  {
    rule: 'a variable in the footer',
    code: 'FOOTER_HAS_VARIABLE',
    path: 'components[2].text',
    draft: broken(utilityDraft, (d) => {
      d.components[2].text = 'Thanks {{1}}';
    }),
  },
  {
    rule: 'a carousel of one card',
    code: 'CAROUSEL_CARD_COUNT',
    path: 'components[1].cards',
    draft: broken(carouselDraft, (d) => {
      d.components[1].cards.pop();
    }),
  },
  {
    rule: 'a carousel of eleven cards',
    code: 'CAROUSEL_CARD_COUNT',
    path: 'components[1].cards',
    draft: broken(carouselDraft, (d) => {
      while (d.components[1].cards.length < 11)
        d.components[1].cards.push(structuredClone(d.components[1].cards[0]));
    }),
  },
  {
    rule: 'a footer in a card',
    code: 'CARD_COMPONENT_NOT_ALLOWED',
    path: 'components[1].cards[0].components[3]',
    draft: broken(carouselDraft, (d) => {
      d.components[1].cards[0].components.push({ type: 'FOOTER', text: 'Card footer' });
    }),
  },
  {
    rule: 'a card body of 161 characters',
    code: 'CARD_BODY_TOO_LONG',
    path: 'components[1].cards[0].components[1].text',
    draft: broken(carouselDraft, (d) => {
      d.components[1].cards[0].components[1].text = LONG(161);
    }),
  },
  {
    rule: 'a limited-time offer in a utility template',
    code: 'LIMITED_TIME_OFFER_CATEGORY',
    path: 'components[0]',
    draft: broken(offerDraft, (d) => {
      d.category = 'UTILITY';
    }),
  },
  {
    rule: 'a limited-time offer with a footer',
    code: 'LIMITED_TIME_OFFER_WITH_FOOTER',
    path: 'components[3]',
    draft: broken(offerDraft, (d) => {
      d.components.push({ type: 'FOOTER', text: 'Terms apply' });
    }),
  },
  {
    rule: 'an offer text of 17 characters',
    code: 'LIMITED_TIME_OFFER_TEXT_TOO_LONG',
    path: 'components[0].text',
    draft: broken(offerDraft, (d) => {
      d.components[0].text = LONG(17);
    }),
  },
  {
    rule: 'a code expiry in a utility footer',
    code: 'CODE_EXPIRATION_OUTSIDE_AUTHENTICATION',
    path: 'components[2].codeExpirationMinutes',
    draft: broken(utilityDraft, (d) => {
      d.components[2].codeExpirationMinutes = 5;
    }),
  },
  {
    rule: 'a security recommendation in a utility body',
    code: 'SECURITY_RECOMMENDATION_OUTSIDE_AUTHENTICATION',
    path: 'components[1].addSecurityRecommendation',
    draft: broken(utilityDraft, (d) => {
      d.components[1].addSecurityRecommendation = true;
    }),
  },
  // Variables and their samples
  {
    rule: 'a brace too few',
    code: 'VARIABLE_MALFORMED',
    path: 'components[1].text',
    draft: broken(utilityDraft, (d) => {
      d.components[1].text = 'Hi {{1}}, order {{2} has shipped today.';
      d.components[1].example.bodyText = [['Ana']];
    }),
  },
  {
    rule: 'empty braces',
    code: 'VARIABLE_MALFORMED',
    path: 'components[0].text',
    draft: broken(utilityDraft, (d) => {
      d.components[0].text = 'Order {{}} update';
    }),
  },
  {
    rule: 'a named variable with capitals and a space',
    code: 'VARIABLE_NAME_INVALID',
    path: 'components[0].text',
    draft: broken(namedDraft, (d) => {
      d.components[0].text = 'Order for {{First Name}}';
      d.components[0].example.headerTextNamedParams[0].paramName = 'First Name';
    }),
  },
  {
    rule: 'named and positional variables in one template',
    code: 'VARIABLE_STYLE_MIXED',
    path: 'components[1].text',
    draft: broken(namedDraft, (d) => {
      d.components[1] = {
        type: 'BODY',
        text: 'Hi there, order {{1}} has shipped.',
        example: { bodyText: [['#1042']] },
      };
    }),
  },
  {
    rule: 'named variables without the NAMED format',
    code: 'PARAMETER_FORMAT_MISMATCH',
    path: 'parameterFormat',
    draft: broken(namedDraft, (d) => {
      delete d.parameterFormat;
    }),
  },
  {
    rule: 'positional variables in a NAMED template',
    code: 'PARAMETER_FORMAT_MISMATCH',
    path: 'parameterFormat',
    draft: broken(utilityDraft, (d) => {
      d.parameterFormat = 'NAMED';
    }),
  },
  {
    rule: 'a gap: {{1}} and {{3}}',
    code: 'VARIABLE_GAP',
    path: 'components[1].text',
    draft: broken(utilityDraft, (d) => {
      d.components[1].text = 'Hi {{1}}, order {{3}} has shipped today.';
    }),
  },
  {
    rule: 'numbering from {{0}}',
    code: 'VARIABLE_GAP',
    path: 'components[1].text',
    draft: broken(utilityDraft, (d) => {
      d.components[1].text = 'Hi {{0}}, order {{1}} has shipped today.';
    }),
  },
  {
    rule: '{{2}} before {{1}}',
    code: 'VARIABLE_ORDER',
    path: 'components[1].text',
    draft: broken(utilityDraft, (d) => {
      d.components[1].text = 'Order {{2}} for {{1}} has shipped today.';
    }),
  },
  {
    rule: 'a body that starts with a variable',
    code: 'VARIABLE_AT_EDGE',
    path: 'components[1].text',
    draft: broken(utilityDraft, (d) => {
      d.components[1].text = '{{1}}, your order {{2}} has shipped today.';
    }),
  },
  {
    rule: 'a body that ends with a variable',
    code: 'VARIABLE_AT_EDGE',
    path: 'components[1].text',
    draft: broken(utilityDraft, (d) => {
      d.components[1].text = 'Hi {{1}}, your order has shipped: {{2}}  ';
    }),
  },
  {
    rule: 'two variables side by side',
    code: 'VARIABLES_ADJACENT',
    path: 'components[1].text',
    draft: broken(utilityDraft, (d) => {
      d.components[1].text = 'Hi {{1}} {{2}}, your order has shipped today.';
    }),
  },
  {
    rule: 'three variables in two words',
    code: 'VARIABLE_DENSITY',
    path: 'components[1].text',
    draft: broken(utilityDraft, (d) => {
      d.components[1] = {
        type: 'BODY',
        text: 'Hi {{1}}, {{2}} and {{3}}!',
        example: { bodyText: [['a', 'b', 'c']] },
      };
    }),
  },
  {
    rule: 'body variables without samples',
    code: 'EXAMPLE_MISSING',
    path: 'components[1].example',
    draft: broken(utilityDraft, (d) => {
      delete d.components[1].example;
    }),
  },
  {
    rule: 'an empty list of sample sets',
    code: 'EXAMPLE_MISSING',
    path: 'components[1].example',
    draft: broken(utilityDraft, (d) => {
      d.components[1].example.bodyText = [];
    }),
  },
  {
    rule: 'a header variable without a sample',
    code: 'EXAMPLE_MISSING',
    path: 'components[0].example',
    draft: broken(utilityDraft, (d) => {
      d.components[0].text = 'Order {{1}}';
    }),
  },
  {
    rule: 'named variables without named samples',
    code: 'EXAMPLE_MISSING',
    path: 'components[1].example',
    draft: broken(namedDraft, (d) => {
      delete d.components[1].example;
    }),
  },
  {
    rule: 'one sample for two variables',
    code: 'EXAMPLE_COUNT_MISMATCH',
    path: 'components[1].example.bodyText[0]',
    draft: broken(utilityDraft, (d) => {
      d.components[1].example.bodyText = [['Ana']];
    }),
  },
  {
    rule: 'two samples for the header’s one variable',
    code: 'EXAMPLE_COUNT_MISMATCH',
    path: 'components[0].example.headerText',
    draft: broken(utilityDraft, (d) => {
      d.components[0] = {
        type: 'HEADER',
        format: 'TEXT',
        text: 'Order {{1}}',
        example: { headerText: ['#1', '#2'] },
      };
    }),
  },
  {
    rule: 'an empty sample',
    code: 'EXAMPLE_EMPTY',
    path: 'components[1].example.bodyText[0][1]',
    draft: broken(utilityDraft, (d) => {
      d.components[1].example.bodyText = [['Ana', ' ']];
    }),
  },
  {
    rule: 'an empty named sample',
    code: 'EXAMPLE_EMPTY',
    path: 'components[1].example.bodyTextNamedParams[1].example',
    draft: broken(namedDraft, (d) => {
      d.components[1].example.bodyTextNamedParams[1].example = '';
    }),
  },
  {
    rule: 'samples for a text without variables',
    code: 'EXAMPLE_UNUSED',
    path: 'components[0].example.headerText',
    draft: broken(utilityDraft, (d) => {
      d.components[0].example = { headerText: ['#1042'] };
    }),
  },
  {
    rule: 'named samples for a positional text',
    code: 'EXAMPLE_UNUSED',
    path: 'components[1].example.bodyTextNamedParams',
    draft: broken(utilityDraft, (d) => {
      d.components[1].example.bodyTextNamedParams = [{ paramName: 'x', example: 'y' }];
    }),
  },
  {
    rule: 'a named sample missing',
    code: 'NAMED_EXAMPLE_MISMATCH',
    path: 'components[1].example.bodyTextNamedParams',
    draft: broken(namedDraft, (d) => {
      d.components[1].example.bodyTextNamedParams.pop();
    }),
  },
  {
    rule: 'a named sample for no variable',
    code: 'NAMED_EXAMPLE_MISMATCH',
    path: 'components[0].example.headerTextNamedParams',
    draft: broken(namedDraft, (d) => {
      d.components[0].example.headerTextNamedParams.push({ paramName: 'city', example: 'Lima' });
    }),
  },
  {
    rule: 'two named samples for one variable',
    code: 'NAMED_EXAMPLE_DUPLICATE',
    path: 'components[0].example.headerTextNamedParams[1].paramName',
    draft: broken(namedDraft, (d) => {
      d.components[0].example.headerTextNamedParams.push({ paramName: 'first_name', example: 'Maria' });
    }),
  },
  // Buttons
  {
    rule: 'a BUTTONS component without buttons',
    code: 'BUTTONS_EMPTY',
    path: 'components[3].buttons',
    draft: broken(utilityDraft, (d) => {
      d.components[3].buttons = [];
    }),
  },
  {
    rule: 'eleven buttons',
    code: 'BUTTONS_TOO_MANY',
    path: 'components[3].buttons',
    draft: broken(marketingDraft, (d) => {
      const replies = Array.from({ length: 8 }, (_, i) => ({ type: 'QUICK_REPLY', text: `Reply ${i}` }));
      d.components[3].buttons.unshift(...replies);
      d.components[3].buttons.splice(1, 1);
    }),
  },
  {
    rule: 'three URL buttons',
    code: 'URL_BUTTONS_TOO_MANY',
    path: 'components[3].buttons',
    draft: broken(utilityDraft, (d) => {
      d.components[3].buttons.push(
        { type: 'URL', text: 'Help', url: 'https://shop.example/help' },
        { type: 'URL', text: 'Shop', url: 'https://shop.example' },
      );
    }),
  },
  {
    rule: 'two phone buttons',
    code: 'PHONE_BUTTONS_TOO_MANY',
    path: 'components[3].buttons',
    draft: broken(utilityDraft, (d) => {
      d.components[3].buttons.push({ type: 'PHONE_NUMBER', text: 'Call sales', phoneNumber: '+6587654321' });
    }),
  },
  {
    rule: 'two copy-code buttons',
    code: 'COPY_CODE_BUTTONS_TOO_MANY',
    path: 'components[3].buttons',
    draft: broken(marketingDraft, (d) => {
      d.components[3].buttons.push({ type: 'COPY_CODE', example: 'SPRING50' });
    }),
  },
  {
    rule: 'a copy-code button between quick replies',
    code: 'QUICK_REPLIES_NOT_GROUPED',
    path: 'components[3].buttons',
    draft: broken(marketingDraft, (d) => {
      const [copy] = d.components[3].buttons.splice(2, 1);
      d.components[3].buttons.splice(1, 0, copy);
    }),
  },
  {
    rule: 'a button the model does not know',
    code: 'BUTTON_UNKNOWN',
    path: 'components[3].buttons[1]',
    draft: broken(utilityDraft, (d) => {
      d.components[3].buttons[1] = { type: 'UNKNOWN', rawType: 'APP', text: 'Open' };
    }),
  },
  {
    rule: 'a quick reply without text',
    code: 'BUTTON_TEXT_MISSING',
    path: 'components[3].buttons[0].text',
    draft: broken(marketingDraft, (d) => {
      d.components[3].buttons[0].text = '';
    }),
  },
  {
    rule: 'a button text of 26 characters',
    code: 'BUTTON_TEXT_TOO_LONG',
    path: 'components[3].buttons[1].text',
    draft: broken(utilityDraft, (d) => {
      d.components[3].buttons[1].text = LONG(26);
    }),
  },
  {
    rule: 'a variable in a button text',
    code: 'BUTTON_TEXT_HAS_VARIABLE',
    path: 'components[3].buttons[1].text',
    draft: broken(utilityDraft, (d) => {
      d.components[3].buttons[1].text = 'Call {{1}}';
    }),
  },
  {
    rule: 'a URL that is not http(s)',
    code: 'URL_INVALID',
    path: 'components[3].buttons[0].url',
    draft: broken(utilityDraft, (d) => {
      d.components[3].buttons[0].url = 'shop.example/t/{{1}}';
    }),
  },
  {
    rule: 'a URL of 2,001 characters',
    code: 'URL_TOO_LONG',
    path: 'components[3].buttons[0].url',
    draft: broken(utilityDraft, (d) => {
      d.components[3].buttons[0].url = `https://shop.example/${LONG(1980)}`;
      d.components[3].buttons[0].example = undefined;
    }),
  },
  {
    rule: 'two variables in a URL',
    code: 'URL_TOO_MANY_VARIABLES',
    path: 'components[3].buttons[0].url',
    draft: broken(utilityDraft, (d) => {
      d.components[3].buttons[0].url = 'https://shop.example/{{1}}/{{2}}';
    }),
  },
  {
    rule: 'a URL variable in the middle',
    code: 'URL_VARIABLE_NOT_AT_END',
    path: 'components[3].buttons[0].url',
    draft: broken(utilityDraft, (d) => {
      d.components[3].buttons[0].url = 'https://shop.example/{{1}}/track';
    }),
  },
  {
    rule: 'a dynamic URL without a sample',
    code: 'URL_EXAMPLE_MISSING',
    path: 'components[3].buttons[0].example',
    draft: broken(utilityDraft, (d) => {
      d.components[3].buttons[0].example = [''];
    }),
  },
  {
    rule: 'a phone button without a number',
    code: 'PHONE_NUMBER_MISSING',
    path: 'components[3].buttons[1].phoneNumber',
    draft: broken(utilityDraft, (d) => {
      d.components[3].buttons[1].phoneNumber = '';
    }),
  },
  {
    rule: 'a phone number of 21 characters',
    code: 'PHONE_NUMBER_TOO_LONG',
    path: 'components[3].buttons[1].phoneNumber',
    draft: broken(utilityDraft, (d) => {
      d.components[3].buttons[1].phoneNumber = `+${'1'.repeat(20)}`;
    }),
  },
  {
    rule: 'a copy-code button without its code',
    code: 'COPY_CODE_EXAMPLE_MISSING',
    path: 'components[3].buttons[2].example',
    draft: broken(marketingDraft, (d) => {
      delete d.components[3].buttons[2].example;
    }),
  },
  {
    rule: 'a flow button naming no flow',
    code: 'FLOW_BUTTON_TARGET',
    path: 'components[3].buttons[3]',
    draft: broken(marketingDraft, (d) => {
      delete d.components[3].buttons[3].flowId;
    }),
  },
  {
    rule: 'a flow button naming two flows',
    code: 'FLOW_BUTTON_TARGET',
    path: 'components[3].buttons[3]',
    draft: broken(marketingDraft, (d) => {
      d.components[3].buttons[3].flowName = 'sign_up';
    }),
  },
  {
    rule: 'an UNKNOWN flow action',
    code: 'FLOW_ACTION_INVALID',
    path: 'components[3].buttons[3].flowAction',
    draft: broken(marketingDraft, (d) => {
      d.components[3].buttons[3].flowAction = 'UNKNOWN';
    }),
  },
  {
    rule: 'navigate without a screen',
    code: 'FLOW_SCREEN_MISSING',
    path: 'components[3].buttons[3].navigateScreen',
    draft: broken(marketingDraft, (d) => {
      delete d.components[3].buttons[3].navigateScreen;
    }),
  },
  {
    rule: 'an OTP button in a utility template',
    code: 'OTP_BUTTON_OUTSIDE_AUTHENTICATION',
    path: 'components[3].buttons[1]',
    draft: broken(utilityDraft, (d) => {
      d.components[3].buttons[1] = { type: 'OTP', otpType: 'COPY_CODE', text: 'Copy' };
    }),
  },
  // Authentication templates
  {
    rule: 'a text header in an authentication template',
    code: 'AUTH_HEADER_NOT_ALLOWED',
    path: 'components[0]',
    draft: broken(authenticationDraft, (d) => {
      d.components.unshift({ type: 'HEADER', format: 'TEXT', text: 'Your code' });
    }),
  },
  {
    rule: 'an authentication body with text',
    code: 'AUTH_BODY_TEXT_NOT_ALLOWED',
    path: 'components[0].text',
    draft: broken(authenticationDraft, (d) => {
      d.components[0].text = '{{1}} is your code.';
    }),
  },
  {
    rule: 'an authentication footer with text',
    code: 'AUTH_FOOTER_TEXT_NOT_ALLOWED',
    path: 'components[1].text',
    draft: broken(authenticationDraft, (d) => {
      d.components[1].text = 'Expires in 5 minutes.';
    }),
  },
  {
    rule: 'a carousel in an authentication template',
    code: 'AUTH_COMPONENT_NOT_ALLOWED',
    path: 'components[3]',
    draft: broken(authenticationDraft, (d) => {
      d.components.push((carouselDraft() as Loose).components[1]);
    }),
  },
  {
    rule: 'a code expiry of 91 minutes',
    code: 'CODE_EXPIRATION_OUT_OF_RANGE',
    path: 'components[1].codeExpirationMinutes',
    draft: broken(authenticationDraft, (d) => {
      d.components[1].codeExpirationMinutes = 91;
    }),
  },
  {
    rule: 'a code expiry of 0 minutes',
    code: 'CODE_EXPIRATION_OUT_OF_RANGE',
    path: 'components[1].codeExpirationMinutes',
    draft: broken(authenticationDraft, (d) => {
      d.components[1].codeExpirationMinutes = 0;
    }),
  },
  {
    rule: 'an authentication template without buttons',
    code: 'AUTH_OTP_BUTTON_MISSING',
    path: 'components',
    draft: broken(authenticationDraft, (d) => {
      d.components.pop();
    }),
  },
  {
    rule: 'two OTP buttons',
    code: 'AUTH_TOO_MANY_BUTTONS',
    path: 'components[2].buttons',
    draft: broken(authenticationDraft, (d) => {
      d.components[2].buttons.push({ type: 'OTP', otpType: 'COPY_CODE', text: 'Copy' });
    }),
  },
  {
    rule: 'a quick reply as the only authentication button',
    code: 'AUTH_BUTTON_NOT_OTP',
    path: 'components[2].buttons[0]',
    draft: broken(authenticationDraft, (d) => {
      d.components[2].buttons[0] = { type: 'QUICK_REPLY', text: 'Send again' };
    }),
  },
  {
    rule: 'an UNKNOWN OTP type',
    code: 'OTP_TYPE_INVALID',
    path: 'components[2].buttons[0].otpType',
    draft: otp({ otpType: 'UNKNOWN' }),
  },
  {
    rule: 'a one-tap button without an app',
    code: 'OTP_APP_MISSING',
    path: 'components[2].buttons[0]',
    draft: otp({ otpType: 'ONE_TAP', autofillText: 'Autofill' }),
  },
  {
    rule: 'a zero-tap button with an empty list of apps',
    code: 'OTP_APP_MISSING',
    path: 'components[2].buttons[0]',
    draft: otp({ otpType: 'ZERO_TAP', supportedApps: [] }),
  },
  {
    rule: 'a package name without its hash',
    code: 'OTP_APP_INCOMPLETE',
    path: 'components[2].buttons[0]',
    draft: otp({ otpType: 'ONE_TAP', packageName: 'com.example.shop' }),
  },
  {
    rule: 'a listed app without its hash',
    code: 'OTP_APP_INCOMPLETE',
    path: 'components[2].buttons[0].supportedApps[1]',
    draft: otp({
      otpType: 'ZERO_TAP',
      supportedApps: [{ packageName: 'com.a', signatureHash: 'AAAAAAAAAAA' }, { packageName: 'com.b' }],
    }),
  },
  {
    rule: 'six apps',
    code: 'OTP_TOO_MANY_APPS',
    path: 'components[2].buttons[0].supportedApps',
    draft: otp({
      otpType: 'ZERO_TAP',
      supportedApps: Array.from({ length: 6 }, (_, i) => ({
        packageName: `com.app${i}`,
        signatureHash: `HASH${i}ABCDEF`,
      })),
    }),
  },
  {
    rule: 'a signature hash of 10 characters',
    code: 'OTP_SIGNATURE_HASH_INVALID',
    path: 'components[2].buttons[0].signatureHash',
    draft: otp({ otpType: 'ONE_TAP', packageName: 'com.example.shop', signatureHash: 'AAAAAAAAAA' }),
  },
  {
    rule: 'a listed app’s hash of 12 characters',
    code: 'OTP_SIGNATURE_HASH_INVALID',
    path: 'components[2].buttons[0].supportedApps[0].signatureHash',
    draft: otp({
      otpType: 'ZERO_TAP',
      supportedApps: [{ packageName: 'com.a', signatureHash: 'AAAAAAAAAAAA' }],
    }),
  },
  // The vendor's own rules
  {
    rule: 'a provider no rules are known for',
    code: 'VENDOR_RULES_UNKNOWN',
    path: '',
    draft: utilityDraft(),
    options: { provider: ACME_WITHOUT_RULES },
  },
  {
    rule: 'CAMS: a header {{1}} and a body {{1}} with different samples',
    code: 'VENDOR_SAMPLE_CONFLICT',
    path: 'components[1].example',
    draft: broken(utilityDraft, (d) => {
      d.components[0] = {
        type: 'HEADER',
        format: 'TEXT',
        text: 'Order {{1}}',
        example: { headerText: ['#1042'] },
      };
      // A static URL, so that only the header and the body disagree.
      d.components[3] = {
        type: 'BUTTONS',
        buttons: [{ type: 'URL', text: 'Track', url: 'https://shop.example/t' }],
      };
    }),
    options: { provider: CAMS_SHAPED },
  },
  {
    rule: 'CAMS: a dynamic URL {{1}} and the body {{1}} with different samples',
    code: 'VENDOR_SAMPLE_CONFLICT',
    path: 'components[3].buttons[0].example',
    draft: broken(utilityDraft, (d) => {
      d.components[3] = {
        type: 'BUTTONS',
        buttons: [
          {
            type: 'URL',
            text: 'Track',
            url: 'https://shop.example/t/{{1}}',
            example: ['https://shop.example/t/7'],
          },
        ],
      };
    }),
    options: { provider: CAMS_SHAPED },
  },
  {
    rule: 'CAMS: a card body {{1}} and the body {{1}} with different samples',
    code: 'VENDOR_SAMPLE_CONFLICT',
    path: 'components[1].cards[1].components[1].example',
    draft: broken(carouselDraft, (d) => {
      d.components[1].cards[1].components[1] = {
        type: 'BODY',
        text: 'Pick {{1}} is here.',
        example: { bodyText: [['Shoes']] },
      };
    }),
    options: { provider: CAMS_SHAPED },
  },
  {
    rule: 'CAMS: a named variable with two samples',
    code: 'VENDOR_SAMPLE_CONFLICT',
    path: 'components[1].example',
    draft: broken(namedDraft, (d) => {
      d.components[1].example.bodyTextNamedParams[0].example = 'Ana';
    }),
    options: { provider: CAMS_SHAPED },
  },
  {
    rule: 'CAMS: a GIF header',
    code: 'VENDOR_HEADER_FORMAT_UNSUPPORTED',
    path: 'components[0].format',
    draft: broken(utilityDraft, (d) => {
      d.components[0] = {
        type: 'HEADER',
        format: 'GIF',
        example: { headerUrl: 'https://shop.example/a.gif' },
      };
    }),
    options: { provider: CAMS_SHAPED },
  },
  {
    rule: 'CAMS: a media sample given as an upload handle (CAMS takes a URL only)',
    code: 'VENDOR_MEDIA_SAMPLE_UNSUPPORTED',
    path: 'components[0].example.headerHandle',
    draft: broken(marketingDraft, (d) => {
      d.components[3].buttons.pop();
    }),
    options: { provider: CAMS_SHAPED },
  },
  {
    rule: "CAMS: a carousel card's media sample given as an upload handle",
    code: 'VENDOR_MEDIA_SAMPLE_UNSUPPORTED',
    path: 'components[1].cards[1].components[0].example.headerHandle',
    draft: broken(carouselDraft, (d) => {
      d.components[1].cards[1].components[0].example = { headerHandle: ['4:Y2FyZC5wbmc='] };
    }),
    options: { provider: CAMS_SHAPED },
  },
  {
    rule: 'rules of your own: a vendor that takes media samples by upload handle only',
    code: 'VENDOR_MEDIA_SAMPLE_UNSUPPORTED',
    path: 'components[1].cards[0].components[0].example.headerUrl',
    draft: broken(carouselDraft, (d) => {
      d.components[1].cards[1].components[0].example = { headerHandle: ['4:Y2FyZC5wbmc='] };
    }),
    options: { vendorRules: { ...acmeRules(), mediaSamples: ['handle'] } },
  },
  {
    rule: 'CAMS: a voice call button',
    code: 'VENDOR_BUTTON_UNSUPPORTED',
    path: 'components[3].buttons[1]',
    draft: broken(utilityDraft, (d) => {
      d.components[3].buttons[1] = { type: 'VOICE_CALL', text: 'Call us' };
    }),
    options: { provider: CAMS_SHAPED },
  },
  {
    rule: 'CAMS: quick replies with a URL button',
    code: 'VENDOR_QUICK_REPLY_WITH_CALL_TO_ACTION',
    path: 'components[3].buttons',
    draft: broken(utilityDraft, (d) => {
      d.components[3].buttons.splice(1, 1, { type: 'QUICK_REPLY', text: 'Stop' });
    }),
    options: { provider: CAMS_SHAPED },
  },
  {
    rule: 'CAMS: a one-tap button without autofill text',
    code: 'VENDOR_OTP_FIELD_MISSING',
    path: 'components[2].buttons[0].autofillText',
    draft: broken(authenticationDraft, (d) => {
      delete d.components[2].buttons[0].autofillText;
      delete d.messageSendTtlSeconds;
    }),
    options: { provider: CAMS_SHAPED },
  },
  {
    rule: 'CAMS: a copy-code OTP button without text',
    code: 'VENDOR_OTP_FIELD_MISSING',
    path: 'components[2].buttons[0].text',
    draft: broken(authenticationDraft, (d) => {
      d.components[2].buttons[0] = { type: 'OTP', otpType: 'COPY_CODE' };
      delete d.messageSendTtlSeconds;
    }),
    options: { provider: CAMS_SHAPED },
  },
  {
    rule: 'NXCloud: a one-tap button without autofill text',
    code: 'VENDOR_OTP_FIELD_MISSING',
    path: 'components[2].buttons[0].autofillText',
    draft: otp({ otpType: 'ONE_TAP', packageName: 'com.example.shop', signatureHash: 'AAAAAAAAAAA' }),
    options: { provider: NXCLOUD_SHAPED },
  },
  {
    rule: 'CAMS: a flow button (its Type is undocumented)',
    code: 'VENDOR_UNDOCUMENTED',
    path: 'components[3].buttons[3]',
    draft: broken(marketingDraft, (d) => {
      d.components[0].example = { headerUrl: 'https://shop.example/spring.png' };
    }),
    options: { provider: CAMS_SHAPED },
  },
  {
    rule: 'NXCloud: named variables',
    code: 'VENDOR_UNDOCUMENTED',
    path: 'parameterFormat',
    draft: namedDraft(),
    options: { provider: NXCLOUD_SHAPED },
  },
  {
    rule: 'NXCloud: a carousel',
    code: 'VENDOR_UNDOCUMENTED',
    path: 'components[1]',
    draft: carouselDraft(),
    options: { provider: NXCLOUD_SHAPED },
  },
  {
    rule: 'CAMS: a time to live',
    code: 'VENDOR_TTL_RESTRICTED',
    path: 'messageSendTtlSeconds',
    draft: broken(utilityDraft, (d) => {
      d.messageSendTtlSeconds = 3600;
    }),
    options: { provider: CAMS_SHAPED },
  },
  {
    rule: 'rules of your own: a vendor that keeps one sample per variable',
    code: 'VENDOR_SAMPLE_CONFLICT',
    path: 'components[1].example',
    draft: broken(utilityDraft, (d) => {
      d.components[0] = {
        type: 'HEADER',
        format: 'TEXT',
        text: 'Order {{1}}',
        example: { headerText: ['#1042'] },
      };
      // A static URL, so that only the header and the body disagree.
      d.components[3] = {
        type: 'BUTTONS',
        buttons: [{ type: 'URL', text: 'Track', url: 'https://shop.example/t' }],
      };
    }),
    options: { provider: ACME_WITHOUT_RULES, vendorRules: acmeRules() },
  },
];

function acmeRules(): TemplateVendorRules {
  return {
    vendor: 'Acme',
    oneSamplePerVariable: true,
    unsupported: { headerFormats: [], buttonTypes: [] },
    undocumented: {
      componentTypes: [],
      headerFormats: [],
      buttonTypes: [],
      otpTypes: [],
      namedParameters: false,
      supportedApps: false,
    },
    quickRepliesWithCallToAction: true,
    otpRequires: {},
  };
}

const issuesOf = (draft: TemplateDraft, options?: ValidateTemplateDraftOptions) =>
  validateTemplateDraft(draft, options).map(({ code, path }) => ({ code, path }));

describe('validateTemplateDraft: one broken rule at a time', () => {
  it.each([
    ['utility', utilityDraft],
    ['named', namedDraft],
    ['marketing', marketingDraft],
    ['carousel', carouselDraft],
    ['limited-time offer', offerDraft],
    ['authentication', authenticationDraft],
  ])('finds nothing wrong with the valid %s draft', (_name, draft) => {
    expect(validateTemplateDraft(draft())).toEqual([]);
  });

  it.each(CASES)('$rule → $code at $path', ({ code, path, draft, options }) => {
    expect(issuesOf(draft, options)).toEqual([{ code, path }]);
  });

  it(`has at least 60 invalid drafts, and one for every code`, () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
    const covered = new Set(CASES.map((rule) => rule.code));
    expect(Object.keys(TEMPLATE_RULE_CODES).filter((code) => !covered.has(code as TemplateRuleCode))).toEqual(
      [],
    );
  });

  it('gives each issue the severity of its code, and a message', () => {
    for (const { draft, options } of CASES) {
      for (const issue of validateTemplateDraft(draft, options)) {
        expect(issue.severity).toBe(TEMPLATE_RULE_CODES[issue.code].severity);
        expect(issue.message.length).toBeGreaterThan(10);
      }
    }
  });
});

describe('validateTemplateDraft: several mistakes at once', () => {
  const codes = (draft: TemplateDraft, options?: ValidateTemplateDraftOptions) =>
    issuesOf(draft, options).map((issue) => `${issue.code} ${issue.path}`);

  it('reports every mistake of a draft, each at its place', () => {
    const draft = broken(utilityDraft, (d) => {
      d.name = 'Order Update';
      d.language = 'en-US';
      d.components[0] = { type: 'HEADER', format: 'TEXT', text: 'Order {{1}} for {{2}}' };
      d.components[1].text = '{{1}} {{2}} shipped';
      d.components[2].text = 'Bye {{1}}';
      d.components[3].buttons.push({ type: 'QUICK_REPLY', text: 'A reply longer than twenty-five' });
    });
    expect(codes(draft)).toEqual([
      'NAME_INVALID name',
      'LANGUAGE_INVALID language',
      'HEADER_TOO_MANY_VARIABLES components[0].text',
      'FOOTER_HAS_VARIABLE components[2].text',
      'EXAMPLE_MISSING components[0].example',
      'VARIABLES_ADJACENT components[1].text',
      'VARIABLE_AT_EDGE components[1].text',
      'VARIABLE_DENSITY components[1].text',
      'BUTTON_TEXT_TOO_LONG components[3].buttons[2].text',
    ]);
  });

  it("the design's own example is valid for WhatsApp but refused for CAMS, whose one Example map cannot hold both {{1}}", () => {
    const draft = broken(utilityDraft, (d) => {
      d.components[0] = {
        type: 'HEADER',
        format: 'TEXT',
        text: 'Order {{1}}',
        example: { headerText: ['#1042'] },
      };
      // A static URL, so that only the header and the body disagree.
      d.components[3] = {
        type: 'BUTTONS',
        buttons: [{ type: 'URL', text: 'Track', url: 'https://shop.example/t' }],
      };
    });
    expect(validateTemplateDraft(draft)).toEqual([]);
    expect(validateTemplateDraft(draft, { provider: NXCLOUD_SHAPED })).toEqual([]);
    expect(codes(draft, { provider: CAMS_SHAPED })).toEqual(['VENDOR_SAMPLE_CONFLICT components[1].example']);
  });

  it('samples of the wrong style: the right ones missing, the given ones unused', () => {
    const draft = broken(namedDraft, (d) => {
      d.components[1].example = { bodyText: [['Maria', '#1042']] };
    });
    expect(codes(draft)).toEqual([
      'EXAMPLE_UNUSED components[1].example.bodyText',
      'EXAMPLE_MISSING components[1].example',
    ]);
  });

  it('an authentication template written like a utility one', () => {
    const draft = broken(authenticationDraft, (d) => {
      d.components = [
        { type: 'HEADER', format: 'TEXT', text: 'Your code' },
        { type: 'BODY', text: 'Your code is {{1}}.', example: { bodyText: [['123456']] } },
        { type: 'FOOTER', text: 'Do not share it', codeExpirationMinutes: 120 },
        {
          type: 'BUTTONS',
          buttons: [
            { type: 'OTP', otpType: 'ZERO_TAP', text: 'Autofill', packageName: 'com.example.shop' },
            { type: 'URL', text: 'Help', url: 'https://shop.example/help' },
          ],
        },
      ];
    });
    expect(codes(draft)).toEqual([
      'AUTH_HEADER_NOT_ALLOWED components[0]',
      'AUTH_BODY_TEXT_NOT_ALLOWED components[1].text',
      'AUTH_FOOTER_TEXT_NOT_ALLOWED components[2].text',
      'CODE_EXPIRATION_OUT_OF_RANGE components[2].codeExpirationMinutes',
      'AUTH_TOO_MANY_BUTTONS components[3].buttons',
      'OTP_APP_INCOMPLETE components[3].buttons[0]',
      'AUTH_BUTTON_NOT_OTP components[3].buttons[1]',
    ]);
  });

  it('a draft whose shape is wrong gives only INVALID_DRAFT issues, one per field at fault', () => {
    const draft = {
      name: 'x',
      language: 'en',
      category: 'UTILITY',
      components: [{ type: 'BODY', text: 1 }, { type: 'BUTTONS' }],
    };
    expect(codes(draft as unknown as TemplateDraft)).toEqual([
      'INVALID_DRAFT components[0].text',
      'INVALID_DRAFT components[1].buttons',
    ]);
    expect(codes(null as unknown as TemplateDraft)).toEqual(['INVALID_DRAFT ']);
  });

  it('reports every field a draft does not have, at any depth, with the wrong types, at once', () => {
    const draft = broken(utilityDraft, (d) => {
      d.colour = 'red';
      d.id = '123';
      d.components[0].exmaple = {};
      d.components[1].example.bodyTxt = [['Ana']];
      // A wrong type and an unknown field in the same component: both are told.
      d.components[2] = { type: 'FOOTER', text: 7, note: 'x' };
      d.components[3].buttons[0].colour = 'blue';
    });
    expect(codes(draft)).toEqual([
      'INVALID_DRAFT components[2].text',
      'INVALID_DRAFT components[0].exmaple',
      'INVALID_DRAFT components[1].example.bodyTxt',
      'INVALID_DRAFT components[2].note',
      'INVALID_DRAFT components[3].buttons[0].colour',
      'INVALID_DRAFT colour',
      'INVALID_DRAFT id',
    ]);
    expect(validateTemplateDraft(draft).at(-2)?.message).toBe('`colour` is not a field of a template draft');
  });

  it('takes a field set to undefined as absent', () => {
    const draft = broken(utilityDraft, (d) => {
      d.parameterFormat = undefined;
      d.components[1].example.bodyTextNamedParams = undefined;
    });
    expect(validateTemplateDraft(draft)).toEqual([]);
  });

  it('refuses a draft nested thousands of levels deep with one issue, instead of overflowing the stack', () => {
    let card: Loose = { type: 'BODY', text: 'Hi' };
    for (let level = 0; level < 5_000; level += 1)
      card = { type: 'CAROUSEL', cards: [{ components: [card] }] };
    const deep = broken(utilityDraft, (d) => {
      d.components.push(card);
    });
    expect(codes(deep)).toEqual(['INVALID_DRAFT ']);
    expect(validateTemplateDraft(deep)[0]?.message).toContain('more than 64 levels');
    // A cycle through the draft's own fields nests without end.
    const cyclic = broken(carouselDraft, (d) => d.components[1].cards[0].components.push(d.components[1]));
    expect(codes(cyclic)).toEqual(['INVALID_DRAFT ']);
  });

  it('does not look into what a field a draft does not have holds, however deep or cyclic', () => {
    let junk: Loose = [];
    for (let level = 0; level < 100_000; level += 1) junk = [junk];
    expect(codes(broken(utilityDraft, (d) => (d.colour = junk)))).toEqual(['INVALID_DRAFT colour']);
    expect(codes(broken(utilityDraft, (d) => (d.self = d)))).toEqual(['INVALID_DRAFT self']);
  });
});
