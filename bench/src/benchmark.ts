import type { ResultRow } from './report.js';

/** One benchmark of the suite: `pnpm bench -- <name>` runs it alone. */
export interface Benchmark {
  /** The file's name, used to select it on the command line. */
  readonly name: string;
  /** What it measures, as printed while it runs. */
  readonly title: string;
  /** Measures and returns the rows of the results table; `log` prints progress. */
  run(log: (line: string) => void): Promise<ResultRow[]>;
}
