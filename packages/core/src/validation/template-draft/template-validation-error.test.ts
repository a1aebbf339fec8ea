import { describe, expect, it } from 'vitest';
import { BspError } from '../../errors/bsp-error.js';
import { InvalidRequestError } from '../../errors/error-classes.js';
import { authenticationDraft, utilityDraft } from './__fixtures__/valid-drafts.js';
import { CAMS_SHAPED } from './__fixtures__/vendor-providers.js';
import { checkTemplateDraft, TemplateValidationError } from './template-validation-error.js';

describe('checkTemplateDraft and TemplateValidationError', () => {
  it('returns the warnings of a draft without errors', () => {
    expect(checkTemplateDraft(utilityDraft())).toEqual([]);
    const warnings = checkTemplateDraft(
      { ...authenticationDraft(), language: 'tlh' },
      { provider: CAMS_SHAPED },
    );
    expect(warnings.map((issue) => issue.code)).toEqual(['LANGUAGE_UNKNOWN', 'VENDOR_TTL_RESTRICTED']);
  });

  it('throws an InvalidRequestError, not sent, with every issue, warnings included', () => {
    const draft = { ...utilityDraft(), name: 'Bad Name', language: 'tlh', messageSendTtlSeconds: 10 };
    const error = (() => {
      try {
        checkTemplateDraft(draft);
      } catch (thrown) {
        return thrown;
      }
      return undefined;
    })();
    expect(TemplateValidationError.isInstance(error)).toBe(true);
    expect(InvalidRequestError.isInstance(error)).toBe(true);
    const refusal = error as TemplateValidationError;
    expect(refusal).toMatchObject({
      code: 'INVALID_REQUEST',
      outcome: 'not-sent',
      retryable: false,
      field: 'name',
    });
    expect(refusal.issues.map((issue) => issue.code)).toEqual([
      'NAME_INVALID',
      'LANGUAGE_UNKNOWN',
      'TTL_OUT_OF_RANGE',
    ]);
    expect(refusal.message).toMatch(
      /^The template draft has 2 errors: NAME_INVALID at name: .+; TTL_OUT_OF_RANGE at messageSendTtlSeconds: /,
    );
    expect((refusal.toJSON() as { issues: unknown[] }).issues).toHaveLength(3);
  });

  it('names at most three errors in its message', () => {
    const draft = {
      ...utilityDraft(),
      name: 'A',
      language: 'en-US',
      category: 'UNKNOWN' as const,
      messageSendTtlSeconds: 1,
      parameterFormat: 'UNKNOWN' as const,
    };
    expect(() => checkTemplateDraft(draft)).toThrow(/; and 1 more$/);
  });

  it('is told apart from other InvalidRequestErrors', () => {
    expect(TemplateValidationError.isInstance(new InvalidRequestError('x'))).toBe(false);
    expect(BspError.isInstance(new TemplateValidationError([]))).toBe(true);
  });
});
