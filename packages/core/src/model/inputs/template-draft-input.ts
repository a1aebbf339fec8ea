import { z } from 'zod';
import { isRecord } from '../../adapter/is-record.js';
import { InvalidRequestError } from '../../errors/error-classes.js';
import { checkTemplateDraftShape } from '../../validation/template-draft/template-draft-shape.js';
import { TemplateValidationError } from '../../validation/template-draft/template-validation-error.js';
import { requireLanguageCode, requireTemplateName } from './input-checks.js';
import {
  type TemplateDraft,
  type TemplateDraftComponent,
  TemplateDraftComponentSchema,
  TemplateDraftSchema,
} from './template-draft.js';

/*
 * The shape checks of a template draft handed to a write: what is not a TemplateDraft at all is
 * refused before the rules run and before anything is sent. WhatsApp's and the vendor's rules are
 * `validateTemplateDraft`'s, which the client runs next.
 */

let componentListSchema: z.ZodType<TemplateDraftComponent[]> | undefined;

/**
 * Checks that `input` is a TemplateDraft and returns a copy of it, holding exactly the fields the
 * draft schema knows: later changes to the caller's object cannot reach the request.
 *
 * @throws TemplateValidationError (an InvalidRequestError, `field` the first issue's path) with
 *   every `INVALID_DRAFT` issue at once, as `validateTemplateDraft` reports them: fields the draft
 *   does not have, at any depth (`components[0].exmaple`), values of the wrong type, nesting
 *   deeper than 64 levels; InvalidRequestError naming `name` or `language` when one is malformed.
 */
export function parseTemplateDraftInput(input: unknown, what: string): TemplateDraft {
  if (!isRecord(input)) {
    throw new InvalidRequestError(`${what} expects a TemplateDraft object`, { field: 'draft' });
  }
  const draft = parseDraftPart(TemplateDraftSchema, input, '');
  requireTemplateName(draft.name);
  requireLanguageCode(draft.language, 'language');
  return draft;
}

/**
 * Checks a list of draft components (an update's `components`), with paths as in a draft
 * (`components[1].text`).
 *
 * @throws as `parseTemplateDraftInput`.
 */
export function parseTemplateComponentsInput(input: unknown): TemplateDraftComponent[] {
  if (!Array.isArray(input)) {
    throw new InvalidRequestError('`components` must be an array of template components', {
      field: 'components',
    });
  }
  componentListSchema ??= z.array(TemplateDraftComponentSchema);
  return parseDraftPart(componentListSchema, input, 'components');
}

function parseDraftPart<T>(schema: z.ZodType<T>, input: unknown, base: string): T {
  const shape = checkTemplateDraftShape(schema, input, base);
  if (!shape.ok) throw new TemplateValidationError(shape.issues);
  return shape.data;
}
