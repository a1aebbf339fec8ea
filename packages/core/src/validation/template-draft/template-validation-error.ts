import { InvalidRequestError } from '../../errors/error-classes.js';
import type { TemplateDraft } from '../../model/inputs/template-draft.js';
import type { TemplateDraftIssue } from './template-issues.js';
import { type ValidateTemplateDraftOptions, validateTemplateDraft } from './validate-template-draft.js';

/** How many issues the message names; all of them are in `issues`. */
const ISSUES_IN_MESSAGE = 3;

/**
 * A template draft refused before sending because offline validation found errors. An
 * InvalidRequestError (`code: 'INVALID_REQUEST'`, `outcome: 'not-sent'`, `field`: the path of the
 * first error, or `'draft'`) that carries every issue found, warnings included, in `issues`.
 */
export class TemplateValidationError extends InvalidRequestError {
  readonly issues: readonly TemplateDraftIssue[];

  constructor(issues: readonly TemplateDraftIssue[]) {
    const errors = issues.filter((issue) => issue.severity === 'error');
    const named = errors
      .slice(0, ISSUES_IN_MESSAGE)
      .map((issue) => `${issue.code} at ${issue.path || 'the draft'}: ${issue.message}`);
    const more = errors.length - named.length;
    super(
      `The template draft has ${errors.length} error${errors.length === 1 ? '' : 's'}: ${named.join('; ')}${more > 0 ? `; and ${more} more` : ''}`,
      { field: errors[0]?.path || 'draft', outcome: 'not-sent' },
    );
    this.issues = issues;
  }

  /** Works across duplicate copies of the package, like every error class here. */
  static override isInstance(value: unknown): value is TemplateValidationError {
    return InvalidRequestError.isInstance(value) && Array.isArray((value as { issues?: unknown }).issues);
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), issues: this.issues };
  }
}

/**
 * `validateTemplateDraft`, for callers that want to throw: the check a template write runs
 * before sending.
 *
 * @returns The warnings, when there is no error (for the result to carry).
 * @throws TemplateValidationError when any rule reports an error.
 */
export function checkTemplateDraft(
  draft: TemplateDraft,
  options: ValidateTemplateDraftOptions = {},
): TemplateDraftIssue[] {
  const issues = validateTemplateDraft(draft, options);
  if (issues.some((issue) => issue.severity === 'error')) throw new TemplateValidationError(issues);
  return issues;
}
