import type {
  BodyComponent,
  FooterComponent,
  HeaderComponent,
  TemplateButton,
  TemplateComponent,
} from '../model.js';
import { variablesOf } from '../store/check-template-content.js';
import {
  arrayAt,
  isWireObject,
  objectAt,
  optionalBoolean,
  optionalInteger,
  optionalText,
  parseJsonText,
  requiredText,
  WireError,
  type WireObject,
} from '../wire-reader.js';

/*
 * The `Components` and `Example` parameters of CreateChatappTemplate and ModifyChatappTemplate,
 * JSON text in PascalCase as the official SDK sends them, read into the store's records: the
 * inverse of render-cams-template.ts. Samples come from the one template-level `Example` map:
 * the body's variables in order, and the header's `{{1}}`.
 * https://alibabacloud.com/help/en/chatapp/developer-reference/api-cams-2020-06-06-createchatapptemplate
 */

type ButtonOf<Type extends TemplateButton['type']> = Extract<TemplateButton, { type: Type }>;

export function readCamsComponents(
  componentsText: string,
  exampleText: string | undefined,
  category: string,
): TemplateComponent[] {
  const list = arrayAt(parseJsonText(componentsText, 'Components'), 'Components');
  if (list.length === 0) throw new WireError('Components', 'must not be empty');
  const examples = exampleMap(exampleText);
  return list.map((item, index) =>
    component(objectAt(item, `Components[${index}]`), `Components[${index}]`, examples, category),
  );
}

function exampleMap(text: string | undefined): Map<string, string> {
  if (text === undefined || text === '') return new Map();
  const value = parseJsonText(text, 'Example');
  if (!isWireObject(value) || !Object.values(value).every((sample) => typeof sample === 'string')) {
    throw new WireError('Example', 'must be a JSON object of strings');
  }
  return new Map(Object.entries(value as Record<string, string>));
}

function component(
  part: WireObject,
  path: string,
  examples: ReadonlyMap<string, string>,
  category: string,
): TemplateComponent {
  const type = requiredText(part, 'Type', path);
  const text = optionalText(part, 'Text', path);
  switch (type) {
    case 'HEADER': {
      const header: HeaderComponent = { type, format: requiredText(part, 'Format', path) };
      if (text !== undefined) header.text = text;
      const sample = variablesOf(text).length === 1 ? examples.get(`{{${variablesOf(text)[0]}}}`) : undefined;
      if (sample !== undefined) header.example = sample;
      const url = optionalText(part, 'Url', path);
      if (url !== undefined) header.mediaUrl = url;
      return header;
    }
    case 'BODY': {
      const body: BodyComponent = { type };
      if (text !== undefined) body.text = text;
      const samples = variablesOf(text).map((name) => examples.get(`{{${name}}}`));
      if (samples.length > 0 && samples.every((sample) => sample !== undefined))
        body.example = samples as string[];
      const security = optionalBoolean(part, 'AddSecretRecommendation', path);
      if (security !== undefined) body.addSecurityRecommendation = security;
      return body;
    }
    case 'FOOTER': {
      const footer: FooterComponent = { type };
      if (text !== undefined) footer.text = text;
      const minutes = optionalInteger(part, 'CodeExpirationMinutes', path);
      if (minutes !== undefined) footer.codeExpirationMinutes = minutes;
      return footer;
    }
    case 'BUTTONS': {
      const buttons = arrayAt(part.Buttons, `${path}.Buttons`);
      if (buttons.length === 0) throw new WireError(`${path}.Buttons`, 'must not be empty');
      return {
        type,
        buttons: buttons.map((item, index) =>
          button(objectAt(item, `${path}.Buttons[${index}]`), `${path}.Buttons[${index}]`, category),
        ),
      };
    }
    case 'LIMITED_TIME_OFFER':
      return {
        type,
        text: requiredText(part, 'Text', path),
        // `HasExpiration` in create and modify requests; the detail answer spells it `hasExpiration`.
        hasExpiration:
          optionalBoolean(part, 'HasExpiration', path) ??
          optionalBoolean(part, 'hasExpiration', path) ??
          false,
      };
    default:
      throw new WireError(`${path}.Type`, `${type} is not a component type the emulator holds`);
  }
}

function button(item: WireObject, path: string, category: string): TemplateButton {
  const type = requiredText(item, 'Type', path);
  switch (type) {
    case 'QUICK_REPLY':
      return { type, text: requiredText(item, 'Text', path) };
    case 'URL':
      return { type, text: requiredText(item, 'Text', path), url: requiredText(item, 'Url', path) };
    case 'PHONE_NUMBER':
      return {
        type,
        text: requiredText(item, 'Text', path),
        phoneNumber: requiredText(item, 'PhoneNumber', path),
      };
    case 'COPY_CODE':
    case 'ONE_TAP':
      // CAMS has no OTP wrapper: in an authentication template these are the one-time-password
      // buttons; elsewhere COPY_CODE is a coupon code.
      if (category === 'AUTHENTICATION') return otpButton(item, path, type);
      if (type === 'ONE_TAP') throw new WireError(`${path}.Type`, 'ONE_TAP is for AUTHENTICATION templates');
      return coupon(item, path);
    case 'FLOW': {
      const action = (optionalText(item, 'FlowAction', path) ?? 'NAVIGATE').toLowerCase();
      if (action !== 'navigate' && action !== 'data_exchange') {
        throw new WireError(`${path}.FlowAction`, 'must be NAVIGATE or DATA_EXCHANGE');
      }
      const flow: ButtonOf<'FLOW'> = {
        type,
        text: requiredText(item, 'Text', path),
        flowId: requiredText(item, 'FlowId', path),
        flowAction: action,
      };
      const screen = optionalText(item, 'NavigateScreen', path);
      if (screen !== undefined) flow.navigateScreen = screen;
      return flow;
    }
    default:
      throw new WireError(`${path}.Type`, `${type} is not a button type`);
  }
}

function coupon(item: WireObject, path: string): ButtonOf<'COPY_CODE'> {
  const button: ButtonOf<'COPY_CODE'> = {
    type: 'COPY_CODE',
    example: requiredText(item, 'CouponCode', path),
  };
  const text = optionalText(item, 'Text', path);
  if (text !== undefined) button.text = text;
  return button;
}

function otpButton(item: WireObject, path: string, otpType: 'COPY_CODE' | 'ONE_TAP'): ButtonOf<'OTP'> {
  const button: ButtonOf<'OTP'> = { type: 'OTP', otpType, text: requiredText(item, 'Text', path) };
  // ONE_TAP needs the app that fills the code in (the reference's button rules).
  const app = otpType === 'ONE_TAP' ? requiredText : optionalText;
  for (const [key, field] of [
    ['AutofillText', 'autofillText'],
    ['PackageName', 'packageName'],
    ['SignatureHash', 'signatureHash'],
  ] as const) {
    const value = app(item, key, path);
    if (value !== undefined) button[field] = value;
  }
  return button;
}
