import type { CliIo, OutputStream } from './cli-io.js';
import { Progress } from './progress.js';
import { describeFailure, renderFailure } from './render-error.js';
import { type Style, styleFor } from './style.js';
import { jsonText, terminalSafeDeep } from './terminal-text.js';

export type OutputMode = 'human' | 'json' | 'ndjson';

/** A paginated list as the client returns it. */
export interface PagedList<T> extends AsyncIterable<T> {
  pages(): AsyncIterable<{ items: readonly T[] }>;
}

/**
 * Where a command's results and failures go, in the output format chosen on the command line.
 * Everything it writes for a person is drawn from a terminal-safe copy of the value (see
 * terminal-text.ts): vendor text cannot act on the terminal, whichever renderer draws it.
 */
export class Output {
  constructor(
    private readonly io: CliIo,
    readonly mode: OutputMode,
  ) {}

  /** One result: as JSON, or drawn for a person by `render`. */
  show<T>(value: T, render: (value: T, style: Style) => string): void {
    if (this.mode === 'human') this.forPerson(this.io.stdout, value, render);
    else this.write(this.io.stdout, jsonText(value, this.mode === 'json' ? 2 : undefined));
  }

  /** Text for a person, whatever the output format (the emulator's banner). */
  text(text: string): void {
    this.forPerson(this.io.stdout, text, (safe) => safe);
  }

  /**
   * Text for a person on stderr, whatever the output format: what a long-running command says
   * about itself, so that stdout holds its results alone (`wabsp webhooks listen --ndjson`).
   */
  status(text: string): void {
    this.forPerson(this.io.stderr, text, (safe) => safe);
  }

  /**
   * NDJSON streams each item as its page arrives; the table and the JSON document need the
   * whole list, and show a progress counter on a terminal meanwhile.
   */
  async list<T>(
    list: PagedList<T>,
    options: { noun: string; maxItems?: number; render: (items: T[], style: Style) => string },
  ): Promise<void> {
    if (this.mode === 'ndjson') {
      for await (const item of list) this.write(this.io.stdout, jsonText(item));
      return;
    }
    const progress = new Progress(this.io.stderr, options.noun);
    const items: T[] = [];
    try {
      for await (const page of list.pages()) {
        items.push(...page.items);
        progress.add(page.items.length);
      }
    } finally {
      progress.done();
    }
    if (options.maxItems !== undefined) items.splice(options.maxItems);
    this.show(items, options.render);
  }

  /** Tells of a failure on stderr; resolves to the exit code. */
  failure(error: unknown): number {
    const failure = describeFailure(error);
    if (this.mode === 'human') this.forPerson(this.io.stderr, failure.view, renderFailure);
    else this.write(this.io.stderr, jsonText(failure.json));
    return failure.exitCode;
  }

  private forPerson<T>(stream: OutputStream, value: T, render: (value: T, style: Style) => string): void {
    this.write(stream, render(terminalSafeDeep(value), styleFor(stream, this.io.env)));
  }

  private write(stream: OutputStream, text: string): void {
    stream.write(`${text}\n`);
  }
}
