import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { describeFailure, InputFileError, StoppedError } from '../render-error.js';
import { stateYaml } from './state.js';

describe('the exported YAML', () => {
  it('quotes every text a YAML 1.1 or 1.2 reader would take for something else, and reads back the same', () => {
    const tricky = ['yes', 'on', 'No', '2024-01-01', '1_000', '0o17', '=', '~', 'null', '12', '1e3', '.inf'];
    const state = {
      version: 1 as const,
      flows: tricky.map((name) => ({ name, categories: ['OTHER' as const] })),
    };
    const text = stateYaml(state);
    for (const value of tricky) expect(text).toContain(`- name: "${value}"`);
    for (const version of ['1.1', '1.2'] as const) expect(parse(text, { version })).toEqual(state);
    expect(stateYaml({ version: 1, flows: [{ name: 'sign up', categories: ['SIGN_UP'] }] })).toContain(
      '- name: sign up',
    );
  });
});

describe('how a stop and a bad input file are told', () => {
  it('a stop is exit 1 with no stack; a bad file is exit 2 without the help hint', () => {
    const stopped = describeFailure(new StoppedError('told to stop'));
    expect(stopped.exitCode).toBe(1);
    expect(stopped.view).toEqual({ heading: 'Stopped:', message: 'told to stop', details: [] });
    const file = describeFailure(new InputFileError('a.yaml:3:1: bad'));
    expect(file.exitCode).toBe(2);
    expect(file.view.heading).toBe('Input error:');
    expect(file.view.hint).toBeUndefined();
  });
});
