import type { TemplateDraft } from '../../model/inputs/template-draft.js';
import type { TemplateIssues } from './template-issues.js';
import { LANGUAGE_CODE_PATTERN } from './template-languages.js';

/** Lower-case letters, digits and underscores, 1 to 512 of them (Meta's template name rule). */
const NAME_PATTERN = /^[a-z0-9_]{1,512}$/;

/**
 * `message_send_ttl_seconds` by category (Meta's time-to-live page), in seconds; `-1` means the
 * 30-day default where Meta allows it.
 */
const TTL_RANGES = {
  AUTHENTICATION: { min: 30, max: 900, thirtyDays: true },
  UTILITY: { min: 30, max: 43_200, thirtyDays: true },
  MARKETING: { min: 43_200, max: 2_592_000, thirtyDays: false },
} as const;

/** The template's own fields: name, category, language, parameter format, time to live. */
export function checkTemplateFields(
  draft: TemplateDraft,
  issues: TemplateIssues,
  languages: ReadonlySet<string>,
) {
  if (!NAME_PATTERN.test(draft.name)) {
    issues.add(
      'NAME_INVALID',
      'name',
      'A template name is 1 to 512 lower-case letters, digits and underscores.',
    );
  }
  if (draft.category === 'UNKNOWN') {
    issues.add('CATEGORY_INVALID', 'category', 'The category must be MARKETING, UTILITY or AUTHENTICATION.');
  }
  if (!LANGUAGE_CODE_PATTERN.test(draft.language)) {
    issues.add(
      'LANGUAGE_INVALID',
      'language',
      `'${draft.language}' is not a language code in Meta's form, such as en, fil or en_US.`,
    );
  } else if (!languages.has(draft.language)) {
    issues.add(
      'LANGUAGE_UNKNOWN',
      'language',
      `'${draft.language}' is not in Meta's list of template languages.`,
    );
  }
  if (draft.parameterFormat === 'UNKNOWN') {
    issues.add(
      'PARAMETER_FORMAT_INVALID',
      'parameterFormat',
      'The parameter format must be POSITIONAL or NAMED.',
    );
  }
  const ttl = draft.messageSendTtlSeconds;
  if (ttl !== undefined && draft.category !== 'UNKNOWN') {
    const range = TTL_RANGES[draft.category];
    if (!(ttl === -1 && range.thirtyDays) && (ttl < range.min || ttl > range.max)) {
      const thirtyDays = range.thirtyDays ? ', or -1 for 30 days' : '';
      issues.add(
        'TTL_OUT_OF_RANGE',
        'messageSendTtlSeconds',
        `A ${draft.category} template's time to live is ${range.min} to ${range.max} seconds${thirtyDays}; got ${ttl}.`,
      );
    }
  }
}
