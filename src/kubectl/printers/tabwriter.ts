/**
 * Go's text/tabwriter as kubectl uses it: tab-terminated cells align in columns over each run of
 * consecutive lines that have a cell in that column; text after the last tab is not padded.
 */
export function tabwrite(text: string, padding: number, minWidth = 0): string {
  const lines = text.split('\n');
  const cells = lines.map((l) => l.split('\t'));
  const widths: number[][] = cells.map(() => []);
  const maxColumns = Math.max(0, ...cells.map((c) => c.length - 1));
  for (let col = 0; col < maxColumns; col++) {
    let i = 0;
    while (i < cells.length) {
      if (cells[i]!.length - 1 <= col) {
        i++;
        continue;
      }
      let j = i;
      let width = 0;
      while (j < cells.length && cells[j]!.length - 1 > col) {
        width = Math.max(width, [...cells[j]![col]!].length);
        j++;
      }
      for (let k = i; k < j; k++) widths[k]![col] = Math.max(width + padding, minWidth);
      i = j;
    }
  }
  return cells.map((row, r) => row.map((cell, c) => (c < row.length - 1 ? cell + ' '.repeat(widths[r]![c]! - [...cell].length) : cell)).join('')).join('\n');
}
