import { InvalidRequestError } from '../../errors/error-classes.js';
import type { FlowValidationError } from '../../model/flow.js';
import { type ValidateFlowJsonOptions, validateFlowJson } from './validate-flow-json.js';

/**
 * What a write does with a Flow JSON that fails offline validation: `'error'` refuses it before
 * anything is sent, `'warn'` sends it and hands back the errors, `'off'` does not validate.
 */
export type FlowJsonValidationMode = 'error' | 'warn' | 'off';

/** How many errors the message names; all of them are in `validationErrors`. */
const ERRORS_IN_MESSAGE = 3;

/**
 * A Flow JSON refused before sending because offline validation found errors. An
 * InvalidRequestError (`code: 'INVALID_REQUEST'`, `outcome: 'not-sent'`, `field: 'flowJson'`) that
 * also carries every error found, in Meta's shape.
 */
export class InvalidFlowJsonError extends InvalidRequestError {
  readonly validationErrors: readonly FlowValidationError[];

  constructor(validationErrors: readonly FlowValidationError[]) {
    const named = validationErrors
      .slice(0, ERRORS_IN_MESSAGE)
      .map(
        (error) =>
          `${error.error ?? 'ERROR'} at ${error.pointers?.[0]?.path || 'the document'}: ${error.message}`,
      );
    const more = validationErrors.length - named.length;
    super(
      `The Flow JSON has ${validationErrors.length} validation error${validationErrors.length === 1 ? '' : 's'}: ${named.join('; ')}${more > 0 ? `; and ${more} more` : ''}`,
      { field: 'flowJson' },
    );
    this.validationErrors = validationErrors;
  }

  /** Works across duplicate copies of the package, like every error class here. */
  static override isInstance(value: unknown): value is InvalidFlowJsonError {
    return (
      InvalidRequestError.isInstance(value) &&
      Array.isArray((value as { validationErrors?: unknown }).validationErrors)
    );
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), validationErrors: this.validationErrors };
  }
}

/**
 * The check `flows.create` and `flows.updateJson` run on a Flow JSON before sending it.
 *
 * @param flowJson - The Flow JSON as text or as a value, as `validateFlowJson` takes it.
 * @param options - `validate` (default `'error'`) and the options of `validateFlowJson`.
 * @returns The errors found when `validate` is `'warn'` (for the result to carry); an empty array
 *   when none were found or `validate` is `'off'`.
 * @throws InvalidFlowJsonError when `validate` is `'error'` and any rule fails.
 */
export function checkFlowJsonBeforeWrite(
  flowJson: unknown,
  options: ValidateFlowJsonOptions & { readonly validate?: FlowJsonValidationMode } = {},
): FlowValidationError[] {
  const { validate = 'error', ...validateOptions } = options;
  if (validate === 'off') return [];
  const errors = validateFlowJson(flowJson, validateOptions);
  if (errors.length > 0 && validate === 'error') throw new InvalidFlowJsonError(errors);
  return errors;
}
