import { describe, expect, it } from 'vitest';
import { HELP } from '../parse-arguments.js';
import { COMMANDS, findCommand } from './command-table.js';

describe('the command table', () => {
  it('names each command once, finds it by its words, and lists it in --help', () => {
    const names = COMMANDS.map((command) => command.words.join(' '));
    expect(new Set(names).size).toBe(names.length);
    for (const command of COMMANDS) {
      expect(findCommand([...command.words, 'x'])).toEqual({ command, rest: ['x'] });
      expect(HELP).toContain(`  wabsp ${command.usage.split('\n')[0]}`);
    }
    expect(names).toEqual([
      'flows get',
      'flows list',
      'flows preview',
      'flows create',
      'flows update',
      'flows publish',
      'flows deprecate',
      'flows delete',
      'flows get-json',
      'flows update-json',
      'flows validate',
      'flows wait',
      'templates list',
      'templates get',
      'templates create',
      'templates update',
      'templates delete',
      'templates upload-media',
      'templates validate',
      'templates wait',
      'webhooks listen',
      'emulator',
    ]);
  });

  it('finds no command for words it does not have', () => {
    expect(findCommand(['flows'])).toBeUndefined();
    expect(findCommand(['templates', 'remove'])).toBeUndefined();
    expect(findCommand([])).toBeUndefined();
  });
});
