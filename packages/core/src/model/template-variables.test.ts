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
});
