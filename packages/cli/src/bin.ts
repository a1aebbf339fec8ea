#!/usr/bin/env node
import { createInterface } from 'node:readline/promises';
import { runCli } from './main.js';

// A reader that stops early (`wabsp … --ndjson | head -c 1`) closes the pipe, and the next write
// fails with EPIPE. No one is left to read anything more, so the command stops quietly instead of
// crashing with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
}

const exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  untilStopped: () =>
    new Promise((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    }),
  ...(process.stdin.isTTY && process.stderr.isTTY ? { confirm: askOnTerminal } : {}),
});
process.exitCode = exitCode;

/** A yes/no question on the terminal; only `y` or `yes` (any case) is a yes. */
async function askOnTerminal(question: string): Promise<boolean> {
  const terminal = createInterface({ input: process.stdin, output: process.stderr });
  // Ctrl-C or Ctrl-D at the prompt is a no, not a failure.
  const closed = new Promise<string>((resolve) => terminal.once('close', () => resolve('')));
  terminal.once('SIGINT', () => terminal.close());
  try {
    const answer = await Promise.race([terminal.question(`${question} [y/N] `), closed]).catch(() => '');
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    terminal.close();
  }
}
