import { z } from 'zod';
import { isRecord } from '../../adapter/is-record.js';
import { InvalidRequestError } from '../../errors/error-classes.js';
import { TemplateValidationError } from '../../validation/template-draft/template-validation-error.js';
import { pathText } from '../../validation/template-draft/validate-template-draft.js';
import { rejectUnknownKeys, requireIdentifier, requireLanguageCode } from './input-checks.js';
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

let draftKeys: readonly string[] | undefined;
let componentListSchema: z.ZodType<TemplateDraftComponent[]> | undefined;

/** The top-level fields of a draft, read from its schema on first use. */
function draftFields(): readonly string[] {
  draftKeys ??= Object.keys(TemplateDraftSchema.unwrap().shape);
  return draftKeys;
}

/**
 * Checks that `input` is a TemplateDraft and returns a copy of it, holding exactly the fields the
 * draft schema knows: later changes to the caller's object cannot reach the request.
 *
 * @throws InvalidRequestError naming the field at fault: a field the draft does not have, at any
 *   depth (`components[0].exmaple`), a bad `name` or `language`; TemplateValidationError
 *   (`INVALID_DRAFT` issues) for values of the wrong shape.
 */
export function parseTemplateDraftInput(input: unknown, what: string): TemplateDraft {
  if (!isRecord(input)) {
    throw new InvalidRequestError(`${what} expects a TemplateDraft object`, { field: 'draft' });
  }
  rejectUnknownKeys(withoutUndefined(input), draftFields(), what);
  requireIdentifier(input.name, 'name');
  requireLanguageCode(input.language, 'language');
  return parseDraftPart(TemplateDraftSchema, input, '');
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
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw new TemplateValidationError(
      parsed.error.issues.map((issue) => ({
        path: joinPath(base, pathText(issue.path)),
        code: 'INVALID_DRAFT',
        message: issue.message,
        severity: 'error',
      })),
    );
  }
  // zod drops the fields it does not know; a dropped field is a misspelling the caller must hear of.
  const dropped = firstDroppedField(input, parsed.data, base);
  if (dropped !== undefined) {
    throw new InvalidRequestError(`\`${dropped}\` is not a field of a template draft`, { field: dropped });
  }
  return parsed.data;
}

/** The path of the first field of `input` with a value that `output` (its parse) lost. */
function firstDroppedField(input: unknown, output: unknown, path: string): string | undefined {
  if (Array.isArray(input) && Array.isArray(output)) {
    for (let index = 0; index < input.length; index += 1) {
      const dropped = firstDroppedField(input[index], output[index], `${path}[${index}]`);
      if (dropped !== undefined) return dropped;
    }
    return undefined;
  }
  if (!isRecord(input) || !isRecord(output)) return undefined;
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    const at = joinPath(path, key);
    if (!Object.hasOwn(output, key)) return at;
    const dropped = firstDroppedField(value, output[key], at);
    if (dropped !== undefined) return dropped;
  }
  return undefined;
}

function joinPath(base: string, path: string): string {
  if (base === '') return path;
  if (path === '' || path.startsWith('[')) return `${base}${path}`;
  return `${base}.${path}`;
}

/** Keys set to `undefined` count as absent, as in call options. */
function withoutUndefined(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined));
}
