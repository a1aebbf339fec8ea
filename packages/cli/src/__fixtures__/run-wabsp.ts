import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The built command, run as a user would run it. */
export const WABSP_BIN = fileURLToPath(new URL('../../dist/bin.js', import.meta.url));

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built command with only the given environment (and PATH), colour off. */
export function wabsp(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WABSP_BIN, ...args], {
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

export interface RunningWabsp {
  stdout(): string;
  stderr(): string;
  /** Resolves with the first match of `pattern` in the stream, as soon as it has been printed. */
  waitFor(stream: 'stdout' | 'stderr', pattern: RegExp): Promise<RegExpMatchArray>;
  /** Sends SIGTERM (what Ctrl-C amounts to) and resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** Starts a long-running command (`wabsp webhooks listen`), with only the given environment. */
export function startWabsp(args: string[], env: Record<string, string> = {}): RunningWabsp {
  const child = spawn(process.execPath, [WABSP_BIN, ...args], {
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const text = { stdout: '', stderr: '' };
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  const watchers: Array<() => void> = [];
  for (const name of ['stdout', 'stderr'] as const) {
    child[name].on('data', (chunk) => {
      text[name] += chunk;
      for (const watcher of [...watchers]) watcher();
    });
  }
  return {
    stdout: () => text.stdout,
    stderr: () => text.stderr,
    waitFor: (stream, pattern) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const match = text[stream].match(pattern);
          if (match) {
            watchers.splice(watchers.indexOf(check), 1);
            resolve(match);
          }
        };
        watchers.push(check);
        check();
        void exited.then(() => reject(new Error(`wabsp exited before printing ${pattern}:\n${text.stderr}`)));
      }),
    stop: () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}
