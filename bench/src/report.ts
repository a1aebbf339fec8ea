import type { Summary } from './statistics.js';

/** One line of the results table. */
export interface ResultRow {
  readonly benchmark: string;
  readonly figure: string;
  readonly baseline: string;
  readonly ratio: string;
  readonly target: string;
  readonly pass: boolean;
}

/** A bound on a ratio: `atMost` for costs, `atLeast` for rates. */
export type RatioTarget = { readonly atMost: number } | { readonly atLeast: number };

export function meetsTarget(value: number, target: RatioTarget): boolean {
  return 'atMost' in target ? value <= target.atMost : value >= target.atLeast;
}

export function describeTarget(target: RatioTarget): string {
  return 'atMost' in target ? `≤ ${target.atMost.toFixed(2)}` : `≥ ${target.atLeast.toFixed(2)}`;
}

/** `12.3 ms (11.9–13.0)`: the median, then the range over the rounds when there were several. */
export function formatSummary(summary: Summary, unit: string, digits = 2): string {
  const value = `${summary.median.toFixed(digits)}${unit}`;
  if (summary.rounds < 2 || summary.min === summary.max) return value;
  return `${value} (${summary.min.toFixed(digits)}–${summary.max.toFixed(digits)})`;
}

/** A row comparing a figure with its same-run baseline; the verdict is on the median ratio. */
export function ratioRow(row: {
  benchmark: string;
  figure: Summary;
  baseline: Summary;
  ratio: Summary;
  unit: string;
  digits?: number;
  target: RatioTarget;
}): ResultRow {
  return {
    benchmark: row.benchmark,
    figure: formatSummary(row.figure, row.unit, row.digits),
    baseline: formatSummary(row.baseline, row.unit, row.digits),
    ratio: formatSummary(row.ratio, '', 3),
    target: describeTarget(row.target),
    pass: meetsTarget(row.ratio.median, row.target),
  };
}

const COLUMNS = [
  ['benchmark', 'benchmark'],
  ['figure', 'figure'],
  ['baseline', 'baseline'],
  ['ratio', 'ratio'],
  ['target', 'target'],
] as const;

/** A plain-text table, readable in a terminal and pasteable into Markdown as a code block. */
export function renderTable(rows: readonly ResultRow[]): string {
  const header = [...COLUMNS.map(([, title]) => title), 'result'];
  const body = rows.map((row) => [...COLUMNS.map(([key]) => row[key]), row.pass ? 'PASS' : 'FAIL']);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...body.map((cells) => cells[column]!.length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...body.map(line)].join('\n');
}

/** The same rows as a Markdown table, for docs/performance.md. */
export function renderMarkdown(rows: readonly ResultRow[]): string {
  const header = [...COLUMNS.map(([, title]) => title), 'result'];
  const escapePipes = (cell: string) => cell.replaceAll('|', '\\|');
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map(
      (row) =>
        `| ${[...COLUMNS.map(([key]) => escapePipes(row[key])), row.pass ? 'PASS' : 'FAIL'].join(' | ')} |`,
    ),
  ].join('\n');
}
