import type { OutputStream } from './cli-io.js';

/** A one-line "fetched N" counter on stderr while a long listing runs; silent when stderr is not a terminal. */
export class Progress {
  private count = 0;
  private shown = false;

  constructor(
    private readonly stream: OutputStream,
    private readonly noun: string,
  ) {}

  add(items: number): void {
    this.count += items;
    if (!this.stream.isTTY) return;
    this.shown = true;
    this.stream.write(`\r\u001b[2Kfetched ${this.count} ${this.noun}…`);
  }

  done(): void {
    if (this.shown) this.stream.write('\r\u001b[2K');
  }
}
