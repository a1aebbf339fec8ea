import { type TemplateDraft, TemplateDraftSchema } from '../../model/inputs/template-draft.js';
import type { ProviderV1 } from '../../provider/provider-v1.js';
import { checkAuthentication } from './authentication-rules.js';
import { checkButtons } from './button-rules.js';
import { checkComponents } from './component-rules.js';
import { draftFacts } from './draft-facts.js';
import { checkTemplateDraftShape } from './template-draft-shape.js';
import { checkTemplateFields } from './template-field-rules.js';
import { type TemplateDraftIssue, TemplateIssues } from './template-issues.js';
import { TEMPLATE_LANGUAGES } from './template-languages.js';
import { checkVariables } from './variable-rules.js';
import { checkVendorRules } from './vendor-rule-checks.js';
import type { TemplateVendorRules } from './vendor-template-rules.js';

export interface ValidateTemplateDraftOptions {
  /**
   * The provider the draft is meant for (`client.provider`, or `nxcloud(...)` / `cams(...)`): its
   * own rules apply too, from `capabilities.templates.draftRules`. Without it, only WhatsApp's
   * rules apply.
   */
  readonly provider?: Pick<ProviderV1, 'id' | 'capabilities'>;
  /** A vendor's rules by hand: for a provider that gives none, or to replace its own. */
  readonly vendorRules?: TemplateVendorRules;
  /** Meta's template language codes; defaults to `TEMPLATE_LANGUAGES`. */
  readonly languages?: readonly string[];
}

let defaultLanguageSet: ReadonlySet<string> | undefined;

/** Built on the first validation, not at import. */
function defaultLanguages(): ReadonlySet<string> {
  defaultLanguageSet ??= new Set(TEMPLATE_LANGUAGES);
  return defaultLanguageSet;
}

/**
 * Checks a template draft offline, before any request: WhatsApp's template rules (Meta's
 * template components and time-to-live pages; see `docs/template-rules.md` for each code) and,
 * given a `provider`, that vendor's own. Returns every problem found, at once, as
 * `{ path, code, message, severity }` (`path` like `components[1].text`); an empty array means
 * none. Errors are what WhatsApp or the vendor would refuse; warnings are told (a language Meta's
 * list does not have yet, something the vendor does not document, a heuristic).
 *
 * A value that is not exactly a TemplateDraft gives `INVALID_DRAFT` issues and no others: one per
 * value of the wrong type, one per field a draft does not have, at any depth
 * (`components[1].example.bodyTxt`), all at once — the fields `templates.create` refuses — or one
 * for a value nested more than 64 levels deep. Never throws; `checkTemplateDraft` throws instead.
 *
 * @param draft The draft, e.g. from `toTemplateDraft(template)`.
 */
export function validateTemplateDraft(
  draft: TemplateDraft,
  options: ValidateTemplateDraftOptions = {},
): TemplateDraftIssue[] {
  const shape = checkTemplateDraftShape(TemplateDraftSchema, draft);
  if (!shape.ok) return shape.issues;
  const valid = shape.data;
  const issues = new TemplateIssues();
  const languages = options.languages ? new Set(options.languages) : defaultLanguages();
  checkTemplateFields(valid, issues, languages);
  const facts = draftFacts(valid);
  checkComponents(valid, issues);
  checkVariables(valid, facts, issues);
  checkButtons(valid, facts, issues);
  checkAuthentication(valid, issues);
  const { provider } = options;
  const vendorRules = options.vendorRules ?? provider?.capabilities.templates.draftRules;
  if (vendorRules !== undefined) {
    checkVendorRules(valid, facts, vendorRules, issues);
  } else if (provider !== undefined) {
    issues.add(
      'VENDOR_RULES_UNKNOWN',
      '',
      `No template rules are known for '${provider.id}'; only WhatsApp's were checked. Pass vendorRules for its own.`,
    );
  }
  return issues.list;
}
