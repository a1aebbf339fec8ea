import { InvalidRequestError } from '@whatsapp-bsp/core';
import { isRecord } from '@whatsapp-bsp/core/adapter';
import { NXCLOUD_PROVIDER_ID } from '../nxcloud-id.js';

/*
 * Template languages as NXCloud names them: Meta's codes, `en`, `en_US`, `zh_CN`, `fil`, `es_LA`.
 */

/**
 * A code in Meta's form; a hyphen is accepted for `_`. The client has already checked that
 * `language` is a non-empty identifier, not its form: a value such as `English` is refused here
 * before anything is sent, rather than ending as a NotFoundError after a request.
 */
export function requireLanguage(language: string): string {
  if (!/^[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8})?$/.test(language)) {
    throw new InvalidRequestError('`language` must be a WhatsApp language code such as `en_US` or `fil`', {
      provider: NXCLOUD_PROVIDER_ID,
      field: 'language',
    });
  }
  return language;
}

/** `en-US` and `en_us` name the same language as NXCloud's `en_US`. */
export function sameLanguage(a: string, b: string): boolean {
  return a.replace(/-/g, '_').toLowerCase() === b.replace(/-/g, '_').toLowerCase();
}

/**
 * The template named `name` in `language` among getTemplate's items for that name, as received;
 * undefined when there is none. The name is compared exactly, whatever matching the vendor
 * applies to its `name` filter.
 */
export function templateInLanguage(items: readonly unknown[], name: string, language: string): unknown {
  return items.find(
    (item) =>
      isRecord(item) &&
      item.name === name &&
      typeof item.language === 'string' &&
      sameLanguage(item.language, language),
  );
}
