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
  /**
   * Asks a person a yes/no question and resolves to their answer. Present only when someone can
   * answer: standard input and standard error are both a terminal.
   */
  confirm?(question: string): Promise<boolean>;
}
