import { isWellFormedText } from '../../adapter/transport/well-formed-text.js';
import { InvalidRequestError } from '../../errors/error-classes.js';
import type { FlowJsonValidationMode } from '../../validation/flow-json/check-flow-json-before-write.js';
import { requireOneOf } from './input-checks.js';

/** The ways a Flow JSON write can validate the document offline; `'error'` by default. */
export const FLOW_JSON_VALIDATION_MODES = [
  'error',
  'warn',
  'off',
] as const satisfies readonly FlowJsonValidationMode[];

/**
 * A Flow JSON as a write takes it: an object (serialized with `JSON.stringify`, no indentation)
 * or a string (sent byte-for-byte as given, so its own formatting and the line numbers of the
 * vendor's validation errors stay the caller's).
 *
 * @throws InvalidRequestError (`field` as given) for anything else: an array, null, an empty or
 *   unencodable string (a lone surrogate), or an object `JSON.stringify` cannot serialize.
 */
export function requireFlowJson(value: unknown, field = 'flowJson'): string {
  if (typeof value === 'string') {
    if (value.trim() === '') {
      throw new InvalidRequestError(`\`${field}\` must not be empty`, { field });
    }
    if (!isWellFormedText(value)) {
      throw new InvalidRequestError(`\`${field}\` holds text that cannot be encoded (a lone surrogate)`, {
        field,
      });
    }
    return value;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidRequestError(`\`${field}\` must be a Flow JSON object or its text`, { field });
  }
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    // A cycle or a BigInt: the validator reports them too, unless validation is off.
    throw new InvalidRequestError(`\`${field}\` cannot be serialized as JSON`, { field, cause: error });
  }
  // `JSON.stringify` escapes lone surrogates, so only a value with no JSON form is left to refuse.
  if (text === undefined) {
    throw new InvalidRequestError(`\`${field}\` cannot be serialized as JSON`, { field });
  }
  return text;
}

/** The `validate` option of a Flow JSON write: `'error'` (the default), `'warn'` or `'off'`. */
export function parseFlowJsonValidationMode(value: unknown): FlowJsonValidationMode {
  if (value === undefined) return 'error';
  return requireOneOf(value, FLOW_JSON_VALIDATION_MODES, 'validate');
}
