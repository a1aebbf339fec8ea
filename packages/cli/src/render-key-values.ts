/** `key  value` lines with the values aligned; rows whose value is undefined are left out. */
export function renderKeyValues(rows: readonly (readonly [string, string | undefined])[]): string {
  const present = rows.filter((row): row is readonly [string, string] => row[1] !== undefined);
  const width = Math.max(...present.map(([key]) => key.length));
  // A value is one line: a line break in a vendor's name must not look like a field of its own.
  return present.map(([key, value]) => `${key.padEnd(width)}  ${value.replace(/\s*\n\s*/g, ' ')}`).join('\n');
}
