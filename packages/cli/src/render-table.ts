import stringWidth from 'string-width';

/** Aligned columns with a header row, for list output a person reads. */
export function renderTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const cells = [headers, ...rows].map((row) => row.map(oneLine));
  const widths = headers.map((_, column) => Math.max(...cells.map((row) => stringWidth(row[column] ?? ''))));
  const line = (row: readonly string[]) =>
    row
      .map((cell, column) =>
        column === row.length - 1 ? cell : cell + ' '.repeat(widths[column]! - stringWidth(cell)),
      )
      .join('  ')
      .trimEnd();
  return cells.map(line).join('\n');
}

/** A cell is one line: a name with a line break in it must not start a row of its own. */
function oneLine(cell: string): string {
  return cell.replace(/\s*\n\s*/g, ' ');
}
