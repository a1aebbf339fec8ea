import type { TemplateDraft } from '../../model/inputs/template-draft.js';
import type { NamedParameterExample } from '../../model/template-component.js';
import { isPositionalVariable, type TemplateVariable } from '../../model/template-variables.js';
import { type DraftFacts, variableNames } from './draft-facts.js';
import type { TemplateIssues } from './template-issues.js';
import { wordCount } from './text-measures.js';

/** A named variable: lower-case letters, digits and underscores (Meta's named parameters). */
const NAME_PATTERN = /^[a-z0-9_]+$/;

/** A header or body text with variables, and the samples given for them. */
interface VariableText {
  readonly kind: 'header' | 'body';
  /** The component's path. */
  readonly path: string;
  readonly text: string;
  readonly variables: readonly TemplateVariable[];
  /** Positional samples: the header's one list, or the body's sets of values. */
  readonly positionalSamples: readonly (readonly string[])[] | undefined;
  readonly namedSamples: readonly NamedParameterExample[] | undefined;
}

/**
 * The variables of header and body texts (cards' included) and their samples: the syntax and the
 * names, one style per template and the format that says so, `{{1}}`…`{{n}}` in order without
 * gaps, their place in the body, and one sample per variable. AUTHENTICATION templates have no
 * texts of their own (WhatsApp writes them), so none is checked there.
 */
export function checkVariables(draft: TemplateDraft, facts: DraftFacts, issues: TemplateIssues): void {
  if (draft.category === 'AUTHENTICATION') return;
  const texts = variableTexts(facts);
  for (const entry of texts) checkSyntax(entry, issues);
  checkStyle(draft, texts, issues);
  for (const entry of texts) {
    checkPlacement(entry, issues);
    checkSamples(entry, issues);
  }
}

function variableTexts(facts: DraftFacts): VariableText[] {
  const texts: VariableText[] = [];
  for (const { component, path } of facts.placed) {
    if (component.type === 'HEADER' && component.format === 'TEXT' && component.text !== undefined) {
      const { headerText, headerTextNamedParams } = component.example ?? {};
      texts.push({
        kind: 'header',
        path,
        text: component.text,
        variables: facts.variablesOf(component.text),
        positionalSamples: headerText && [headerText],
        namedSamples: headerTextNamedParams,
      });
    } else if (component.type === 'BODY' && component.text !== undefined) {
      texts.push({
        kind: 'body',
        path,
        text: component.text,
        variables: facts.variablesOf(component.text),
        positionalSamples: component.example?.bodyText,
        namedSamples: component.example?.bodyTextNamedParams,
      });
    }
  }
  return texts;
}

/** Braces that make no variable, and names that are neither a number nor a valid name. */
function checkSyntax(entry: VariableText, issues: TemplateIssues): void {
  let rest = '';
  let from = 0;
  for (const variable of entry.variables) {
    rest += entry.text.slice(from, variable.start);
    from = variable.end;
  }
  rest += entry.text.slice(from);
  if (rest.includes('{{') || rest.includes('}}')) {
    issues.add(
      'VARIABLE_MALFORMED',
      `${entry.path}.text`,
      'Braces that make no variable: write {{1}} or {{name}}.',
    );
  }
  const invalid = variableNames(entry.variables).filter(
    (name) => !isPositionalVariable(name) && !NAME_PATTERN.test(name),
  );
  if (invalid.length > 0) {
    issues.add(
      'VARIABLE_NAME_INVALID',
      `${entry.path}.text`,
      `Variable names are lower-case letters, digits and underscores: ${invalid.map((name) => `{{${name}}}`).join(', ')}.`,
    );
  }
}

/** One style for the whole template, and `parameterFormat` saying which. */
function checkStyle(draft: TemplateDraft, texts: readonly VariableText[], issues: TemplateIssues): void {
  let firstStyle: 'positional' | 'named' | undefined;
  let named = false;
  let positional = false;
  for (const entry of texts) {
    for (const variable of entry.variables) {
      const style = isPositionalVariable(variable.name) ? 'positional' : 'named';
      if (style === 'named') named = true;
      else positional = true;
      firstStyle ??= style;
      if (style !== firstStyle) {
        issues.add(
          'VARIABLE_STYLE_MIXED',
          `${entry.path}.text`,
          'Named ({{name}}) and positional ({{1}}) variables are never mixed in one template.',
        );
        return;
      }
    }
  }
  if (draft.parameterFormat === 'UNKNOWN') return;
  if (named && draft.parameterFormat !== 'NAMED') {
    issues.add(
      'PARAMETER_FORMAT_MISMATCH',
      'parameterFormat',
      "Named variables need parameterFormat: 'NAMED'.",
    );
  } else if (positional && draft.parameterFormat === 'NAMED') {
    issues.add(
      'PARAMETER_FORMAT_MISMATCH',
      'parameterFormat',
      "A NAMED template's variables are {{name}}, not {{1}}.",
    );
  }
}

/** Numbering, neighbours, the body's edges, and how much text there is per variable. */
function checkPlacement(entry: VariableText, issues: TemplateIssues): void {
  const { variables, text } = entry;
  if (variables.length === 0) return;
  const textPath = `${entry.path}.text`;
  const numbers = [
    ...new Set(variables.filter((v) => isPositionalVariable(v.name)).map((v) => Number(v.name))),
  ];
  if (numbers.length > 0) {
    const sorted = [...numbers].sort((a, b) => a - b);
    if (sorted.some((number, index) => number !== index + 1)) {
      issues.add(
        'VARIABLE_GAP',
        textPath,
        `Positional variables are {{1}} to {{${numbers.length}}} without gaps.`,
      );
    } else if (numbers.some((number, index) => number !== index + 1)) {
      issues.add(
        'VARIABLE_ORDER',
        textPath,
        'Positional variables first appear in order: {{1}}, then {{2}}, …',
      );
    }
  }
  for (let index = 1; index < variables.length; index++) {
    const between = text.slice(
      (variables[index - 1] as TemplateVariable).end,
      (variables[index] as TemplateVariable).start,
    );
    if (between.trim() === '') {
      issues.add(
        'VARIABLES_ADJACENT',
        textPath,
        'Two variables stand side by side with no text between them.',
      );
      break;
    }
  }
  if (entry.kind !== 'body') return;
  const first = variables[0] as TemplateVariable;
  const last = variables[variables.length - 1] as TemplateVariable;
  if (text.slice(0, first.start).trim() === '' || text.slice(last.end).trim() === '') {
    issues.add('VARIABLE_AT_EDGE', textPath, 'The body may not start or end with a variable.');
  }
  const distinct = variableNames(variables).length;
  let words = 0;
  let from = 0;
  for (const variable of variables) {
    words += wordCount(text.slice(from, variable.start));
    from = variable.end;
  }
  words += wordCount(text.slice(from));
  if (words < distinct + 1) {
    issues.add(
      'VARIABLE_DENSITY',
      textPath,
      `${distinct} variable${distinct === 1 ? '' : 's'} in ${words} word${words === 1 ? '' : 's'} of text: WhatsApp refuses too many variables for the length.`,
    );
  }
}

/** One sample per variable, in the style the text uses. */
function checkSamples(entry: VariableText, issues: TemplateIssues): void {
  const names = variableNames(entry.variables);
  const positional = names.filter(isPositionalVariable);
  const named = names.filter((name) => !isPositionalVariable(name));
  const examplePath = `${entry.path}.example`;
  const positionalKey = entry.kind === 'header' ? 'headerText' : 'bodyText';
  const namedKey = entry.kind === 'header' ? 'headerTextNamedParams' : 'bodyTextNamedParams';

  const sets = entry.positionalSamples;
  if (positional.length > 0) {
    if (sets === undefined || sets.length === 0) {
      issues.add(
        'EXAMPLE_MISSING',
        examplePath,
        `Give ${positionalKey} with a sample for each of ${positional.length} variable(s).`,
      );
    } else {
      sets.forEach((values, index) => {
        const setPath =
          entry.kind === 'header' ? `${examplePath}.headerText` : `${examplePath}.bodyText[${index}]`;
        if (values.length !== positional.length) {
          issues.add(
            'EXAMPLE_COUNT_MISMATCH',
            setPath,
            `${values.length} sample(s) for ${positional.length} variable(s); give one per variable.`,
          );
        }
        values.forEach((value, valueIndex) => {
          if (value.trim() === '')
            issues.add('EXAMPLE_EMPTY', `${setPath}[${valueIndex}]`, 'A sample value is empty.');
        });
      });
    }
  } else if (sets !== undefined && sets.length > 0) {
    issues.add(
      'EXAMPLE_UNUSED',
      `${examplePath}.${positionalKey}`,
      'Samples for positional variables the text does not have.',
    );
  }

  const samples = entry.namedSamples;
  if (named.length > 0) {
    if (samples === undefined || samples.length === 0) {
      issues.add(
        'EXAMPLE_MISSING',
        examplePath,
        `Give ${namedKey} with a sample for ${named.map((n) => `{{${n}}}`).join(', ')}.`,
      );
      return;
    }
    const given = new Set<string>();
    samples.forEach((sample, index) => {
      const samplePath = `${examplePath}.${namedKey}[${index}]`;
      if (given.has(sample.paramName)) {
        issues.add(
          'NAMED_EXAMPLE_DUPLICATE',
          `${samplePath}.paramName`,
          `Two samples for {{${sample.paramName}}}.`,
        );
      }
      given.add(sample.paramName);
      if (sample.example.trim() === '')
        issues.add('EXAMPLE_EMPTY', `${samplePath}.example`, 'A sample value is empty.');
    });
    const missing = named.filter((name) => !given.has(name));
    const extra = [...given].filter((name) => !named.includes(name));
    if (missing.length > 0 || extra.length > 0) {
      const parts = [
        missing.length > 0 ? `no sample for ${missing.map((n) => `{{${n}}}`).join(', ')}` : '',
        extra.length > 0 ? `samples for ${extra.join(', ')}, which the text does not use` : '',
      ].filter((part) => part !== '');
      issues.add(
        'NAMED_EXAMPLE_MISMATCH',
        `${examplePath}.${namedKey}`,
        `The named samples do not match the text: ${parts.join('; ')}.`,
      );
    }
  } else if (samples !== undefined && samples.length > 0) {
    issues.add(
      'EXAMPLE_UNUSED',
      `${examplePath}.${namedKey}`,
      'Samples for named variables the text does not have.',
    );
  }
}
