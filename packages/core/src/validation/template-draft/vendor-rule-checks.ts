import { urlButtonSampleValue } from '../../adapter/url-button-sample.js';
import type { TemplateDraft } from '../../model/inputs/template-draft.js';
import { isPositionalVariable } from '../../model/template-variables.js';
import { type DraftFacts, variableNames } from './draft-facts.js';
import type { TemplateIssues } from './template-issues.js';
import { isBlank } from './text-measures.js';
import type { MediaSampleForm, TemplateVendorRules } from './vendor-template-rules.js';

/** The draft field of each media sample form. */
const MEDIA_SAMPLE_FIELDS: Readonly<Record<MediaSampleForm, string>> = {
  handle: 'headerHandle',
  url: 'headerUrl',
};

/** The vendor's own rules, read from its data (see `TemplateVendorRules`). */
export function checkVendorRules(
  draft: TemplateDraft,
  facts: DraftFacts,
  rules: TemplateVendorRules,
  issues: TemplateIssues,
): void {
  const { vendor } = rules;
  const undocumented = (path: string, what: string) =>
    issues.add(
      'VENDOR_UNDOCUMENTED',
      path,
      `${vendor}'s pages do not document ${what}; ${vendor} may refuse them.`,
    );
  const samples = new Map<string, string>();
  let named = draft.parameterFormat === 'NAMED';

  for (const { component, path } of facts.placed) {
    if (rules.undocumented.componentTypes.includes(component.type))
      undocumented(path, `${component.type} components`);
    switch (component.type) {
      case 'HEADER':
        if (rules.unsupported.headerFormats.includes(component.format)) {
          issues.add(
            'VENDOR_HEADER_FORMAT_UNSUPPORTED',
            `${path}.format`,
            `${vendor} cannot carry a ${component.format} header.`,
          );
        } else if (rules.undocumented.headerFormats.includes(component.format)) {
          undocumented(`${path}.format`, `${component.format} headers`);
        }
        checkMediaSampleForms(component.example, path);
        if (component.format === 'TEXT' && component.text !== undefined) {
          named ||= hasNamedVariable(facts.variablesOf(component.text));
          if (rules.oneSamplePerVariable) {
            const example = component.example;
            collectSamples(component.text, example?.headerText, example?.headerTextNamedParams, path);
          }
        }
        break;
      case 'BODY':
        if (component.text !== undefined) {
          named ||= hasNamedVariable(facts.variablesOf(component.text));
          if (rules.oneSamplePerVariable) {
            const example = component.example;
            collectSamples(component.text, example?.bodyText?.[0], example?.bodyTextNamedParams, path);
          }
        }
        break;
      case 'BUTTONS': {
        const types = new Set(component.buttons.map((button) => button.type));
        if (
          !rules.quickRepliesWithCallToAction &&
          types.has('QUICK_REPLY') &&
          (types.has('URL') || types.has('PHONE_NUMBER'))
        ) {
          issues.add(
            'VENDOR_QUICK_REPLY_WITH_CALL_TO_ACTION',
            `${path}.buttons`,
            `${vendor} does not combine quick replies with URL or phone buttons.`,
          );
        }
        component.buttons.forEach((button, index) => {
          const buttonPath = `${path}.buttons[${index}]`;
          if (button.type === 'UNKNOWN') return;
          if (rules.unsupported.buttonTypes.includes(button.type)) {
            issues.add(
              'VENDOR_BUTTON_UNSUPPORTED',
              buttonPath,
              `${vendor} cannot carry a ${button.type} button.`,
            );
          } else if (rules.undocumented.buttonTypes.includes(button.type)) {
            undocumented(buttonPath, `${button.type} buttons`);
          }
          if (button.type === 'URL' && rules.oneSamplePerVariable) collectUrlSample(button, buttonPath);
          if (button.type !== 'OTP' || button.otpType === 'UNKNOWN') return;
          if (rules.undocumented.otpTypes.includes(button.otpType)) {
            undocumented(`${buttonPath}.otpType`, `${button.otpType} OTP buttons`);
          }
          if (rules.undocumented.supportedApps && button.supportedApps !== undefined) {
            undocumented(`${buttonPath}.supportedApps`, 'lists of supported apps');
          }
          for (const field of rules.otpRequires[button.otpType] ?? []) {
            if (isBlank(button[field])) {
              issues.add(
                'VENDOR_OTP_FIELD_MISSING',
                `${buttonPath}.${field}`,
                `${vendor} requires ${field} on a ${button.otpType} button.`,
              );
            }
          }
        });
        break;
      }
    }
  }
  if (named && rules.undocumented.namedParameters) undocumented('parameterFormat', 'named variables');
  if (rules.ttlRestriction !== undefined && draft.messageSendTtlSeconds !== undefined) {
    issues.add('VENDOR_TTL_RESTRICTED', 'messageSendTtlSeconds', `${rules.ttlRestriction}.`);
  }

  /** A header's sample in a form the vendor's wire has no field for. */
  function checkMediaSampleForms(
    example: { headerHandle?: string[] | undefined; headerUrl?: string | undefined } | undefined,
    path: string,
  ): void {
    const taken = rules.mediaSamples;
    if (taken === undefined || example === undefined) return;
    const given: [MediaSampleForm, string, unknown][] = [
      ['handle', 'headerHandle', example.headerHandle],
      ['url', 'headerUrl', example.headerUrl],
    ];
    for (const [form, field, value] of given) {
      if (value === undefined || taken.includes(form)) continue;
      const instead = taken.map((other) => `example.${MEDIA_SAMPLE_FIELDS[other]}`).join(' or ');
      issues.add(
        'VENDOR_MEDIA_SAMPLE_UNSUPPORTED',
        `${path}.example.${field}`,
        instead === ''
          ? `${vendor} takes no media sample in a template.`
          : `${vendor} takes a media sample only as ${instead}, not as example.${field}; templates.uploadMedia gives the form ${vendor} takes.`,
      );
    }
  }

  /** A dynamic URL's sample is its variable's sample too, in the same one map. */
  function collectUrlSample(button: { url: string; example?: string[] | undefined }, path: string): void {
    const [name] = variableNames(facts.variablesOf(button.url));
    const sample = button.example?.[0];
    const value = sample === undefined ? undefined : urlButtonSampleValue(button.url, sample);
    if (name !== undefined && value !== undefined) recordSample(name, value, path);
  }

  /**
   * Records each variable's sample under the key the vendor's one map would give it (`{{1}}`,
   * `{{first_name}}`); a second, different sample for the same key is a conflict.
   */
  function collectSamples(
    text: string,
    positional: readonly string[] | undefined,
    namedSamples: readonly { paramName: string; example: string }[] | undefined,
    path: string,
  ): void {
    const pairs: [string, string | undefined][] = variableNames(facts.variablesOf(text)).map((name) => [
      name,
      isPositionalVariable(name)
        ? positional?.[Number(name) - 1]
        : namedSamples?.find((sample) => sample.paramName === name)?.example,
    ]);
    for (const [name, sample] of pairs) {
      if (sample !== undefined) recordSample(name, sample, path);
    }
  }

  function recordSample(name: string, sample: string, path: string): void {
    const earlier = samples.get(name);
    if (earlier === undefined) samples.set(name, sample);
    else if (earlier !== sample) {
      issues.add(
        'VENDOR_SAMPLE_CONFLICT',
        `${path}.example`,
        `${vendor} keeps one sample per variable for the whole template: {{${name}}} has '${earlier}' and '${sample}'.`,
      );
    }
  }
}

function hasNamedVariable(variables: readonly { name: string }[]): boolean {
  return variables.some((variable) => !isPositionalVariable(variable.name));
}
