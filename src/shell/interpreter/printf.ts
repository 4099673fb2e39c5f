/** printf's format language: %s %d %i %f %x %o %c %b %q %%, widths and precision; the format repeats for extra arguments. */
export function formatPrintf(format: string, args: string[]): string {
  let out = '';
  let index = 0;
  const unescape = (s: string) =>
    s.replace(/\\([nrt\\abfv0]|x[0-9a-fA-F]{1,2})/g, (_, c: string) =>
      c.startsWith('x')
        ? String.fromCharCode(parseInt(c.slice(1), 16))
        : ({ n: '\n', r: '\r', t: '\t', '\\': '\\', a: '\x07', b: '\b', f: '\f', v: '\v', '0': '\0' } as Record<string, string>)[c]!,
    );
  do {
    let consumed = false;
    out += unescape(format).replace(/%([-+ 0#]*)(\d+)?(?:\.(\d+))?([sdifxXocbq%])/g, (_, flags: string, width: string | undefined, precision: string | undefined, conv: string) => {
      if (conv === '%') return '%';
      const arg = args[index++] ?? '';
      consumed = true;
      let text: string;
      switch (conv) {
        case 'd':
        case 'i':
          text = String(Math.trunc(Number(arg) || 0));
          break;
        case 'f':
          text = (Number(arg) || 0).toFixed(precision !== undefined ? Number(precision) : 6);
          break;
        case 'x':
          text = (Math.trunc(Number(arg)) || 0).toString(16);
          break;
        case 'X':
          text = (Math.trunc(Number(arg)) || 0).toString(16).toUpperCase();
          break;
        case 'o':
          text = (Math.trunc(Number(arg)) || 0).toString(8);
          break;
        case 'c':
          text = arg.slice(0, 1);
          break;
        case 'b':
          text = unescape(arg);
          break;
        case 'q':
          text = shellQuote(arg);
          break;
        default:
          text = precision !== undefined ? arg.slice(0, Number(precision)) : arg;
      }
      const w = Number(width ?? 0);
      if (text.length < w) text = flags.includes('-') ? text.padEnd(w) : text.padStart(w, flags.includes('0') && conv !== 's' ? '0' : ' ');
      return text;
    });
    if (!consumed) break;
  } while (index < args.length);
  return out;
}

/**
 * `%q`: the argument quoted for reuse as shell input. Models bash's lib/sh/shquote.c
 * sh_backslash_quote (`~` and `#` only at the start) and `$'…'` for control characters.
 */
export function shellQuote(text: string): string {
  if (text === '') return "''";
  if (/[\x00-\x1f\x7f]/.test(text)) {
    const escaped = text.replace(
      /[\x00-\x1f\x7f'\\]/g,
      (c) => ({ '\t': '\\t', '\n': '\\n', '\r': '\\r', '\x1b': '\\E', "'": "\\'", '\\': '\\\\' })[c] ?? `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}`,
    );
    return `$'${escaped}'`;
  }
  return text.replace(/[ \t'"\\|&;()<>!{}*[\]?^$`,]|^[~#]/g, (c) => `\\${c}`);
}
