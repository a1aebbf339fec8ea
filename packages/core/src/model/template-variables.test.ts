import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findTemplateVariables, isPositionalVariable, templateVariableNames } from './template-variables.js';

describe('template variables', () => {
  it('finds every occurrence with its place, spaces inside the braces allowed', () => {
    expect(findTemplateVariables('Hi {{1}}, {{ first_name }}!')).toEqual([
      { name: '1', start: 3, end: 8 },
      { name: 'first_name', start: 10, end: 26 },
    ]);
  });

  it('lists distinct names in order of first appearance', () => {
    expect(templateVariableNames('{{2}} {{1}} {{2}} {{a}}')).toEqual(['2', '1', 'a']);
  });

  it('ignores braces that hold no name or nested braces', () => {
    expect(templateVariableNames('{{}} {{ }} {{{x}}} {x} {{a{b}}')).toEqual(['x']);
  });

  it('tells positional names from named ones', () => {
    expect(['1', '10', 'first_name', '1st', ''].map(isPositionalVariable)).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it('reads variables exactly as the regular expression of the syntax does', () => {
    // `{{`, optional spaces, a name that neither starts nor ends with a space and has no brace, `}}`.
    const reference = /\{\{\s*([^{}\s](?:[^{}]*[^{}\s])?)\s*\}\}/g;
    const pieces = fc.constantFrom('{', '}', '{{', '}}', ' ', '\n', '1', 'a', '_', 'é', '🎉', 'x y');
    fc.assert(
      fc.property(
        fc.array(pieces, { maxLength: 30 }).map((parts) => parts.join('')),
        (text) => {
          const expected = Array.from(text.matchAll(reference), (match) => ({
            name: match[1],
            start: match.index,
            end: match.index + match[0].length,
          }));
          expect(findTemplateVariables(text)).toEqual(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
