/**
 * The style go-yaml v2 (behind sigs.k8s.io/yaml) gives a string: double-quoted when YAML would
 * read it as another type; a literal block (`|`) when it has line breaks; plain otherwise — each
 * falling back as the emitter's scalar analysis allows: plain → single-quoted → double-quoted,
 * literal → double-quoted. Models gopkg.in/yaml.v2 encode.go stringv and emitterc.go
 * yaml_emitter_analyze_scalar / yaml_emitter_select_scalar_style (block context).
 */
export type ScalarStyle = 'PLAIN' | 'QUOTE_SINGLE' | 'QUOTE_DOUBLE' | 'BLOCK_LITERAL';

export function goYamlStringStyle(value: string): ScalarStyle {
  if (readsAsOtherType(value)) return 'QUOTE_DOUBLE';
  const a = analyzeScalar(value);
  if (value.includes('\n')) return a.blockAllowed ? 'BLOCK_LITERAL' : 'QUOTE_DOUBLE';
  if (a.blockPlainAllowed) return 'PLAIN';
  return a.singleQuotedAllowed ? 'QUOTE_SINGLE' : 'QUOTE_DOUBLE';
}

const RESOLVED_WORDS = new Set([
  '',
  '~',
  'null',
  'Null',
  'NULL',
  '<<',
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'n', 'N', 'no', 'No', 'NO', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'on', 'On', 'ON', 'off', 'Off', 'OFF'],
  ...['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF', '.nan', '.NaN', '.NAN'],
]);
// Go's strconv.ParseInt(s, 0, 64) after go-yaml strips underscores, and yamlStyleFloat.
const GO_INT = /^[-+]?(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/;
const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
const TIMESTAMP = /^\d{4}-\d{1,2}-\d{1,2}(([Tt]|\s+)\d{1,2}:\d{1,2}:\d{1,2}(\.\d*)?\s*(Z|[-+]\d{1,2}(:?\d{2})?)?)?$/;

/**
 * go-yaml's resolve() of a plain scalar, plus the encoder's base-60 check: true when a YAML 1.1
 * reader would take the text for null, a bool, a number, a timestamp or a merge key.
 */
function readsAsOtherType(value: string): boolean {
  if (RESOLVED_WORDS.has(value)) return true;
  const plain = value.replaceAll('_', '');
  return GO_INT.test(plain) || YAML_FLOAT.test(plain) || BASE60_FLOAT.test(value) || TIMESTAMP.test(value);
}

const isBreak = (code: number) => code === 0x0a || code === 0x0d || code === 0x85 || code === 0x2028 || code === 0x2029;
/** A blank, a break, or the end of the text (NaN, past its last unit). */
const isBlankOrEnd = (code: number) => Number.isNaN(code) || code === 0x20 || code === 0x09 || isBreak(code);
const FIRST_CHAR_INDICATORS = new Set([...'#,[]{}&*!|>\'"%@`'].map((c) => c.charCodeAt(0)));

/** go-yaml's is_printable: tab and carriage return are not. */
function isPrintable(code: number): boolean {
  return (
    code === 0x0a ||
    (code >= 0x20 && code <= 0x7e) ||
    code === 0x85 ||
    (code >= 0xa0 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd && code !== 0xfeff) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/** One pass over the code points (a lone surrogate counts as one), without a copy: a label of megabytes is analysed in milliseconds. */
function analyzeScalar(value: string): { blockPlainAllowed: boolean; singleQuotedAllowed: boolean; blockAllowed: boolean } {
  let blockIndicators = value.startsWith('---') || value.startsWith('...');
  let special = false;
  let lineBreaks = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  let precededByWhitespace = true;
  for (let i = 0; i < value.length;) {
    const code = value.codePointAt(i)!;
    const next = i + (code > 0xffff ? 2 : 1);
    const followedByWhitespace = isBlankOrEnd(value.charCodeAt(next));
    if (i === 0) {
      if (FIRST_CHAR_INDICATORS.has(code)) blockIndicators = true;
      if ((code === 0x3f || code === 0x3a || code === 0x2d) && followedByWhitespace) blockIndicators = true;
    } else if ((code === 0x3a && followedByWhitespace) || (code === 0x23 && precededByWhitespace)) blockIndicators = true;
    if (!isPrintable(code)) special = true;
    const last = next >= value.length;
    if (code === 0x20) {
      if (i === 0) leadingSpace = true;
      if (last) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(code)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (last) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankOrEnd(code);
    i = next;
  }
  let blockPlainAllowed = !(leadingSpace || leadingBreak || trailingSpace || trailingBreak || lineBreaks || blockIndicators);
  let singleQuotedAllowed = true;
  let blockAllowed = !trailingSpace;
  if (breakSpace) [blockPlainAllowed, singleQuotedAllowed] = [false, false];
  if (spaceBreak || special) [blockPlainAllowed, singleQuotedAllowed, blockAllowed] = [false, false, false];
  return { blockPlainAllowed, singleQuotedAllowed, blockAllowed };
}
