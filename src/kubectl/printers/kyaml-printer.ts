/**
 * `-o kyaml` (new in kubectl v1.34): KYAML, the flow-style subset of YAML that sigs.k8s.io/yaml's
 * kyaml encoder writes. Every document starts with `---`; maps are `{ key: value, }` one entry a
 * line with trailing commas; lists of maps or lists are cuddled (`[{`…`}, {`…`}]`), other lists
 * one item a line; strings are always double-quoted, keys only where YAML would misread them.
 * Multi-line strings fold at each newline (`\n\` then the next line, indented).
 * Models sigs.k8s.io/yaml kyaml/kyaml.go Encoder.
 */

const INDENT = '  ';

export function toKyaml(value: unknown): string {
  return `---\n${renderNode(value, 0)}\n`;
}

function renderNode(value: unknown, indent: number): string {
  if (Array.isArray(value)) return renderSequence(value, indent);
  if (value !== null && typeof value === 'object') return renderMapping(value as Record<string, unknown>, indent);
  if (typeof value === 'string') return renderString(value, indent + 1, { lazyQuote: false, compact: false });
  return String(value);
}

function renderMapping(map: Record<string, unknown>, indent: number): string {
  const keys = Object.keys(map);
  if (keys.length === 0) return '{}';
  let out = '{\n';
  for (const key of keys) {
    out += `${INDENT.repeat(indent + 1)}${renderString(key, indent + 1, { lazyQuote: true, compact: true })}: ${renderNode(map[key], indent + 1)},\n`;
  }
  return `${out}${INDENT.repeat(indent)}}`;
}

function renderSequence(items: unknown[], indent: number): string {
  if (items.length === 0) return '[]';
  if (items.every((item) => item !== null && typeof item === 'object')) return `[${items.map((item) => renderNode(item, indent)).join(', ')}]`;
  let out = `[\n${INDENT.repeat(indent)}`;
  for (const item of items) out += `${INDENT}${renderNode(item, indent + 1)},\n${INDENT.repeat(indent)}`;
  return `${out}]`;
}

const FOLD = '\\\n';

function renderString(value: string, indent: number, flags: { lazyQuote: boolean; compact: boolean }): string {
  const multi = value.includes('\n');
  if (!multi && flags.lazyQuote && !needsQuotes(value)) return value;
  const newline = flags.compact ? '\\n' : `\\n${FOLD}`;
  let out = '"';
  if (multi && !flags.compact) out += FOLD;
  for (const char of value) {
    if (out.endsWith('\n')) {
      // A YAML reader drops a folded line's leading whitespace, so a blank is kept by escaping it.
      out += INDENT.repeat(indent);
      if (/\s/u.test(char) && char !== '\n') {
        out += `\\${char}`;
        continue;
      }
      out += ' ';
    }
    out += escapeRune(char, newline);
  }
  if (multi && !flags.compact) {
    if (!out.endsWith('\n')) out += FOLD;
    out += INDENT.repeat(indent);
  }
  return `${out}"`;
}

const ESCAPES: Record<string, string> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
  '\0': '\\0',
  '\x1b': '\\e',
  '\x85': '\\N',
  '\xa0': '\\_',
  '\u2028': '\\L',
  '\u2029': '\\P',
};

function escapeRune(char: string, newline: string): string {
  if (char === '"' || char === '\\') return `\\${char}`;
  if (char === '\n') return newline;
  // Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
  if (/^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(char)) return char;
  const escaped = ESCAPES[char];
  if (escaped) return escaped;
  const code = char.codePointAt(0)!;
  if (code < 0x20 || code === 0x7f) return `\\x${code.toString(16).padStart(2, '0')}`;
  if (code < 0x10000) return `\\u${code.toString(16).padStart(4, '0')}`;
  return `\\U${code.toString(16).padStart(8, '0')}`;
}

function needsQuotes(text: string): boolean {
  if (text === '' || yamlGuessesWrong(text)) return true;
  const chars = [...text];
  return chars.some((c, i) => !(/[\p{L}\p{N}_]/u.test(c) || (i > 0 && i < chars.length - 1 && /[-./]/.test(c))));
}

const SEXAGESIMAL = /^[+-]?[1-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$/;
const GO_BOOLS = new Set(['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False']);
const YAML_WORDS = new Set(['null', '~', 'true', 'y', 'yes', 'on', 'false', 'n', 'no', 'off', '.inf', '-.inf', '+.inf', '.nan']);
// Go's strconv.ParseInt(s, 0, 64) and ParseFloat(s, 64) after the encoder strips underscores.
const GO_INT = /^[+-]?(0[xX][0-9a-fA-F]+|0[oO]?[0-7]*|0[bB][01]+|[1-9][0-9]*)$/;
const GO_FLOAT = /^[+-]?((\d+\.?\d*|\.\d+)([eE][+-]?\d+)?|0[xX]([0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)[pP][+-]?\d+|inf|infinity|nan)$/i;
// The YAML 1.1 timestamp forms goyaml.v2 accepts: a date, then optionally a time.
const TIMESTAMP = /^\d{4}-\d{1,2}-\d{1,2}([Tt ]\d{1,2}:\d{1,2}:\d{1,2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** Models kyaml.go yamlGuessesWrong: strings a YAML reader would take for another type. */
function yamlGuessesWrong(text: string): boolean {
  if (GO_BOOLS.has(text)) return true;
  if (text.length <= 5 && YAML_WORDS.has(text.toLowerCase())) return true;
  const digits = text.replaceAll('_', '');
  if (GO_INT.test(digits) || GO_FLOAT.test(digits)) return true;
  return SEXAGESIMAL.test(text) || TIMESTAMP.test(text);
}
