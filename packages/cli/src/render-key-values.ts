/** `key  value` lines with the values aligned; rows whose value is undefined are left out. */
export function renderKeyValues(rows: readonly (readonly [string, string | undefined])[]): string {
  const present = rows.filter((row): row is readonly [string, string] => row[1] !== undefined);
  const width = Math.max(...present.map(([key]) => key.length));
  return present.map(([key, value]) => `${key.padEnd(width)}  ${value}`).join('\n');
}
