/**
 * Bash's history expansion of a typed line (lib/readline/histexpand.c history_expand): events
 * `!!`, `!n`, `!-n`, `!prefix`, `!?text?`, word designators (`!$`, `!^`, `!*`, `:n`, `:n-m`),
 * the modifiers `:p` and `:s/old/new/`, and `^old^new^`. Only the terminal's shell expands;
 * scripts never do (bash turns it off when not interactive).
 */

export type HistoryExpansion =
  | { kind: 'unchanged' }
  /** `print`: `:p` asked to show the line, not run it. */
  | { kind: 'expanded'; line: string; print: boolean }
  | { kind: 'failed'; message: string };

class ExpansionFailure extends Error {}

/** Models histexpand.c history_no_expand_chars plus extglob's `(`: a `!` before these stays. */
const NO_EXPAND = new Set([' ', '\t', '\n', '\r', '=', '(']);

export function expandHistory(line: string, history: readonly string[]): HistoryExpansion {
  if (!line.includes('!') && !line.startsWith('^')) return { kind: 'unchanged' };
  try {
    let print = false;
    let out = '';
    let changed = false;
    let i = 0;
    if (line.startsWith('^')) {
      const [old = '', replacement = '', rest = ''] = splitQuick(line.slice(1));
      const last = event(history, '!!');
      out = substitute(last, old, replacement, `:s^${old}^${replacement}`) + rest;
      return { kind: 'expanded', line: out, print: false };
    }
    let single = false;
    let double = false;
    while (i < line.length) {
      const ch = line[i]!;
      if (ch === '\\' && !single) {
        out += line.slice(i, i + 2);
        i += 2;
        continue;
      }
      if (ch === "'" && !double) single = !single;
      if (ch === '"') double = !double;
      const next = line[i + 1];
      if (ch !== '!' || single || next === undefined || NO_EXPAND.has(next) || (double && next === '"')) {
        out += ch;
        i++;
        continue;
      }
      const spec = /^!(!|-?\d+|\?[^?\n]*\??|[$^*]|[^\s:$^*!"'`;&|<>()]+)/.exec(line.slice(i));
      if (!spec) {
        out += ch;
        i++;
        continue;
      }
      let text = spec[0];
      let words: string[];
      let designator = spec[1]!;
      let eventLine: string;
      if ('$^*'.includes(designator)) {
        eventLine = event(history, '!!');
        words = historyWords(eventLine);
      } else {
        eventLine = event(history, text.replace(/\?$/, ''));
        words = historyWords(eventLine);
        designator = '';
      }
      let result = designator ? pickWords(words, designator === '$' ? '$' : designator === '^' ? '1' : '1-$', text) : eventLine;
      // Word designators and modifiers after a colon.
      let rest = line.slice(i + text.length);
      for (;;) {
        const mod = /^:(\d+-\d*|\d+|\$|\^|\*|-\d+|p|s(.)(.*?)\2(.*?)(?:\2|$)|g?s)/.exec(rest);
        if (!mod) break;
        const m = mod[1]!;
        if (m === 'p') print = true;
        else if (m.startsWith('s') && mod[2]) result = substitute(result, mod[3]!, mod[4]!, mod[0]);
        else result = pickWords(historyWords(result), m === '^' ? '1' : m === '*' ? '1-$' : m, mod[0]);
        text += mod[0];
        rest = rest.slice(mod[0].length);
      }
      out += result;
      changed = true;
      i += text.length;
    }
    return changed ? { kind: 'expanded', line: out, print } : { kind: 'unchanged' };
  } catch (error) {
    if (error instanceof ExpansionFailure) return { kind: 'failed', message: error.message };
    throw error;
  }
}

/** The line an event names, or `event not found` in the words the user typed. */
function event(history: readonly string[], spec: string): string {
  const notFound = () => new ExpansionFailure(`${spec}: event not found`);
  if (spec === '!!') {
    const last = history.at(-1);
    if (last === undefined) throw notFound();
    return last;
  }
  const body = spec.slice(1);
  if (/^-?\d+$/.test(body)) {
    const n = Number(body);
    const line = n < 0 ? history[history.length + n] : history[n - 1];
    if (line === undefined) throw notFound();
    return line;
  }
  const contains = body.startsWith('?');
  const needle = contains ? body.slice(1) : body;
  for (let k = history.length - 1; k >= 0; k--) {
    const line = history[k]!;
    if (contains ? line.includes(needle) : line.startsWith(needle)) return line;
  }
  throw notFound();
}

/** Models histexpand.c history_tokenize: blanks split words, quotes hold them, operators stand alone. */
export function historyWords(line: string): string[] {
  const words: string[] = [];
  const re = /\s*((?:\\.|'[^']*'?|"(?:\\.|[^"])*"?|[^\s'"|&;<>()])+|&&|\|\||;;|>>|<<|[|&;<>()])/gy;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line)) !== null) words.push(m[1]!);
  return words;
}

function pickWords(words: string[], range: string, spec: string): string {
  const bad = () => new ExpansionFailure(`${spec.startsWith(':') ? spec : spec.slice(spec.search(/[$^*]/))}: bad word specifier`);
  const index = (s: string) => (s === '$' ? words.length - 1 : Number(s));
  const [from, to] = range.includes('-') ? [range.split('-')[0] || '0', range.split('-')[1] || '$'] : [range, range];
  if (range === '1-$' && words.length <= 1) return '';
  const a = index(from);
  const b = index(to);
  if (a < 0 || b >= words.length || a > b) throw bad();
  return words.slice(a, b + 1).join(' ');
}

function substitute(text: string, old: string, replacement: string, spec: string): string {
  const at = old === '' ? -1 : text.indexOf(old);
  if (at < 0) throw new ExpansionFailure(`${spec}: substitution failed`);
  return text.slice(0, at) + replacement.replace(/&/g, old) + text.slice(at + old.length);
}

/** `old^new^rest` of a quick substitution. */
function splitQuick(text: string): string[] {
  const first = text.indexOf('^');
  if (first < 0) return [text, '', ''];
  const second = text.indexOf('^', first + 1);
  return second < 0 ? [text.slice(0, first), text.slice(first + 1), ''] : [text.slice(0, first), text.slice(first + 1, second), text.slice(second + 1)];
}
