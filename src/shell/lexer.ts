/**
 * Splits shell input into words and operators, keeping each word's quoting and expansions as
 * parts. Here-document bodies are read at the newline after their operator. Running out of input
 * inside a quote, `$(`, backticks or a here-document is IncompleteInput, which is how the terminal
 * knows to ask for another line. A real shell reads and runs one line at a time, so the lines before
 * such a point still run: tokenize hands back the tokens it got and the failure that stopped it.
 */
import type { Word, WordPart } from './ast.ts';
import type { SyntaxProblem, Unterminated } from './syntax-problem.ts';

/** More input could complete it: the terminal asks for another line, a script ends in an error. */
export class IncompleteInput extends Error {
  readonly problem: SyntaxProblem;

  constructor(problem: SyntaxProblem) {
    super('incomplete input');
    this.problem = problem;
  }
}

/** No more input can mend it. */
export class ShellSyntaxError extends Error {
  readonly problem: SyntaxProblem;

  constructor(problem: SyntaxProblem) {
    super(problem.kind === 'message' ? problem.text : 'syntax error');
    this.problem = problem;
  }
}

/** Input that ends inside a here-document's body: only a line equal to `delimiter` can complete it. */
export class IncompleteHeredoc extends IncompleteInput {
  readonly delimiter: string;
  /** `<<-`: the delimiter line may start with tabs. */
  readonly stripTabs: boolean;

  constructor(problem: SyntaxProblem, delimiter: string, stripTabs: boolean) {
    super(problem);
    this.delimiter = delimiter;
    this.stripTabs = stripTabs;
  }
}

export type SyntaxFailure = IncompleteInput | ShellSyntaxError;

export type Token = { kind: 'word'; word: Word; raw: string; line: number } | { kind: 'op'; op: string; fd?: number; line: number } | { kind: 'newline'; line: number };

export interface Tokens {
  tokens: Token[];
  /** What stopped the lexer before the end of the input, in place of the next token. */
  failure?: SyntaxFailure;
  /** The line the input ends on (1 + its newlines), and whether a newline ends it. */
  endLine: number;
  endsWithNewline: boolean;
}

const OPERATORS = ['&&', '||', ';;', '<<-', '<<', '>>', '>&', '&>', '<&', ';', '&', '|', '(', ')', '<', '>'];

interface PendingHeredoc {
  delimiter: string;
  quoted: boolean;
  stripTabs: boolean;
  target: { body: string; quoted: boolean };
}

export function tokenize(input: string): Tokens {
  const tokens: Token[] = [];
  const endLine = (input.match(/\n/g) ?? []).length + 1;
  const result: Tokens = { tokens, endLine, endsWithNewline: input.endsWith('\n') };
  try {
    readTokens(input, tokens, endLine);
  } catch (error) {
    if (error instanceof IncompleteInput || error instanceof ShellSyntaxError) result.failure = error;
    else throw error;
  }
  return result;
}

function readTokens(input: string, tokens: Token[], endLine: number): void {
  const heredocs: PendingHeredoc[] = [];
  let i = 0;
  let line = 1;
  const n = input.length;
  const endOfInput = () => new IncompleteInput({ kind: 'unexpected', found: { kind: 'end', midLine: false }, line: endLine });
  const endOfHeredoc = (doc: PendingHeredoc) => new IncompleteHeredoc({ kind: 'unexpected', found: { kind: 'end', midLine: false }, line: endLine }, doc.delimiter, doc.stripTabs);

  const readHeredocBodies = () => {
    for (const doc of heredocs.splice(0)) {
      let body = '';
      for (;;) {
        if (i >= n) throw endOfHeredoc(doc);
        const end = input.indexOf('\n', i);
        const rawLine = end < 0 ? input.slice(i) : input.slice(i, end);
        if (end < 0 && rawLine !== doc.delimiter && (doc.stripTabs ? rawLine.replace(/^\t+/, '') : rawLine) !== doc.delimiter) throw endOfHeredoc(doc);
        i = end < 0 ? n : end + 1;
        line++;
        const content = doc.stripTabs ? rawLine.replace(/^\t+/, '') : rawLine;
        if (content === doc.delimiter) break;
        body += `${content}\n`;
      }
      doc.target.body = body;
      doc.target.quoted = doc.quoted;
    }
  };

  while (i < n) {
    const ch = input[i]!;
    if (ch === ' ' || ch === '\t') {
      i++;
      continue;
    }
    if (ch === '\\' && input[i + 1] === '\n') {
      i += 2;
      line++;
      continue;
    }
    if (ch === '\n') {
      // The bodies first: a here-document cut short leaves its command unfinished, so it does not run.
      const newline: Token = { kind: 'newline', line };
      i++;
      line++;
      readHeredocBodies();
      tokens.push(newline);
      continue;
    }
    if (ch === '#') {
      while (i < n && input[i] !== '\n') i++;
      continue;
    }
    // An fd number glued to a redirection: 2>, 2>>, 2>&1, 0<
    const fdMatch = /^(\d+)(>>|>&|>|<&|<)/.exec(input.slice(i, i + 4));
    if (fdMatch) {
      tokens.push({ kind: 'op', op: fdMatch[2]!, fd: Number(fdMatch[1]), line });
      i += fdMatch[0].length;
      continue;
    }
    const previous = tokens.at(-1);
    if (previous?.kind === 'word' && previous.raw === '=~' && tokens.some((t) => t.kind === 'word' && t.raw === '[[')) {
      const start = i;
      const { word, end } = readRegexWord(input, i);
      i = end;
      tokens.push({ kind: 'word', word, raw: input.slice(start, end), line });
      continue;
    }
    const op = OPERATORS.find((o) => input.startsWith(o, i));
    if (op) {
      i += op.length;
      tokens.push({ kind: 'op', op, line });
      if (op === '<<' || op === '<<-') {
        while (input[i] === ' ' || input[i] === '\t') i++;
        const start = i;
        const { word, end } = readWord(input, i);
        i = end;
        const raw = input.slice(start, end);
        const quoted = /['"\\]/.test(raw);
        const delimiter = word.parts.map((p) => (p.type === 'literal' ? p.text : '')).join('');
        const target = { body: '', quoted };
        heredocs.push({ delimiter, quoted, stripTabs: op === '<<-', target });
        tokens.push({ kind: 'word', word: { parts: [{ type: 'literal', text: delimiter, quoted: true }], heredoc: target }, raw, line });
      }
      continue;
    }
    const start = i;
    const startLine = line;
    let read: { word: Word; end: number };
    try {
      read = readWord(input, i);
    } catch (error) {
      if (error instanceof Unclosed) throw new IncompleteInput({ kind: 'unterminated', what: error.what, line: startLine + lineOffset(input, start, error.at), endLine });
      throw error;
    }
    const { word, end } = read;
    line += (input.slice(i, end).match(/\n/g) ?? []).length;
    i = end;
    tokens.push({ kind: 'word', word, raw: input.slice(start, end), line: startLine });
  }
  if (heredocs.length > 0) throw endOfHeredoc(heredocs[0]!);
}

function lineOffset(input: string, from: number, to: number): number {
  return (input.slice(from, to).match(/\n/g) ?? []).length;
}

/** Thrown inside a word: what was left open, and at which offset; tokenize turns that into lines. */
class Unclosed extends IncompleteInput {
  readonly what: Unterminated;
  readonly at: number;

  constructor(what: Unterminated, at: number) {
    super({ kind: 'unterminated', what, line: 0, endLine: 0 });
    this.what = what;
    this.at = at;
  }
}

/**
 * The word after `=~` inside `[[ ]]`: bash reads it with parentheses and `|` as part of the word,
 * and blanks too while a parenthesis is open, so `[[ $x =~ ^(a|b c)$ ]]` needs no quoting.
 */
function readRegexWord(input: string, start: number): { word: Word; end: number } {
  const parts: WordPart[] = [];
  let depth = 0;
  let i = start;
  while (i < input.length) {
    const ch = input[i]!;
    const open = depth > 0;
    if (ch === '(' || ch === '|' || (ch === ')' && open) || ((ch === ' ' || ch === '\t') && open)) {
      if (ch === '(') depth++;
      if (ch === ')') depth--;
      parts.push({ type: 'literal', text: ch, quoted: false });
      i++;
      continue;
    }
    if (WORD_END.has(ch)) break;
    const read = readWord(input, i);
    parts.push(...read.word.parts);
    i = read.end;
  }
  return { word: { parts }, end: i };
}

const QUOTED_RUN = /[^"\\$`]+/y;
const PLAIN_RUN = /[^ \t\n;&|()<>\\'"$`]+/y;
const WORD_END = new Set([' ', '\t', '\n', ';', '&', '|', '(', ')', '<', '>']);

/** Reads one word starting at `start`; returns its parts and where it ends. */
export function readWord(input: string, start: number): { word: Word; end: number } {
  const parts: WordPart[] = [];
  let literal = '';
  let i = start;
  const flush = (quoted: boolean) => {
    if (literal) parts.push({ type: 'literal', text: literal, quoted });
    literal = '';
  };
  while (i < input.length) {
    // Ordinary characters go in as one run: a pasted 2 MB word is read in one step, not per character.
    PLAIN_RUN.lastIndex = i;
    const run = PLAIN_RUN.exec(input)?.[0];
    if (run) {
      literal += run;
      i += run.length;
      continue;
    }
    const ch = input[i]!;
    if (WORD_END.has(ch)) break;
    if (ch === '\\') {
      flush(false);
      // A backslash that ends the input stands for itself (`sh -c 'echo a \'` prints `a \`).
      parts.push({ type: 'literal', text: input[i + 1] ?? '\\', quoted: true });
      i += 2;
      continue;
    }
    if (ch === "'") {
      flush(false);
      const close = input.indexOf("'", i + 1);
      if (close < 0) throw new Unclosed("'", i);
      parts.push({ type: 'literal', text: input.slice(i + 1, close), quoted: true });
      i = close + 1;
      continue;
    }
    if (ch === '$' && input[i + 1] === "'") {
      flush(false);
      let j = i + 2;
      let text = '';
      while (j < input.length && input[j] !== "'") {
        if (input[j] === '\\' && j + 1 < input.length) {
          const e = input[j + 1]!;
          text += ({ n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', e: '\x1b', a: '\x07' } as Record<string, string>)[e] ?? `\\${e}`;
          j += 2;
        } else text += input[j++];
      }
      if (j >= input.length) throw new Unclosed("'", i);
      parts.push({ type: 'literal', text, quoted: true });
      i = j + 1;
      continue;
    }
    if (ch === '"') {
      flush(false);
      i = readDoubleQuoted(input, i + 1, parts);
      continue;
    }
    if (ch === '$' || ch === '`') {
      const expansion = readExpansion(input, i, false);
      if (expansion) {
        flush(false);
        parts.push(expansion.part);
        i = expansion.end;
        continue;
      }
    }
    literal += ch;
    i++;
  }
  flush(false);
  return { word: { parts }, end: i };
}

function readDoubleQuoted(input: string, start: number, parts: WordPart[]): number {
  let i = start;
  let text = '';
  let sawAny = false;
  const flush = () => {
    if (text || !sawAny) parts.push({ type: 'literal', text, quoted: true });
    sawAny = true;
    text = '';
  };
  while (i < input.length) {
    QUOTED_RUN.lastIndex = i;
    const run = QUOTED_RUN.exec(input)?.[0];
    if (run) {
      text += run;
      i += run.length;
      continue;
    }
    const ch = input[i]!;
    if (ch === '"') {
      if (text || !sawAny) flush();
      return i + 1;
    }
    if (ch === '\\' && i + 1 < input.length && '$`"\\\n'.includes(input[i + 1]!)) {
      if (input[i + 1] !== '\n') text += input[i + 1];
      i += 2;
      continue;
    }
    if (ch === '$' || ch === '`') {
      const expansion = readExpansion(input, i, true);
      if (expansion) {
        if (text) flush();
        sawAny = true;
        parts.push(expansion.part);
        i = expansion.end;
        continue;
      }
    }
    text += ch;
    i++;
  }
  throw new Unclosed('"', start - 1);
}

/** `$NAME`, `${…}`, `$(…)`, `$((…))`, or backticks at `start`; undefined for a lone `$`. */
function readExpansion(input: string, start: number, quoted: boolean): { part: WordPart; end: number } | undefined {
  const ch = input[start];
  if (ch === '`') {
    let j = start + 1;
    let source = '';
    while (j < input.length && input[j] !== '`') {
      if (input[j] === '\\' && j + 1 < input.length && '$`\\'.includes(input[j + 1]!)) {
        source += input[j + 1];
        j += 2;
      } else source += input[j++];
    }
    if (j >= input.length) throw new Unclosed('`', start);
    return { part: { type: 'command', source, quoted }, end: j + 1 };
  }
  const next = input[start + 1];
  if (next === '(' && input[start + 2] === '(') {
    const end = matchingClose(input, start + 3, '((', '))');
    return { part: { type: 'arithmetic', source: input.slice(start + 3, end), quoted }, end: end + 2 };
  }
  if (next === '(') {
    const end = matchingParen(input, start + 2);
    return { part: { type: 'command', source: input.slice(start + 2, end), quoted }, end: end + 1 };
  }
  if (next === '{') {
    const close = matchingBrace(input, start + 2);
    const body = input.slice(start + 2, close);
    if (body.startsWith('#') && /^#[A-Za-z_][A-Za-z0-9_]*$/.test(body)) {
      return { part: { type: 'parameter', name: body.slice(1), length: true, quoted }, end: close + 1 };
    }
    const m = /^([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[@*#?$!])(:?[-=+?]|##|#|%%|%)?([\s\S]*)$/.exec(body);
    if (!m) throw new ShellSyntaxError({ kind: 'message', text: `\${${body}}: bad substitution` });
    const part: WordPart = { type: 'parameter', name: m[1]!, quoted };
    if (m[2])
      part.modifier = {
        op: m[2],
        word: readWord(
          m[3]!.replace(/[ \t]/g, (c) => `\\${c}`),
          0,
        ).word,
      };
    return { part, end: close + 1 };
  }
  const name = /^([A-Za-z_][A-Za-z0-9_]*|[0-9@*#?$!-])/.exec(input.slice(start + 1));
  if (!name) return undefined;
  return { part: { type: 'parameter', name: name[1]!, quoted }, end: start + 1 + name[1]!.length };
}

function matchingParen(input: string, from: number): number {
  let depth = 1;
  let i = from;
  while (i < input.length) {
    const ch = input[i]!;
    if (ch === "'") {
      const close = input.indexOf("'", i + 1);
      if (close < 0) throw new Unclosed("'", i);
      i = close + 1;
      continue;
    }
    if (ch === '"') {
      i = readDoubleQuoted(input, i + 1, []);
      continue;
    }
    if (ch === '\\') {
      i += 2;
      continue;
    }
    if (ch === '(') depth++;
    if (ch === ')' && --depth === 0) return i;
    i++;
  }
  throw new Unclosed('$(', from - 2);
}

function matchingClose(input: string, from: number, open: string, close: string): number {
  let depth = 1;
  for (let i = from; i < input.length; i++) {
    if (input.startsWith(open, i)) depth++;
    else if (input.startsWith(close, i) && --depth === 0) return i;
  }
  throw new Unclosed('$(', from - 3);
}

function matchingBrace(input: string, from: number): number {
  let depth = 1;
  for (let i = from; i < input.length; i++) {
    if (input[i] === '{') depth++;
    if (input[i] === '}' && --depth === 0) return i;
  }
  throw new Unclosed('${', from - 2);
}
