import { InvalidRequestError } from '../../errors/error-classes.js';
import { TEMPLATE_CATEGORIES, type TemplateCategory } from '../template.js';
import { rejectUnknownKeys, requireOneOf } from './input-checks.js';
import type { TemplateDraftComponent } from './template-draft.js';
import { parseTemplateComponentsInput } from './template-draft-input.js';

/** What `templates.update` changes in a template; its name and language stay. */
export interface TemplateChanges {
  /** The template's category (`MARKETING`, `UTILITY`, `AUTHENTICATION`); its current one when absent. */
  category?: TemplateCategory;
  /** The template's new components, in full: they replace the current ones. */
  components: TemplateDraftComponent[];
  /** How long WhatsApp tries to deliver a message of this template, in seconds; `-1`: 30 days. */
  messageSendTtlSeconds?: number;
}

const CHANGE_KEYS = ['category', 'components', 'messageSendTtlSeconds'] as const;

/**
 * Checks the shape of an update's changes. The rules a draft obeys are checked later, on the
 * draft the changes make of the current template.
 *
 * @throws InvalidRequestError naming the field at fault; TemplateValidationError for components
 *   of the wrong shape.
 */
export function parseTemplateChanges(input: unknown): TemplateChanges {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new InvalidRequestError('templates.update expects the changes as an object with `components`', {
      field: 'components',
    });
  }
  const raw = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
  rejectUnknownKeys(raw, CHANGE_KEYS, 'templates.update');
  const components = parseTemplateComponentsInput(raw.components);
  const category =
    raw.category === undefined ? undefined : requireOneOf(raw.category, TEMPLATE_CATEGORIES, 'category');
  const ttl = raw.messageSendTtlSeconds;
  if (ttl !== undefined && (typeof ttl !== 'number' || !Number.isSafeInteger(ttl))) {
    throw new InvalidRequestError('`messageSendTtlSeconds` must be an integer number of seconds', {
      field: 'messageSendTtlSeconds',
    });
  }
  return {
    components,
    ...(category !== undefined && { category }),
    ...(ttl !== undefined && { messageSendTtlSeconds: ttl }),
  };
}
