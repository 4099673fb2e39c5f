/**
 * Splits shell input into words and operators, keeping each word's quoting and expansions as
 * parts (`word-reader.ts`). Here-document bodies are read at the newline after their operator. Running out of input
 * inside a quote, `$(`, backticks or a here-document is IncompleteInput, which is how the terminal
 * knows to ask for another line. A real shell reads and runs one line at a time, so the lines before
 * such a point still run: tokenize hands back the tokens it got and the failure that stopped it.
 */
import type { Word } from './ast.ts';
import { IncompleteHeredoc, IncompleteInput, ShellSyntaxError, type SyntaxFailure } from './syntax-failure.ts';
import { readRegexWord, readWord, Unclosed } from './word-reader.ts';

export type Token = { kind: 'word'; word: Word; raw: string; line: number } | { kind: 'op'; op: string; fd?: number; line: number } | { kind: 'newline'; line: number };

export interface Tokens {
  tokens: Token[];
  /** What stopped the lexer before the end of the input, in place of the next token. */
  failure?: SyntaxFailure;
  /** The line the input ends on (1 + its newlines), and whether a newline ends it. */
  endLine: number;
  endsWithNewline: boolean;
}

const OPERATORS = ['&&', '||', ';;', '<<<', '<<-', '<<', '>>', '>&', '&>', '<&', ';', '&', '|', '(', ')', '<', '>'];

interface PendingHeredoc {
  delimiter: string;
  quoted: boolean;
  stripTabs: boolean;
  target: { body: string; quoted: boolean };
}

/** Characters read between two pauses of tokenizeSliced: a few milliseconds of lexing. */
export const LEX_SLICE_CHARS = 4096;

export function tokenize(input: string): Tokens {
  const { result, slices } = startTokens(input);
  for (;;) if (!stepTokens(result, slices)) return result;
}

/**
 * tokenize for an input of any size (`eval` of a variable, a sourced file): `pause` runs between
 * two slices of LEX_SLICE_CHARS, so the host gets its turns; an input of one slice never pauses.
 */
export async function tokenizeSliced(input: string, pause: () => Promise<void>): Promise<Tokens> {
  const { result, slices } = startTokens(input);
  while (stepTokens(result, slices)) await pause();
  return result;
}

function startTokens(input: string): { result: Tokens; slices: Generator<void, void> } {
  const tokens: Token[] = [];
  const endLine = (input.match(/\n/g) ?? []).length + 1;
  return { result: { tokens, endLine, endsWithNewline: input.endsWith('\n') }, slices: readTokens(input, tokens, endLine) };
}

/** Reads one slice; false once the input is read or a failure stopped the lexer. */
function stepTokens(result: Tokens, slices: Generator<void, void>): boolean {
  try {
    return !slices.next().done;
  } catch (error) {
    if (error instanceof IncompleteInput || error instanceof ShellSyntaxError) result.failure = error;
    else throw error;
    return false;
  }
}

function* readTokens(input: string, tokens: Token[], endLine: number): Generator<void, void> {
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

  let sliceEnd = LEX_SLICE_CHARS;
  while (i < n) {
    if (i >= sliceEnd) {
      sliceEnd = i + LEX_SLICE_CHARS;
      yield;
    }
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
    if (ch === '(' && input[i + 1] === '(' && startsCommand(previous)) {
      const end = arithmeticEnd(input, i);
      if (end < 0) throw new IncompleteInput({ kind: 'unterminated', what: '$(', line, endLine });
      const source = input.slice(i + 2, end - 2);
      tokens.push({ kind: 'word', word: { parts: [{ type: 'literal', text: input.slice(i, end), quoted: true }], arithmetic: source }, raw: input.slice(i, end), line });
      line += (source.match(/\n/g) ?? []).length;
      i = end;
      continue;
    }
    const arrayStart = /^([A-Za-z_][A-Za-z0-9_]*(?:\[[^\]]*\])?\+?=)\(/.exec(input.slice(i, i + 256));
    if (arrayStart) {
      const start = i;
      const elements: Word[] = [];
      i += arrayStart[0].length;
      for (;;) {
        while (i < n && /[ \t\n]/.test(input[i]!)) if (input[i++] === '\n') line++;
        if (input[i] === '#') while (i < n && input[i] !== '\n') i++;
        else if (input[i] === ')') break;
        else if (i >= n) throw endOfInput();
        else {
          const read = readWord(input, i);
          if (read.end === i) throw new ShellSyntaxError({ kind: 'unexpected', found: { kind: 'op', text: input[i]!, redirection: false }, line });
          elements.push(read.word);
          i = read.end;
        }
      }
      i++;
      tokens.push({ kind: 'word', word: { parts: [{ type: 'literal', text: arrayStart[1]!, quoted: false }], array: elements }, raw: input.slice(start, i), line });
      continue;
    }
    // Inside `[[ ]]` parentheses group the conditions: words, not subshells.
    const conditionalOp = /^(&&|\|\||[()<>])/.exec(input.slice(i, i + 2))?.[1];
    if (conditionalOp && insideConditional(tokens)) {
      tokens.push({ kind: 'word', word: { parts: [{ type: 'literal', text: conditionalOp, quoted: false }] }, raw: conditionalOp, line });
      i += conditionalOp.length;
      continue;
    }
    const processSubstitution = (ch === '<' || ch === '>') && input[i + 1] === '(';
    const op = processSubstitution ? undefined : OPERATORS.find((o) => input.startsWith(o, i));
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

/** True after a `[[` whose `]]` has not come yet on this line: its `&& || ( ) < >` are words of the condition. */
function insideConditional(tokens: Token[]): boolean {
  for (let k = tokens.length - 1; k >= 0; k--) {
    const token = tokens[k]!;
    if (token.kind !== 'word') {
      if (token.kind === 'newline' || (token.op !== '&&' && token.op !== '||' && token.op !== '<' && token.op !== '>')) return false;
      continue;
    }
    if (token.raw === ']]') return false;
    if (token.raw === '[[') return true;
  }
  return false;
}

const COMMAND_STARTERS = new Set(['do', 'then', 'else', 'elif', '{', '!', 'for', 'while', 'until', 'if']);

/** `((` opens an arithmetic command where a command may start (and after `for`). */
function startsCommand(previous: Token | undefined): boolean {
  if (!previous || previous.kind === 'newline') return true;
  if (previous.kind === 'op') return ['&&', '||', ';', '&', '|', '(', ';;'].includes(previous.op);
  return COMMAND_STARTERS.has(previous.raw);
}

/** Where the `))` closing the `((` at `start` ends, or -1 when the input ends first. */
function arithmeticEnd(input: string, start: number): number {
  let depth = 0;
  for (let i = start; i < input.length; i++) {
    if (input[i] === '(') depth++;
    else if (input[i] === ')' && --depth === 0) return input[i - 1] === ')' ? i + 1 : -1;
  }
  return -1;
}

function lineOffset(input: string, from: number, to: number): number {
  return (input.slice(from, to).match(/\n/g) ?? []).length;
}
