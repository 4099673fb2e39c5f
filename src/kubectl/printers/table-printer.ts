/**
 * Lays out `kubectl get` tables as cli-runtime's tabwriter does (minwidth 6, padding 3): every
 * column as wide as its widest cell plus three spaces, the last column unpadded. Like Go's
 * tabwriter it keeps the padding of a cell that an empty last cell follows.
 */
export function formatTable(rows: string[][]): string {
  if (rows.length === 0) return '';
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)));
  return rows
    .map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat(Math.max(widths[i]! + 3, 6) - [...cell].length))).join(''))
    .join('\n')
    .concat('\n');
}
