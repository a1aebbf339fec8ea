import { isRecord } from '../../adapter/is-record.js';
import { InvalidRequestError } from '../../errors/error-classes.js';
import {
  rejectUnknownKeys,
  requireIdentifier,
  requireLanguageCode,
  requireTemplateName,
} from './input-checks.js';

/**
 * What `templates.delete` removes: every language of a name (`{ name }`), one language of it
 * (`{ name, language }`), or one template by the vendor's id (`{ id }`).
 */
export type TemplateDeleteReference = { name: string } | { name: string; language: string } | { id: string };

const WHAT = 'templates.delete';

/**
 * Checks a delete's reference. Keys set to `undefined` count as absent.
 *
 * @throws InvalidRequestError naming the field at fault.
 */
export function parseTemplateDeleteReference(reference: unknown): TemplateDeleteReference {
  if (!isRecord(reference)) {
    throw new InvalidRequestError(`${WHAT} expects { name }, { name, language } or { id }`);
  }
  const given = Object.fromEntries(Object.entries(reference).filter(([, value]) => value !== undefined));
  if ('id' in given) {
    rejectUnknownKeys(given, ['id'], WHAT);
    return { id: requireIdentifier(given.id, 'id') };
  }
  rejectUnknownKeys(given, ['name', 'language'], WHAT);
  const name = requireTemplateName(given.name);
  if (given.language === undefined) return { name };
  return { name, language: requireLanguageCode(given.language, 'language') };
}
