import { InvalidRequestError } from '@whatsapp-bsp/core';
import { NXCLOUD_PROVIDER_ID } from './nxcloud-id.js';

/*
 * NXCloud-specific checks on what a caller asks for, made before anything is sent. The core
 * client has already checked the generic shape (non-empty strings, page size range); these
 * check what only this vendor defines.
 */

function invalid(field: string, message: string): InvalidRequestError {
  return new InvalidRequestError(message, { provider: NXCLOUD_PROVIDER_ID, field });
}

/** Meta flow ids are digit strings such as `3603023670018851`. */
export function requireFlowId(value: unknown): string {
  if (typeof value !== 'string' || !/^\d{1,32}$/.test(value)) {
    throw invalid('id', '`id` must be an NXCloud flow id: a string of up to 32 digits');
  }
  return value;
}

/** Meta's `after` cursors are short base64-like tokens; anything else is not one of them. */
export function optionalCursor(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^[\x21-\x7e]{1,1024}$/.test(value)) {
    throw invalid(
      'cursor',
      '`cursor` must be an NXCloud paging cursor: 1 to 1024 printable characters, no spaces',
    );
  }
  return value;
}

export function requirePageSize(value: unknown, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max) {
    throw invalid('pageSize', `\`pageSize\` must be an integer from 1 to ${max} on NXCloud`);
  }
  return value;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is rejected
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

/** Meta template names are at most 512 characters (lower-case letters, digits, underscores). */
export function requireTemplateName(value: unknown): string {
  if (
    typeof value !== 'string' ||
    value.trim() === '' ||
    value.length > 512 ||
    CONTROL_CHARACTER.test(value)
  ) {
    throw invalid('name', '`name` must be a template name of 1 to 512 characters');
  }
  return value;
}

/** Meta language codes: `en`, `en_US`, `zh_CN`, `fil`, `es_LA`; a hyphen is accepted for `_`. */
export function requireLanguage(value: unknown): string {
  if (typeof value !== 'string' || !/^[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8})?$/.test(value)) {
    throw invalid('language', '`language` must be a WhatsApp language code such as `en_US` or `fil`');
  }
  return value;
}

/** `en-US` and `en_us` name the same language as NXCloud's `en_US`. */
export function sameLanguage(a: string, b: string): boolean {
  return a.replace(/-/g, '_').toLowerCase() === b.replace(/-/g, '_').toLowerCase();
}
