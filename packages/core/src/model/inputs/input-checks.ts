import { isWellFormedText } from '../../adapter/transport/well-formed-text.js';
import { InvalidRequestError } from '../../errors/error-classes.js';

/*
 * The primitive checks of user input, shared by the input parsers beside this file. They throw
 * InvalidRequestError naming the field, with `outcome: 'not-sent'`: nothing is sent for bad input.
 */

/** The longest identifier taken by default: ids, cursors, flow names (which have their own 200). */
const MAX_ID_LENGTH = 256;

/** Meta's limit on a template name: 512 characters (its template management page). */
export const MAX_TEMPLATE_NAME_LENGTH = 512;

/**
 * A non-empty identifier (an id, a name, a language code, a cursor) without control characters
 * or surrounding white space, of at most `maxLength` characters (256 unless the field has its own
 * limit). White space is refused rather than trimmed, so that a name means the same on every
 * vendor (one vendor trimming it and another not would find different things). Vendor-specific
 * formats are the adapter's to check.
 */
export function requireIdentifier(value: unknown, field: string, maxLength = MAX_ID_LENGTH): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InvalidRequestError(`\`${field}\` must be a non-empty string`, { field });
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is rejected
  if (value.length > maxLength || /[\u0000-\u001f\u007f]/.test(value)) {
    throw new InvalidRequestError(
      `\`${field}\` must be at most ${maxLength} characters with no control characters`,
      { field },
    );
  }
  if (value.trim() !== value) {
    throw new InvalidRequestError(`\`${field}\` must not start or end with white space`, { field });
  }
  // A lone surrogate has no UTF-8 encoding: no vendor could be sent it as it is.
  if (!isWellFormedText(value)) {
    throw new InvalidRequestError(`\`${field}\` holds text that cannot be encoded (a lone surrogate)`, {
      field,
    });
  }
  return value;
}

/**
 * A template name as the client takes it, wherever one is given (a draft, a reference, a delete,
 * a list filter): an identifier of at most 512 characters, Meta's limit. Meta's own pattern
 * (lower-case letters, digits, underscores) is `validateTemplateDraft`'s `NAME_INVALID` for a
 * draft; a reference is only looked up, so a name read from a vendor is taken as it is.
 */
export function requireTemplateName(value: unknown, field = 'name'): string {
  return requireIdentifier(value, field, MAX_TEMPLATE_NAME_LENGTH);
}

export function optionalPositiveInteger(value: unknown, field: string, max = Number.MAX_SAFE_INTEGER) {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1 || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? 'a positive integer' : `an integer from 1 to ${max}`;
    throw new InvalidRequestError(`\`${field}\` must be ${range}`, { field });
  }
  return value;
}

export function optionalSignal(value: unknown): AbortSignal | undefined {
  if (value === undefined || value instanceof AbortSignal) return value;
  throw new InvalidRequestError('`signal` must be an AbortSignal', { field: 'signal' });
}

/** Refuses keys the operation does not know, so a misspelt option is never silently ignored. */
export function rejectUnknownKeys(value: object, known: readonly string[], what: string): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) {
      throw new InvalidRequestError(
        `Unknown option \`${key}\` for ${what}; expected one of: ${known.join(', ')}`,
        {
          field: key,
        },
      );
    }
  }
}

export function requireObject(value: unknown, what: string): Record<string, unknown> {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidRequestError(`${what} expects an options object`);
  }
  return value as Record<string, unknown>;
}

export function requireOneOf<const V extends string>(value: unknown, values: readonly V[], field: string): V {
  if (typeof value === 'string' && (values as readonly string[]).includes(value)) return value as V;
  throw new InvalidRequestError(`\`${field}\` must be one of: ${values.join(', ')}`, { field });
}

/**
 * A WhatsApp template language code in Meta's form: `en`, `fil`, `en_US`, `zh_CN`, `es_LA` (a
 * hyphen is accepted for the underscore). A value such as `English` is refused before anything is
 * sent, on every vendor, instead of ending as a NotFoundError after a request.
 */
export function requireLanguageCode(value: unknown, field: string): string {
  const language = requireIdentifier(value, field);
  if (!/^[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8})?$/.test(language)) {
    throw new InvalidRequestError(
      `\`${field}\` must be a WhatsApp language code such as \`en_US\` or \`fil\``,
      {
        field,
      },
    );
  }
  return language;
}
