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

const isBreak = (c: string) => c === '\n' || c === '\r' || c === '\x85' || c === '\u2028' || c === '\u2029';
const isBlankOrEnd = (c: string | undefined) => c === undefined || c === ' ' || c === '\t' || isBreak(c);

/** go-yaml's is_printable: tab and carriage return are not. */
function isPrintable(c: string): boolean {
  const code = c.codePointAt(0)!;
  return (
    code === 0x0a ||
    (code >= 0x20 && code <= 0x7e) ||
    code === 0x85 ||
    (code >= 0xa0 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd && code !== 0xfeff) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

function analyzeScalar(value: string): { blockPlainAllowed: boolean; singleQuotedAllowed: boolean; blockAllowed: boolean } {
  const chars = [...value];
  let blockIndicators = value.startsWith('---') || value.startsWith('...');
  let special = false;
  let lineBreaks = false;
  let [leadingSpace, leadingBreak, trailingSpace, trailingBreak, breakSpace, spaceBreak] = [false, false, false, false, false, false];
  let [previousSpace, previousBreak] = [false, false];
  let precededByWhitespace = true;
  chars.forEach((c, i) => {
    const followedByWhitespace = isBlankOrEnd(chars[i + 1]);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(c)) blockIndicators = true;
      if ((c === '?' || c === ':' || c === '-') && followedByWhitespace) blockIndicators = true;
    } else if ((c === ':' && followedByWhitespace) || (c === '#' && precededByWhitespace)) blockIndicators = true;
    if (!isPrintable(c)) special = true;
    const last = i === chars.length - 1;
    if (c === ' ') {
      if (i === 0) leadingSpace = true;
      if (last) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      [previousSpace, previousBreak] = [true, false];
    } else if (isBreak(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (last) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      [previousSpace, previousBreak] = [false, true];
    } else [previousSpace, previousBreak] = [false, false];
    precededByWhitespace = isBlankOrEnd(c);
  });
  let blockPlainAllowed = !(leadingSpace || leadingBreak || trailingSpace || trailingBreak || lineBreaks || blockIndicators);
  let singleQuotedAllowed = true;
  let blockAllowed = !trailingSpace;
  if (breakSpace) [blockPlainAllowed, singleQuotedAllowed] = [false, false];
  if (spaceBreak || special) [blockPlainAllowed, singleQuotedAllowed, blockAllowed] = [false, false, false];
  return { blockPlainAllowed, singleQuotedAllowed, blockAllowed };
}
