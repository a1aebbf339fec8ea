import { describe, expect, it } from 'vitest';
import { parseStateFile } from './parse-state-file.js';
import { StateFileError } from './state-file-error.js';

const order = {
  name: 'order_update',
  language: 'en_US',
  category: 'UTILITY',
  components: [{ type: 'BODY', text: 'Your order {{1}} has shipped.', example: { bodyText: [['#1042']] } }],
};

function problems(
  data: unknown,
  locate?: (path: readonly (string | number)[]) => { line: number; column: number },
) {
  try {
    parseStateFile(data, { source: 'whatsapp.yaml', ...(locate && { locate }) });
  } catch (error) {
    expect(StateFileError.isInstance(error)).toBe(true);
    return error as StateFileError;
  }
  throw new Error('the state file was accepted');
}

describe('parseStateFile', () => {
  it('accepts templates and flows, and keeps a left-out section left out', () => {
    const state = parseStateFile({
      version: 1,
      templates: [order],
      flows: [
        {
          name: 'signup',
          categories: ['SIGN_UP'],
          status: 'PUBLISHED',
          flowJson: { version: '7.2', screens: [] },
        },
      ],
    });
    expect(state.templates).toEqual([order]);
    expect(state.flows?.[0]).toMatchObject({ name: 'signup', flowJson: { version: '7.2', screens: [] } });
    expect(parseStateFile({ version: 1, flows: [] })).toEqual({ version: 1, flows: [] });
    expect('templates' in parseStateFile({ version: 1, flows: [] })).toBe(false);
  });

  it('names the file, line and path of each problem, all of them at once', () => {
    const error = problems(
      {
        version: 1,
        templates: [
          { ...order, category: 'PROMO' },
          { ...order, language: 'pt_BR', components: 'none' },
        ],
      },
      (path) => ({ line: 10 + path.length, column: Number(path[1] ?? 0) + 1 }),
    );
    expect(error.issues).toHaveLength(2);
    expect(error.issues[0]).toMatchObject({ path: 'templates[0].category', line: 13, column: 1 });
    expect(error.issues[1]).toMatchObject({ path: 'templates[1].components', line: 13, column: 2 });
    expect(error.message).toMatch(
      /^whatsapp\.yaml is not a valid state file \(2 problems\): whatsapp\.yaml:13:1 templates\[0\]\.category: /,
    );
    expect(error.field).toBe('templates[0].category');
    expect(error.outcome).toBe('not-sent');
  });

  it('refuses keys the schema does not have, anywhere but inside a Flow JSON', () => {
    const error = problems({
      version: 1,
      tempaltes: [],
      templates: [{ ...order, components: [{ ...order.components[0], txet: 'typo' }] }],
      flows: [{ name: 'f', categories: ['OTHER'], flowJson: { anything: { goes: true } }, state: 'DRAFT' }],
    });
    expect(error.issues.map((issue) => [issue.path, issue.message])).toEqual([
      ['tempaltes', "unknown key 'tempaltes'"],
      ['templates[0].components[0].txet', "unknown key 'txet'"],
      ['flows[0].state', "unknown key 'state'"],
    ]);
  });

  it('finds unknown keys in the valid parts of a file the schema refuses', () => {
    const error = problems({
      version: 1,
      extra: true,
      templates: [{ ...order, category: 'PROMO', components: [{ ...order.components[0], txet: 'typo' }] }],
      flows: [{ name: 'f', categories: ['OTHER'], state: 'DRAFT' }],
    });
    expect(error.issues.map((issue) => issue.path)).toEqual([
      'templates[0].category',
      'extra',
      'templates[0].components[0].txet',
      'flows[0].state',
    ]);
  });

  it('refuses a template or a Flow JSON nested thousands of levels deep, instead of overflowing the stack', () => {
    let component: Record<string, unknown> = { type: 'BODY', text: 'Hi' };
    for (let level = 0; level < 5_000; level += 1) {
      component = { type: 'CAROUSEL', cards: [{ components: [component] }] };
    }
    let screens: unknown = [];
    for (let level = 0; level < 100_000; level += 1) screens = [screens];
    const error = problems({
      version: 1,
      templates: [order, { ...order, name: 'deep', components: [component] }],
      flows: [
        { name: 'f', categories: ['OTHER'], flowJson: { version: '6.0', screens } },
        { name: 'g', categories: ['OTHER'] },
      ],
    });
    expect(error.issues.map((issue) => [issue.path, issue.message])).toEqual([
      ['templates[1]', 'the template nests more than 64 levels deep'],
      ['flows[0].flowJson', 'the Flow JSON nests more than 100 levels deep'],
    ]);
  });

  it('refuses, with their paths, the names and languages the client would refuse at apply', () => {
    const error = problems({
      version: 1,
      templates: [
        { ...order, name: ' order_update' },
        { ...order, language: 'English' },
      ],
      flows: [
        { name: '', categories: ['OTHER'] },
        { name: 'rt_ws ', categories: ['OTHER'] },
        { name: 'booking', categories: ['OTHER'] },
      ],
    });
    expect(error.issues.map((issue) => issue.path)).toEqual([
      'templates[0].name',
      'templates[1].language',
      'flows[0].name',
      'flows[1].name',
    ]);
    expect(error.issues[3]!.message).toMatch(/white space/);
  });

  it('refuses a template or a flow given twice, naming the first', () => {
    const error = problems({
      version: 1,
      templates: [order, { ...order, language: 'pt_BR' }, order],
      flows: [
        { name: 'f', categories: ['OTHER'] },
        { name: 'f', categories: ['SURVEY'] },
      ],
    });
    expect(error.issues.map((issue) => `${issue.path}: ${issue.message}`)).toEqual([
      "templates[2]: template 'order_update' (en_US) is already at templates[0]",
      "flows[1]: flow 'f' is already at flows[0]",
    ]);
  });

  it('says which version it reads, and refuses what is not a state file at all', () => {
    expect(problems({ version: 2, templates: [] }).issues[0]?.message).toBe(
      'version must be 1: this library reads state files of version 1',
    );
    expect(problems(['a list']).issues[0]).toMatchObject({ path: '' });
    expect(problems(null).message).toMatch(/^whatsapp\.yaml is not a valid state file/);
  });

  it('refuses a flow status that a write cannot bring about', () => {
    const error = problems({ version: 1, flows: [{ name: 'f', categories: ['OTHER'], status: 'BLOCKED' }] });
    expect(error.issues[0]?.path).toBe('flows[0].status');
  });
});
