import { describe, expect, it } from 'vitest';
import { actsOnTerminal, HOSTILE_TEXTS } from './__fixtures__/hostile-texts.js';
import { jsonText, terminalSafe, terminalSafeDeep } from './terminal-text.js';

describe('terminalSafe', () => {
  it(`removes what acts on a terminal and keeps the text (${HOSTILE_TEXTS.length} kinds)`, () => {
    for (const [kind, text, shown] of HOSTILE_TEXTS) {
      expect(terminalSafe(text), kind).toBe(shown);
      expect(actsOnTerminal(terminalSafe(text)), kind).toBe(false);
    }
  });

  it('takes linear time on many unterminated sequences', () => {
    const text = '\u001b]'.repeat(50_000) + '\u009d'.repeat(50_000);
    expect(terminalSafe(text)).toBe('');
  });
});

describe('terminalSafeDeep', () => {
  it('cleans every string, keys included, and keeps dates, numbers and plain keys', () => {
    const expiresAt = new Date(0);
    const value = JSON.parse('{"__proto__":"\\u001b[2Jx","list":[{"name":"a\\u202eb"}],"n":1}') as Record<
      string,
      unknown
    >;
    const safe = terminalSafeDeep({ ...value, expiresAt, 'k\u0007ey': 'v' });
    expect(Object.getOwnPropertyDescriptor(safe, '__proto__')?.value).toBe('x');
    expect(Object.getPrototypeOf(safe)).toBe(Object.prototype);
    expect(safe).toMatchObject({ list: [{ name: 'ab' }], n: 1, key: 'v' });
    expect(safe.expiresAt).toBe(expiresAt);
  });
});

describe('jsonText', () => {
  it('escapes what JSON leaves raw that a terminal acts on, and parses to the same value', () => {
    for (const [kind, text] of HOSTILE_TEXTS) {
      const json = jsonText({ name: text }, 2);
      expect(actsOnTerminal(json), kind).toBe(false);
      expect(JSON.parse(json), kind).toEqual({ name: text });
    }
  });
});
