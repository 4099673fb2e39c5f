/**
 * Lays out `kubectl get` tables as cli-runtime's tabwriter does (minwidth 6, padding 3): every
 * column as wide as its widest cell plus three spaces, the last column unpadded. Like Go's
 * tabwriter it keeps the padding of a cell that an empty last cell follows.
 */
export function formatTable(rows: string[][]): string {
  if (rows.length === 0) return '';
  const widths: number[] = [];
  const runes = rows.map((row) =>
    row.map((cell, i) => {
      const count = runeCount(cell);
      widths[i] = Math.max(widths[i] ?? 0, count);
      return count;
    }),
  );
  const padding: string[] = [];
  const lines = rows.map((row, r) => {
    const last = row.length - 1;
    let line = '';
    for (let i = 0; i < last; i++) {
      const spaces = Math.max(widths[i]! + 3, 6) - runes[r]![i]!;
      line += row[i]! + (padding[spaces] ??= ' '.repeat(spaces));
    }
    return line + (row[last] ?? '');
  });
  return `${lines.join('\n')}\n`;
}

/** Go's tabwriter measures cells in runes (code points): a surrogate pair is one. */
function runeCount(cell: string): number {
  let count = cell.length;
  for (let i = 0; i < cell.length; i++) {
    const unit = cell.charCodeAt(i);
    if (unit < 0xd800 || unit > 0xdbff) continue;
    const next = cell.charCodeAt(i + 1);
    if (next >= 0xdc00 && next <= 0xdfff) {
      count--;
      i++;
    }
  }
  return count;
}
