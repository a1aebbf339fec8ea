/** What the command touches of its process, passed in so tests can run it in-process. */
export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  env: Readonly<Record<string, string | undefined>>;
  /** Resolves when a long-running command (`wabsp emulator`) should stop, e.g. on Ctrl-C. */
  untilStopped(): Promise<void>;
}
