/**
 * The lexer of Go's text/template (text/template/parse/lex.go): text between `{{` `}}` actions,
 * trim markers, comments, and the tokens of a pipeline.
 */

export type ItemType =
  | 'text'
  | 'leftDelim'
  | 'rightDelim'
  | 'space'
  | 'identifier'
  | 'field'
  | 'variable'
  | 'string'
  | 'rawString'
  | 'charConstant'
  | 'number'
  | 'bool'
  | 'nil'
  | 'dot'
  | 'pipe'
  | 'leftParen'
  | 'rightParen'
  | 'declare'
  | 'assign'
  | 'punct'
  | 'keyword'
  | 'comment'
  | 'eof'
  | 'error';

export interface Item {
  type: ItemType;
  value: string;
  /** Byte offset in the template text, for `output:LINE:COL` in execution errors. */
  pos: number;
  line: number;
}

const KEYWORDS = new Set(['block', 'break', 'continue', 'define', 'else', 'end', 'if', 'range', 'template', 'with']);
const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\r' || c === '\n';
const isAlphaNumeric = (c: string) => c === '_' || /^[\p{L}\p{Nd}]$/u.test(c);

/** Splits the whole template into items; the last is `eof` or an `error` carrying lex.go's message. */
export function lex(input: string): Item[] {
  const items: Item[] = [];
  let pos = 0;
  let start = 0;
  let line = 1;
  let startLine = 1;
  let parenDepth = 0;
  const emit = (type: ItemType) => {
    items.push({ type, value: input.slice(start, pos), pos: start, line: startLine });
    start = pos;
    startLine = line;
  };
  const advance = (n: number) => {
    for (let i = 0; i < n; i++) if (input[pos + i] === '\n') line++;
    pos += n;
  };
  const ignore = () => {
    start = pos;
    startLine = line;
  };
  const fail = (message: string) => {
    items.push({ type: 'error', value: message, pos: start, line: startLine });
  };

  // lexText and lexLeftDelim
  for (;;) {
    const next = input.indexOf('{{', pos);
    if (next < 0) {
      advance(input.length - pos);
      if (pos > start) emit('text');
      items.push({ type: 'eof', value: '', pos, line });
      return items;
    }
    advance(next - pos);
    const trimLeft = input.startsWith('{{- ', pos) || input.startsWith('{{-\t', pos) || input.startsWith('{{-\r', pos) || input.startsWith('{{-\n', pos);
    if (pos > start) {
      const text = input.slice(start, pos);
      const kept = trimLeft ? text.replace(/[ \t\r\n]+$/, '') : text;
      if (kept) items.push({ type: 'text', value: kept, pos: start, line: startLine });
    }
    start = pos;
    startLine = line;
    advance(2);
    if (trimLeft) advance(1);
    emit('leftDelim');
    while (isSpace(input[pos] ?? '')) advance(1);
    ignore();
    if (input.startsWith('/*', pos)) {
      const end = input.indexOf('*/', pos + 2);
      if (end < 0) return (fail('unclosed comment'), items);
      advance(end + 2 - pos);
      const closing = atRightDelim(input, pos);
      if (!closing) return (fail('comment ends before closing delimiter'), items);
      items.pop();
      advance(closing.length);
      if (closing.trim) skipSpace();
      ignore();
      continue;
    }
    // lexInsideAction
    for (;;) {
      const closing = atRightDelim(input, pos);
      if (closing && parenDepth === 0) {
        ignore();
        advance(closing.length);
        emit('rightDelim');
        if (closing.trim) skipSpace();
        ignore();
        break;
      }
      const c = input[pos];
      if (c === undefined) return (fail('unclosed action'), items);
      if (isSpace(c)) {
        while (isSpace(input[pos] ?? '') && !(atRightDelim(input, pos)?.trim && parenDepth === 0)) advance(1);
        emit('space');
      } else if (c === '=') {
        advance(1);
        emit('assign');
      } else if (c === ':') {
        if (input[pos + 1] !== '=') return (fail('expected :='), items);
        advance(2);
        emit('declare');
      } else if (c === '|') {
        advance(1);
        emit('pipe');
      } else if (c === '"') {
        advance(1);
        for (;;) {
          const d = input[pos];
          if (d === '\\') {
            advance(1);
            if (input[pos] === undefined || input[pos] === '\n') return (fail('unterminated quoted string'), items);
          } else if (d === undefined || d === '\n') return (fail('unterminated quoted string'), items);
          else if (d === '"') break;
          advance(1);
        }
        advance(1);
        emit('string');
      } else if (c === '`') {
        const end = input.indexOf('`', pos + 1);
        if (end < 0) return (fail('unterminated raw quoted string'), items);
        advance(end + 1 - pos);
        emit('rawString');
      } else if (c === "'") {
        advance(1);
        for (;;) {
          const d = input[pos];
          if (d === '\\') {
            advance(1);
            if (input[pos] === undefined || input[pos] === '\n') return (fail('unterminated character constant'), items);
          } else if (d === undefined || d === '\n') return (fail('unterminated character constant'), items);
          else if (d === "'") break;
          advance(1);
        }
        advance(1);
        emit('charConstant');
      } else if (c === '$') {
        advance(1);
        while (isAlphaNumeric(input[pos] ?? '')) advance(1);
        if (!atTerminator()) return (fail(`bad character ${unicodeName(input[pos]!)}`), items);
        emit('variable');
      } else if (c === '.') {
        if (/[0-9]/.test(input[pos + 1] ?? '')) {
          if (!scanNumber()) return (fail(`bad number syntax: "${input.slice(start, pos)}"`), items);
          emit('number');
        } else {
          advance(1);
          if (isAlphaNumeric(input[pos] ?? '')) {
            while (isAlphaNumeric(input[pos] ?? '')) advance(1);
            if (!atTerminator()) return (fail(`bad character ${unicodeName(input[pos]!)}`), items);
            emit('field');
          } else emit('dot');
        }
      } else if (c === '+' || c === '-' || /[0-9]/.test(c)) {
        if (!scanNumber()) return (fail(`bad number syntax: "${input.slice(start, pos)}"`), items);
        emit('number');
      } else if (isAlphaNumeric(c)) {
        while (isAlphaNumeric(input[pos] ?? '')) advance(1);
        const word = input.slice(start, pos);
        if (KEYWORDS.has(word)) emit('keyword');
        else if (word === 'true' || word === 'false') emit('bool');
        else if (word === 'nil') emit('nil');
        else emit('identifier');
        if (!atTerminator()) return (fail(`bad character ${unicodeName(input[pos]!)}`), items);
      } else if (c === '(') {
        advance(1);
        emit('leftParen');
        parenDepth++;
      } else if (c === ')') {
        advance(1);
        if (parenDepth === 0) return (fail('unexpected right paren'), items);
        parenDepth--;
        emit('rightParen');
      } else if (c.codePointAt(0)! > 0x20 && c.codePointAt(0)! < 0x7f) {
        // lex.go emits any other printable ASCII as itemChar; the parser names it as unexpected.
        advance(1);
        emit('punct');
      } else {
        return (fail(`unrecognized character in action: ${unicodeName(c)}`), items);
      }
    }
  }

  // lex.go atTerminator: a word ends at a space, punctuation that may follow it, or the delimiter.
  function atTerminator(): boolean {
    const c = input[pos];
    return c === undefined || isSpace(c) || '.,|:)('.includes(c) || atRightDelim(input, pos) !== undefined;
  }

  function skipSpace() {
    while (isSpace(input[pos] ?? '')) advance(1);
  }

  function scanNumber(): boolean {
    if (input[pos] === '+' || input[pos] === '-') advance(1);
    let digits = '0123456789_';
    if (input[pos] === '0' && /[xXoObB]/.test(input[pos + 1] ?? '')) {
      const base = input[pos + 1]!.toLowerCase();
      advance(2);
      digits = base === 'x' ? '0123456789abcdefABCDEF_' : base === 'o' ? '01234567_' : '01_';
    }
    while (digits.includes(input[pos] ?? '\0')) advance(1);
    if (input[pos] === '.') {
      advance(1);
      while (digits.includes(input[pos] ?? '\0')) advance(1);
    }
    if (digits.length === 11 && /[eE]/.test(input[pos] ?? '')) {
      advance(1);
      if (input[pos] === '+' || input[pos] === '-') advance(1);
      while ('0123456789_'.includes(input[pos] ?? '\0')) advance(1);
    }
    if (input[pos] === 'i') advance(1);
    return !isAlphaNumeric(input[pos] ?? '') && !(input[pos] === '.' && isAlphaNumeric(input[pos + 1] ?? ''));
  }
}

function atRightDelim(input: string, pos: number): { length: number; trim: boolean } | undefined {
  if (/^[ \t\r\n]-}}/.test(input.slice(pos, pos + 4))) return { length: 4, trim: true };
  if (input.startsWith('}}', pos)) return { length: 2, trim: false };
  return undefined;
}

/** fmt's %#U: `U+007D '}'`. */
export function unicodeName(c: string): string {
  const code = c.codePointAt(0) ?? 0;
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')} '${c}'`;
}
