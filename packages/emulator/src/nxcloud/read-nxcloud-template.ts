import type {
  BodyComponent,
  FooterComponent,
  HeaderComponent,
  TemplateButton,
  TemplateComponent,
} from '../model.js';
import {
  arrayAt,
  objectAt,
  optionalBoolean,
  optionalInteger,
  optionalText,
  requiredText,
  WireError,
  type WireObject,
} from '../wire-reader.js';

/*
 * The `components` of NXCloud's createTemplate and updateTemplate, in Meta's snake_case as the
 * pages document them, read into the store's records: the inverse of render-nxcloud-template.ts.
 * `header_text` is an array of one string and `body_text` an array of arrays, as in every vendor
 * example; the flat forms of the 2023 English pages are refused, as Meta refuses them.
 * https://github.com/nxtele/http-api-document/wiki/WhatsApp-API-createTemplate
 */

type ButtonOf<Type extends TemplateButton['type']> = Extract<TemplateButton, { type: Type }>;

export function readNxcloudComponents(value: unknown): TemplateComponent[] {
  const list = arrayAt(value, 'components');
  if (list.length === 0) throw new WireError('components', 'must not be empty');
  return list.map((item, index) => component(objectAt(item, `components[${index}]`), `components[${index}]`));
}

function component(part: WireObject, path: string): TemplateComponent {
  const type = requiredText(part, 'type', path);
  const example =
    part.example === undefined || part.example === null
      ? undefined
      : objectAt(part.example, `${path}.example`);
  switch (type) {
    case 'HEADER': {
      const header: HeaderComponent = { type, format: requiredText(part, 'format', path) };
      const text = optionalText(part, 'text', path);
      if (text !== undefined) header.text = text;
      if (example) {
        const samples = example.header_text;
        if (samples !== undefined) {
          const list = arrayAt(samples, `${path}.example.header_text`);
          if (list.length !== 1 || typeof list[0] !== 'string') {
            throw new WireError(`${path}.example.header_text`, 'must hold exactly one string');
          }
          header.example = list[0];
        }
        // A custom URL wins over an uploaded handle, as the createTemplate page says.
        const media =
          optionalText(example, 'custom_header_handle_url', `${path}.example`) ?? headerHandle(example, path);
        if (media !== undefined) header.mediaUrl = media;
      }
      return header;
    }
    case 'BODY': {
      const body: BodyComponent = { type };
      const text = optionalText(part, 'text', path);
      if (text !== undefined) body.text = text;
      const security = optionalBoolean(part, 'add_security_recommendation', path);
      if (security !== undefined) body.addSecurityRecommendation = security;
      if (example?.body_text !== undefined)
        body.example = bodySamples(example.body_text, `${path}.example.body_text`);
      return body;
    }
    case 'FOOTER': {
      const footer: FooterComponent = { type };
      const text = optionalText(part, 'text', path);
      if (text !== undefined) footer.text = text;
      const minutes = optionalInteger(part, 'code_expiration_minutes', path);
      if (minutes !== undefined) footer.codeExpirationMinutes = minutes;
      return footer;
    }
    case 'BUTTONS': {
      const buttons = arrayAt(part.buttons, `${path}.buttons`);
      if (buttons.length === 0) throw new WireError(`${path}.buttons`, 'must not be empty');
      return {
        type,
        buttons: buttons.map((item, index) =>
          button(objectAt(item, `${path}.buttons[${index}]`), `${path}.buttons[${index}]`),
        ),
      };
    }
    case 'LIMITED_TIME_OFFER': {
      const offer = objectAt(part.limited_time_offer, `${path}.limited_time_offer`);
      return {
        type,
        text: requiredText(offer, 'text', `${path}.limited_time_offer`),
        hasExpiration: optionalBoolean(offer, 'has_expiration', `${path}.limited_time_offer`) ?? false,
      };
    }
    default:
      throw new WireError(`${path}.type`, `${type} is not a component type the emulator holds`);
  }
}

/** `header_handle`: a string as getTemplate shows it, or Meta's array of one handle. */
function headerHandle(example: WireObject, path: string): string | undefined {
  const value = example.header_handle;
  if (Array.isArray(value) && value.length === 1 && typeof value[0] === 'string') return value[0];
  return optionalText(example, 'header_handle', `${path}.example`);
}

function bodySamples(value: unknown, path: string): string[] {
  const rows = arrayAt(value, path);
  const first = rows[0];
  if (rows.length !== 1 || !Array.isArray(first) || !first.every((sample) => typeof sample === 'string')) {
    throw new WireError(path, 'must be an array holding one array of strings');
  }
  return first as string[];
}

function button(item: WireObject, path: string): TemplateButton {
  const type = requiredText(item, 'type', path);
  switch (type) {
    case 'QUICK_REPLY':
      return { type, text: requiredText(item, 'text', path) };
    case 'URL': {
      const url: ButtonOf<'URL'> = {
        type,
        text: requiredText(item, 'text', path),
        url: requiredText(item, 'url', path),
      };
      if (item.example !== undefined) {
        const samples = arrayAt(item.example, `${path}.example`);
        if (samples.length !== 1 || typeof samples[0] !== 'string') {
          throw new WireError(`${path}.example`, 'must hold exactly one string');
        }
        url.example = samples[0];
      }
      return url;
    }
    case 'PHONE_NUMBER':
      return {
        type,
        text: requiredText(item, 'text', path),
        phoneNumber: requiredText(item, 'phone_number', path),
      };
    case 'COPY_CODE': {
      const coupon: ButtonOf<'COPY_CODE'> = { type, example: requiredText(item, 'example', path) };
      const text = optionalText(item, 'text', path);
      if (text !== undefined) coupon.text = text;
      return coupon;
    }
    case 'OTP': {
      const otpType = requiredText(item, 'otp_type', path);
      if (otpType !== 'COPY_CODE' && otpType !== 'ONE_TAP') {
        throw new WireError(`${path}.otp_type`, 'must be COPY_CODE or ONE_TAP');
      }
      const otp: ButtonOf<'OTP'> = { type, otpType, text: requiredText(item, 'text', path) };
      // One-tap buttons name the app that fills the code in (createTemplate page: all required).
      const app = otpType === 'ONE_TAP' ? requiredText : optionalText;
      for (const [key, field] of [
        ['autofill_text', 'autofillText'],
        ['package_name', 'packageName'],
        ['signature_hash', 'signatureHash'],
      ] as const) {
        const value = app(item, key, path);
        if (value !== undefined) otp[field] = value;
      }
      return otp;
    }
    case 'FLOW': {
      const action = optionalText(item, 'flow_action', path) ?? 'navigate';
      if (action !== 'navigate' && action !== 'data_exchange') {
        throw new WireError(`${path}.flow_action`, 'must be navigate or data_exchange');
      }
      const flow: ButtonOf<'FLOW'> = {
        type,
        text: requiredText(item, 'text', path),
        flowId: requiredText(item, 'flow_id', path),
        flowAction: action,
      };
      const screen = optionalText(item, 'navigate_screen', path);
      if (screen !== undefined) flow.navigateScreen = screen;
      return flow;
    }
    default:
      throw new WireError(`${path}.type`, `${type} is not a button type`);
  }
}
