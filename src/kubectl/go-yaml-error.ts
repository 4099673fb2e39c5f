/**
 * go-yaml v3's words for a YAML stream the yaml package refused, told from the package's error
 * code and the text around it. go-yaml words an error by the scanner or parser state that met it
 * (scannerc.go, parserc.go); the yaml package's codes are coarser, so the text decides between the
 * messages one code stands for.
 *
 * Lines are counted in the document, as kubectl's YAMLReader hands go-yaml one document at a time:
 * a scanner error at the 1-based line of its mark, a parser error at the 0-based line of the
 * token it met, and no line at all when that number is 0 (yaml.v3 decode.go parser.fail).
 */

export interface YamlFault {
  code: string;
  offset: number;
  message?: string;
}

type Kind = 'scanner' | 'parser';

/** `line N: reason`, or the reason alone where go-yaml prints no line. */
export function goYamlError(text: string, fault: YamlFault): string {
  const start = documentStart(text, fault.offset);
  const doc = text.slice(start);
  const { reason, line, kind } = classify(doc, { ...fault, offset: fault.offset - start });
  // go-yaml counts from 0 and prints no line 0; a scanner error's mark is printed plus one.
  const shown = kind === 'scanner' ? (line > 1 ? line : 0) : line - 1;
  return shown > 0 ? `line ${shown}: ${reason}` : reason;
}

/** go-yaml refuses control characters before it scans (readerc.go yaml_parser_update_buffer). */
export function hasControlCharacters(text: string): boolean {
  return /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]/.test(text);
}

/** Where the document holding `offset` starts: after the last `---` line before it (yaml.go YAMLReader.Read). */
function documentStart(text: string, offset: number): number {
  let start = 0;
  const separator = /^---[ \t]*(#.*)?(\r?\n|$)/gm;
  for (let m = separator.exec(text); m !== null && m.index < offset; m = separator.exec(text)) start = m.index + m[0].length;
  return start;
}

const lineOf = (doc: string, offset: number) => doc.slice(0, offset).split('\n').length;
const lineText = (doc: string, line: number) => doc.split('\n')[line - 1] ?? '';
const indentOf = (s: string) => s.length - s.trimStart().length;
const isBlank = (s: string) => s.trim() === '' || s.trimStart().startsWith('#');

function classify(doc: string, fault: YamlFault): { reason: string; line: number; kind: Kind } {
  const line = lineOf(doc, fault.offset);
  const here = lineText(doc, line);
  const endLine = doc.split('\n').length;
  switch (fault.code) {
    case 'TAB_AS_INDENT':
    case 'BAD_SCALAR_START':
      return { reason: 'found character that cannot start any token', line, kind: 'scanner' };
    case 'BAD_ALIAS':
      return { reason: 'did not find expected alphabetic or numeric character', line, kind: 'scanner' };
    case 'UNEXPECTED_TOKEN':
      if (doc.startsWith('-', fault.offset)) return { reason: 'block sequence entries are not allowed in this context', line, kind: 'scanner' };
      return { reason: 'did not find expected key', line, kind: 'parser' };
    case 'FLOW_SEQ_END':
      return { reason: "did not find expected ',' or ']'", line, kind: 'parser' };
    case 'FLOW_MAP_END':
      return { reason: "did not find expected ',' or '}'", line, kind: 'parser' };
    case 'BAD_INDENT':
      return badIndent(doc, fault, line, here);
    case 'MISSING_CHAR':
      // An unclosed quote runs to the end of the document.
      if (/closing .?quote/i.test(fault.message ?? '') || unclosedQuote(here)) return { reason: 'found unexpected end of stream', line: endLine, kind: 'scanner' };
      return { reason: "could not find expected ':'", line: line + 1, kind: 'scanner' };
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return implicitKey(doc, fault, line, here);
    default:
      return { reason: 'did not find expected node content', line, kind: 'parser' };
  }
}

function badIndent(doc: string, fault: YamlFault, line: number, here: string): { reason: string; line: number; kind: Kind } {
  const message = fault.message ?? '';
  if (/Flow sequence/.test(message)) return { reason: "did not find expected ',' or ']'", line, kind: 'parser' };
  if (/Flow map/.test(message)) return { reason: "did not find expected ',' or '}'", line, kind: 'parser' };
  // A lone `-` has no node: the parser meets the next line's key instead.
  if (here.trim() === '-') return { reason: 'did not find expected node content', line: line + 1, kind: 'parser' };
  // A line at the column of the list's dashes, without one.
  const previous = previousLine(doc, line, indentOf(here));
  if (previous !== undefined && indentOf(previous) === indentOf(here) && previous.trimStart().startsWith('-') && !here.trimStart().startsWith('-')) {
    return { reason: "did not find expected '-' indicator", line, kind: 'parser' };
  }
  return { reason: 'did not find expected key', line, kind: 'parser' };
}

/**
 * A plain scalar that ran into a `:` on a later line. A key where the mapping requires one (at
 * the mapping's column) goes stale: "could not find expected ':'" where the scanner stands; any
 * other scalar meets the `:` as a value indicator where no mapping may start.
 */
function implicitKey(doc: string, fault: YamlFault, line: number, here: string): { reason: string; line: number; kind: Kind } {
  const column = fault.offset - doc.lastIndexOf('\n', fault.offset - 1) - 1;
  // A dash where a key belongs: the parser meets a sequence entry.
  if ((here.trimStart().startsWith('- ') || here.trim() === '-') && column <= indentOf(here) + 2) return { reason: 'did not find expected key', line, kind: 'parser' };
  const previous = previousLine(doc, line, column);
  const required = column === indentOf(here) && previous !== undefined && indentOf(previous) === column;
  if (required) return { reason: "could not find expected ':'", line: line + 1, kind: 'scanner' };
  const colon = /:(?=[ \t\r\n]|$)/g;
  colon.lastIndex = fault.offset;
  const found = colon.exec(doc);
  return { reason: 'mapping values are not allowed in this context', line: found ? lineOf(doc, found.index) : line, kind: 'scanner' };
}

/** The nearest non-blank line above `line` indented at most `column`. */
function previousLine(doc: string, line: number, column: number): string | undefined {
  const lines = doc.split('\n');
  for (let n = line - 2; n >= 0; n--) {
    const text = lines[n]!;
    if (!isBlank(text) && indentOf(text) <= column) return text;
  }
  return undefined;
}

function unclosedQuote(line: string): boolean {
  const value = line.replace(/^\s*(-\s+)?/, '');
  const quote = /^(?:[^'"#]*:\s+)?(["'])/.exec(value)?.[1];
  if (!quote) return false;
  const rest = value.slice(value.indexOf(quote) + 1);
  return quote === '"' ? !/(^|[^\\])"/.test(rest) : !rest.includes("'");
}
