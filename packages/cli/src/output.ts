import type { CliIo } from './cli-io.js';
import { Progress } from './progress.js';
import { type Style, styleFor } from './style.js';

export type OutputMode = 'human' | 'json' | 'ndjson';

/** A paginated list as the client returns it. */
export interface PagedList<T> extends AsyncIterable<T> {
  pages(): AsyncIterable<{ items: readonly T[] }>;
}

/** Where a command's results go, in the output format chosen on the command line. */
export class Output {
  readonly style: Style;

  constructor(
    private readonly io: CliIo,
    readonly mode: OutputMode,
  ) {
    this.style = styleFor(io.stdout, io.env);
  }

  /** One result: as JSON, or drawn for a person by `render`. */
  show<T>(value: T, render: (value: T, style: Style) => string): void {
    if (this.mode === 'human') this.print(render(value, this.style));
    else this.print(JSON.stringify(value, null, this.mode === 'json' ? 2 : 0));
  }

  /** Text for a person, whatever the output format (the emulator's banner). */
  text(text: string): void {
    this.print(text);
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
      for await (const item of list) this.print(JSON.stringify(item));
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

  private print(text: string): void {
    this.io.stdout.write(`${text}\n`);
  }
}
