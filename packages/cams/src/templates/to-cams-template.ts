import {
  type TemplateCategory,
  type TemplateDraft,
  type TemplateDraftButton,
  type TemplateDraftComponent,
  UnsupportedOperationError,
} from '@whatsapp-bsp/core';
import {
  definedOnly,
  isPositionalVariable,
  templateVariableNames,
  urlButtonSampleValue,
} from '@whatsapp-bsp/core/adapter';

/*
 * A template draft as CreateChatappTemplate and ModifyChatappTemplate take it: `Components`, a JSON
 * array of PascalCase components, and `Example`, one template-level JSON map from each variable as
 * written (`{{1}}`, `{{first_name}}`) to its sample, both sent as text in the form body as the
 * official SDK 1.4.2 sends them. The inverse of map-cams-template.ts.
 * https://alibabacloud.com/help/en/chatapp/developer-reference/api-cams-2020-06-06-createchatapptemplate
 *
 * What this wire cannot carry is refused before anything is sent, with an UnsupportedOperationError
 * naming the draft's field, never dropped: upload handles (CAMS takes media by URL), a second set of
 * body samples, two different samples for one variable, a carousel card's samples (the one map
 * cannot tell a card's {{1}} from the body's), flows named by name or JSON, Meta-only template
 * fields, and the types the model does not know.
 */

/** The content parameters of a create or a modify, as text. */
export interface CamsTemplateContent {
  readonly Components: string;
  /** Absent when no variable has a sample. */
  readonly Example?: string;
}

/** CAMS's `MessageSendTtlSeconds` needs its WABA allow-listed; sent as text, as the SDK sends integers. */
export function camsTtlParameter(ttlSeconds: number | undefined): { MessageSendTtlSeconds?: string } {
  return ttlSeconds === undefined ? {} : { MessageSendTtlSeconds: String(ttlSeconds) };
}

/** The draft fields only Meta's own API takes. */
const META_ONLY_FIELDS = ['subCategory', 'libraryTemplateName', 'ctaUrlLinkTrackingOptedOut'] as const;

/**
 * The content parameters of a whole draft.
 * @throws UnsupportedOperationError (`outcome: 'not-sent'`) naming the first field CAMS cannot carry.
 */
export function toCamsTemplate(draft: TemplateDraft): CamsTemplateContent {
  for (const field of META_ONLY_FIELDS) {
    if (draft[field] !== undefined) {
      throw unsupported(field, `CAMS has no parameter for ${field}, which only Meta's own API takes`);
    }
  }
  return toCamsTemplateContent(draft.components, draft.category);
}

/**
 * The content parameters of a list of components (a modify sends no name or format).
 * @throws UnsupportedOperationError naming the first field CAMS cannot carry.
 */
export function toCamsTemplateContent(
  components: readonly TemplateDraftComponent[],
  category: TemplateCategory,
): CamsTemplateContent {
  if (category === 'UNKNOWN') throw unsupported('category', 'CAMS needs a category it knows');
  const samples = new SampleMap();
  const wire = components.map((component, index) =>
    camsComponent(component, `components[${index}]`, category, samples),
  );
  const example = samples.toJson();
  return example === undefined
    ? { Components: JSON.stringify(wire) }
    : { Components: JSON.stringify(wire), Example: example };
}

type WireObject = Record<string, unknown>;

function camsComponent(
  component: TemplateDraftComponent,
  path: string,
  category: TemplateCategory,
  samples: SampleMap | undefined,
): WireObject {
  switch (component.type) {
    case 'HEADER': {
      const { format, text, example } = component;
      if (format === 'UNKNOWN' || format === 'GIF' || format === 'PRODUCT') {
        throw unsupported(`${path}.format`, `CAMS cannot carry a ${format} header`);
      }
      if (example?.headerHandle !== undefined) {
        throw unsupported(
          `${path}.example.headerHandle`,
          'CAMS takes a media sample by URL, not by upload handle: upload it with templates.uploadMedia and give example.headerUrl',
        );
      }
      if (text !== undefined) {
        addSamples(samples, text, example?.headerText, example?.headerTextNamedParams, `${path}.example`);
      }
      return definedOnly({ Type: 'HEADER', Format: format, Text: text, Url: example?.headerUrl });
    }
    case 'BODY': {
      const { text, example } = component;
      if (example?.bodyText !== undefined && example.bodyText.length > 1) {
        throw unsupported(`${path}.example.bodyText[1]`, 'CAMS keeps one set of samples per template');
      }
      if (text !== undefined) {
        addSamples(samples, text, example?.bodyText?.[0], example?.bodyTextNamedParams, `${path}.example`);
      }
      return definedOnly({
        Type: 'BODY',
        Text: text,
        AddSecretRecommendation: component.addSecurityRecommendation,
      });
    }
    case 'FOOTER':
      return definedOnly({
        Type: 'FOOTER',
        Text: component.text,
        CodeExpirationMinutes: component.codeExpirationMinutes,
      });
    case 'BUTTONS':
      return {
        Type: 'BUTTONS',
        Buttons: component.buttons.map((button, index) =>
          camsButton(button, `${path}.buttons[${index}]`, category, samples),
        ),
      };
    case 'CAROUSEL':
      return {
        Type: 'CAROUSEL',
        Cards: component.cards.map((card, cardIndex) => ({
          CardComponents: card.components.map((part, partIndex) =>
            // No samples: the one Example map cannot tell a card's variables from the body's.
            camsComponent(part, `${path}.cards[${cardIndex}].components[${partIndex}]`, category, undefined),
          ),
        })),
      };
    case 'LIMITED_TIME_OFFER':
      // `HasExpiration` with a capital H in requests; detail answers spell it `hasExpiration`.
      return definedOnly({
        Type: 'LIMITED_TIME_OFFER',
        Text: component.text,
        HasExpiration: component.hasExpiration,
      });
    case 'UNKNOWN':
      throw unsupported(`${path}.type`, `CAMS cannot carry a component of unknown type ${component.rawType}`);
  }
}

function camsButton(
  button: TemplateDraftButton,
  path: string,
  category: TemplateCategory,
  samples: SampleMap | undefined,
): WireObject {
  switch (button.type) {
    case 'QUICK_REPLY':
      return { Type: 'QUICK_REPLY', Text: button.text };
    case 'URL': {
      const variables = templateVariableNames(button.url);
      const sample = button.example?.[0];
      if (button.example !== undefined && button.example.length > 1) {
        throw unsupported(`${path}.example[1]`, 'CAMS keeps one sample per variable');
      }
      if (sample !== undefined) addUrlSample(samples, button.url, variables, sample, `${path}.example`);
      return {
        Type: 'URL',
        Text: button.text,
        Url: button.url,
        UrlType: variables.length > 0 ? 'dynamic' : 'static',
      };
    }
    case 'PHONE_NUMBER':
      return { Type: 'PHONE_NUMBER', Text: button.text, PhoneNumber: button.phoneNumber };
    case 'COPY_CODE':
      // A coupon; in AUTHENTICATION templates COPY_CODE is the one-time-password button instead.
      if (category === 'AUTHENTICATION') {
        throw unsupported(
          `${path}.type`,
          'CAMS reads a COPY_CODE button of an AUTHENTICATION template as its one-time password: use an OTP button',
        );
      }
      return definedOnly({ Type: 'COPY_CODE', Text: button.text, CouponCode: button.example });
    case 'OTP': {
      // CAMS has no OTP wrapper: the OTP type is the button's type, in AUTHENTICATION templates only.
      if (button.otpType === 'UNKNOWN')
        throw unsupported(`${path}.otpType`, 'CAMS needs an OTP type it knows');
      if (category !== 'AUTHENTICATION') {
        throw unsupported(`${path}.type`, 'CAMS carries OTP buttons in AUTHENTICATION templates only');
      }
      return definedOnly({
        Type: button.otpType,
        Text: button.text,
        AutofillText: button.autofillText,
        PackageName: button.packageName,
        SignatureHash: button.signatureHash,
        // Newer than SDK 1.4.2's models; the adapter sends the JSON itself.
        SupportedApps: button.supportedApps?.map((app) =>
          definedOnly({ PackageName: app.packageName, SignatureHash: app.signatureHash }),
        ),
      });
    }
    case 'FLOW': {
      if (button.flowId === undefined) {
        const field = button.flowName !== undefined ? 'flowName' : 'flowJson';
        throw unsupported(`${path}.${field}`, 'CAMS names a flow button’s flow by its id only (FlowId)');
      }
      if (button.flowAction === 'UNKNOWN')
        throw unsupported(`${path}.flowAction`, 'CAMS needs a flow action it knows');
      return definedOnly({
        Type: 'FLOW',
        Text: button.text,
        FlowId: button.flowId,
        // Upper case on CAMS, lower case in Meta's API and the model.
        FlowAction: button.flowAction.toUpperCase(),
        NavigateScreen: button.navigateScreen,
      });
    }
    case 'CATALOG':
    case 'MPM':
      return definedOnly({ Type: button.type, Text: button.text });
    case 'VOICE_CALL':
      throw unsupported(`${path}.type`, 'CAMS cannot carry a VOICE_CALL button');
    case 'UNKNOWN':
      throw unsupported(`${path}.type`, `CAMS cannot carry a button of unknown type ${button.rawType}`);
  }
}

/**
 * A text's samples into the template's one map: positional ones by number (`bodyText[0][n-1]` is
 * `{{n}}`'s), named ones by name.
 */
function addSamples(
  samples: SampleMap | undefined,
  text: string,
  positional: readonly string[] | undefined,
  named: readonly { paramName: string; example: string }[] | undefined,
  path: string,
): void {
  for (const name of templateVariableNames(text)) {
    const sample = isPositionalVariable(name)
      ? positional?.[Number(name) - 1]
      : named?.find((entry) => entry.paramName === name)?.example;
    if (sample === undefined) continue;
    if (samples === undefined) {
      throw unsupported(path, 'CAMS’s one Example map cannot hold a carousel card’s samples');
    }
    samples.add(name, sample, path);
  }
}

/**
 * A dynamic URL's sample is the whole URL (Meta's form); CAMS's map holds the variable's value, the
 * part the sample puts where the URL has its variable.
 */
function addUrlSample(
  samples: SampleMap | undefined,
  url: string,
  variables: readonly string[],
  sample: string,
  path: string,
): void {
  if (variables.length === 0) throw unsupported(path, 'CAMS takes no sample for a URL without a variable');
  const [name] = variables;
  const value = urlButtonSampleValue(url, sample);
  if (variables.length > 1 || name === undefined || value === undefined) {
    throw unsupported(
      path,
      'CAMS takes a URL sample only as the URL with its one variable filled in, or as the variable’s value',
    );
  }
  if (samples === undefined) {
    throw unsupported(path, 'CAMS’s one Example map cannot hold a carousel card’s samples');
  }
  samples.add(name, value, path);
}

/** CAMS's `Example`: one sample per variable for the whole template. */
class SampleMap {
  readonly #samples = new Map<string, string>();

  add(name: string, sample: string, path: string): void {
    const key = `{{${name}}}`;
    const earlier = this.#samples.get(key);
    if (earlier !== undefined && earlier !== sample) {
      throw unsupported(
        path,
        `CAMS keeps one sample per variable for the whole template, and ${key} has both '${earlier}' and '${sample}'; give them the same sample`,
      );
    }
    this.#samples.set(key, sample);
  }

  toJson(): string | undefined {
    return this.#samples.size === 0 ? undefined : JSON.stringify(Object.fromEntries(this.#samples));
  }
}

function unsupported(field: string, message: string): UnsupportedOperationError {
  return new UnsupportedOperationError(`${message} (${field}); nothing was sent`, {
    provider: 'cams',
    field,
    outcome: 'not-sent',
  });
}
