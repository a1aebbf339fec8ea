import type { OutputStream } from './cli-io.js';
import { terminalSafe } from './terminal-text.js';

const WIDTH = 24;

/**
 * A one-line `[#####.....] 12/40 what` bar on stderr while a long run goes on (an apply); silent
 * when stderr is not a terminal, and gone when done.
 */
export class ProgressBar {
  private shown = false;

  constructor(private readonly stream: OutputStream) {}

  update(done: number, total: number, what: string): void {
    if (!this.stream.isTTY || total === 0) return;
    const filled = Math.round((done / total) * WIDTH);
    const bar = `${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}`;
    this.shown = true;
    this.stream.write(`\r\u001b[2K[${bar}] ${done}/${total} ${terminalSafe(what).slice(0, 60)}`);
  }

  done(): void {
    if (this.shown) this.stream.write('\r\u001b[2K');
    this.shown = false;
  }
}
