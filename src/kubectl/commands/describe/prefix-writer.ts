/** describe's PrefixWriter: lines at indent levels of two spaces, later run through tabwriter (padding 2). */
import { tabwrite } from '../../printers/tabwriter.ts';

export class PrefixWriter {
  #text = '';

  write(level: number, line: string): void {
    this.#text += '  '.repeat(level) + line;
  }

  line(level: number, line: string): void {
    this.write(level, `${line}\n`);
  }

  toString(): string {
    return tabwrite(this.#text, 2);
  }
}

export function labelLines(w: PrefixWriter, level: number, title: string, map: Record<string, string> | undefined, separator: '=' | ': '): void {
  const keys = Object.keys(map ?? {}).sort();
  if (keys.length === 0) {
    w.line(level, `${title}\t<none>`);
    return;
  }
  keys.forEach((k, i) => w.line(i === 0 ? level : 0, `${i === 0 ? title : ''}\t${k}${separator}${map![k]}`));
}

/** `Sun, 22 Nov 2026 22:09:12 +0000` (RFC1123Z, UTC). */
export function rfc1123z(timestamp: string | null | undefined): string {
  if (!timestamp) return '<unknown>';
  const d = new Date(timestamp);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${days[d.getUTCDay()]}, ${p(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}
