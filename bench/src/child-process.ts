import { fork } from 'node:child_process';

/**
 * Runs a script of this package in a fresh Node.js process and resolves to the one message it
 * sends back (see `sendResult`). Used where the measurement needs a process of its own: a cold
 * module cache, or `--expose-gc` and a heap that holds nothing else.
 */
export function runChild(
  script: URL,
  args: readonly string[],
  execArgv: readonly string[] = [],
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const child = fork(script, args, {
      execArgv: [...execArgv],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result: { value: unknown } | undefined;
    child.once('message', (message: unknown) => {
      result = { value: message };
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0 && result !== undefined) resolve(result.value);
      else reject(new Error(`${script.pathname} ended with ${signal ?? `exit code ${code}`} and no result`));
    });
  });
}

/** The child's side of `runChild`: sends its result, then lets the process end. */
export function sendResult(value: unknown): Promise<void> {
  return new Promise((resolve, reject) => {
    if (process.send === undefined) {
      reject(new Error('this script runs as a child of the benchmark runner'));
      return;
    }
    process.send(value, (error: Error | null) => {
      if (error) reject(error);
      else {
        process.disconnect();
        resolve();
      }
    });
  });
}
