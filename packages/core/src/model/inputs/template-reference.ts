import type { GetTemplateRequest } from '../../provider/requests.js';
import {
  rejectUnknownKeys,
  requireIdentifier,
  requireLanguageCode,
  requireObject,
  requireTemplateName,
} from './input-checks.js';

/** A template by the vendor's id, or by its cross-vendor identity: name and language. */
export type TemplateReference = { id: string } | { name: string; language: string };

/**
 * Checks a template reference.
 *
 * @throws InvalidRequestError naming the field at fault.
 */
export function parseTemplateReference(reference: unknown, what: string): GetTemplateRequest {
  const ref = requireObject(reference, what);
  if ('id' in ref) {
    rejectUnknownKeys(ref, ['id'], what);
    return { id: requireIdentifier(ref.id, 'id') };
  }
  rejectUnknownKeys(ref, ['name', 'language'], what);
  return {
    name: requireTemplateName(ref.name),
    language: requireLanguageCode(ref.language, 'language'),
  };
}
