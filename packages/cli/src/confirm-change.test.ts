import { type Emulator, startEmulator } from '@whatsapp-bsp/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from './cli-io.js';
import { confirmChange } from './confirm-change.js';
import { runCli } from './main.js';
import { UsageError } from './render-error.js';

/** An in-process terminal: what was written, and the answers a person gives, in order. */
function terminal(answers: boolean[] | undefined, env: Record<string, string> = {}) {
  const written = { stdout: '', stderr: '' };
  const questions: string[] = [];
  const io: CliIo = {
    stdout: { write: (text: string) => (written.stdout += text) },
    stderr: { write: (text: string) => (written.stderr += text) },
    env: { NO_COLOR: '1', ...env },
    untilStopped: () => new Promise(() => {}),
    ...(answers !== undefined && {
      confirm: async (question: string) => {
        questions.push(question);
        return answers.shift() ?? false;
      },
    }),
  };
  return { io, written, questions };
}

describe('confirmChange', () => {
  it('goes ahead with --yes without asking', async () => {
    const { io, questions } = terminal([false]);
    expect(await confirmChange(io, true, 'Delete?')).toBe(true);
    expect(questions).toEqual([]);
  });

  it('asks a person at a terminal, and says nothing was sent when they decline', async () => {
    const { io, written, questions } = terminal([false]);
    expect(await confirmChange(io, false, 'Delete it?')).toBe(false);
    expect(questions).toEqual(['Delete it?']);
    expect(written.stderr).toContain('nothing was sent');
  });

  it('refuses without a terminal and without --yes', async () => {
    const { io } = terminal(undefined);
    await expect(confirmChange(io, false, 'Delete it?')).rejects.toThrow(UsageError);
    await expect(confirmChange(io, false, 'Delete it?')).rejects.toThrow(/--yes/);
  });
});

describe('a destructive command at a terminal', () => {
  let emulator: Emulator<'cams'>;
  let env: Record<string, string>;
  beforeAll(async () => {
    emulator = await startEmulator({ vendors: ['cams'] });
    const cams = emulator.cams.config;
    env = {
      WABSP_PROVIDER: 'cams',
      ALIBABA_CLOUD_ACCESS_KEY_ID: cams.accessKeyId,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: cams.accessKeySecret,
      CAMS_CUST_SPACE_ID: cams.custSpaceId,
      CAMS_ENDPOINT: cams.endpoint,
      CAMS_PROTOCOL: cams.protocol,
    };
  });
  afterAll(() => emulator?.close());

  it('shows what it would delete, deletes nothing when declined, and deletes when confirmed', async () => {
    const [template] = emulator.store.templates.list();
    const args = ['templates', 'delete', '--name', template!.name, '--language', template!.language];
    const declined = terminal([false], env);
    expect(await runCli(args, declined.io)).toBe(1);
    expect(declined.questions[0]).toContain(template!.name);
    expect(
      emulator.store.templates
        .list()
        .some((t) => t.name === template!.name && t.language === template!.language),
    ).toBe(true);

    const agreed = terminal([true], env);
    expect(await runCli(args, agreed.io)).toBe(0);
    expect(
      emulator.store.templates
        .list()
        .some((t) => t.name === template!.name && t.language === template!.language),
    ).toBe(false);
  });
});
