import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TEMPLATE_RULE_CODES } from './rule-codes.js';

const docs = readFileSync(new URL('../../../../../docs/template-rules.md', import.meta.url), 'utf8');

describe('docs/template-rules.md', () => {
  it('lists every code once, with its severity', () => {
    const rows = docs
      .split('\n')
      .filter((line) => /^\| `[A-Z_]+` \|/.test(line))
      .map((line) => line.split('|').map((cell) => cell.trim()));
    const documented = rows.map(([, code, severity]) => [code?.replaceAll('`', ''), severity]);
    expect(documented).toEqual(
      Object.entries(TEMPLATE_RULE_CODES).map(([code, rule]) => [code, rule.severity]),
    );
  });
});
