import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Emulator } from '@whatsapp-bsp/emulator';
import type { CliIo } from '../cli-io.js';
import { runCli } from '../main.js';

export interface InProcessRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface InProcessOptions {
  env?: Record<string, string>;
  /** Resolves when the command should stop, as Ctrl-C would. */
  stop?: Promise<void>;
  /** A person's answer at the terminal; absent: no one can be asked. */
  confirm?: (question: string) => Promise<boolean>;
  /** Whether stderr is a terminal (the progress bar draws on it then). */
  stderrIsTerminal?: boolean;
  /** Told of everything written to stderr, as it is written. */
  onStderr?: (text: string) => void;
}

/** Runs `wabsp` inside the test's process, so a test can stop it or watch its progress. */
export async function runInProcess(args: string[], options: InProcessOptions = {}): Promise<InProcessRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: {
      write: (text: string) => {
        stderr += text;
        options.onStderr?.(text);
        return true;
      },
      isTTY: options.stderrIsTerminal ?? false,
    },
    env: { NO_COLOR: '1', ...options.env },
    untilStopped: () => options.stop ?? new Promise(() => {}),
    ...(options.confirm !== undefined && { confirm: options.confirm }),
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

/**
 * Config files for the vendors of emulators, in `dir` (made if need be), readable by their owner only (the CLI refuses a
 * config file with a secret that others can read).
 */
export async function emulatorConfigFiles(
  dir: string,
  emulators: { nxcloud?: Emulator<'nxcloud'>; cams?: Emulator<'cams'> },
): Promise<{ nxcloud: string; cams: string }> {
  await mkdir(dir, { recursive: true });
  const files = { nxcloud: join(dir, 'nxcloud.json'), cams: join(dir, 'cams.json') };
  if (emulators.nxcloud) {
    await writeConfig(files.nxcloud, {
      provider: 'nxcloud',
      nxcloud: { ...emulators.nxcloud.nxcloud.config },
    });
  }
  if (emulators.cams) {
    await writeConfig(files.cams, { provider: 'cams', cams: { ...emulators.cams.cams.config } });
  }
  return files;
}

async function writeConfig(path: string, config: object): Promise<void> {
  await writeFile(path, JSON.stringify(config), { mode: 0o600 });
  await chmod(path, 0o600);
}
