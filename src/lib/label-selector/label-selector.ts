/**
 * Label selectors as apimachinery pkg/labels parses, prints and matches them.
 *
 *   selector    ::= requirement | requirement "," selector
 *   requirement ::= [!] KEY [ ("in" | "notin") "(" VALUE { "," VALUE } ")" | ("=" | "==" | "!=" | ">" | "<") VALUE ]
 *
 * Whitespace separates tokens; `in`/`notin` are keywords only where an operator is expected.
 */
import { isQualifiedName, isValidLabelValue } from './label-validation.ts';

export type SelectorOperator = '=' | '==' | '!=' | 'in' | 'notin' | 'exists' | '!' | 'gt' | 'lt';

export interface Requirement {
  key: string;
  operator: SelectorOperator;
  /** Sorted and de-duplicated, as sets.String.List() yields them. */
  values: string[];
}

/** A parsed selector: requirements sorted by key. `null` is labels.Nothing() (matches nothing). */
export type LabelSelectorRequirements = Requirement[] | null;

export type ParseResult = { ok: true; requirements: Requirement[] } | { ok: false; message: string };

/** metav1.LabelSelector, kept structural so callers may pass kubernetes-types objects. */
export interface LabelSelectorObject {
  matchLabels?: Record<string, string> | undefined;
  matchExpressions?: { key: string; operator: string; values?: string[] | undefined }[] | undefined;
}

type Tok = 'error' | 'eos' | ')' | ',' | '!' | '==' | '=' | '>' | 'id' | 'in' | '<' | '!=' | 'notin' | '(';

const literalTokens: Record<string, Tok> = {
  ')': ')',
  ',': ',',
  '!': '!',
  '==': '==',
  '=': '=',
  '>': '>',
  in: 'in',
  '<': '<',
  '!=': '!=',
  notin: 'notin',
  '(': '(',
};

const isWhitespace = (ch: string): boolean => ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
const isSpecial = (ch: string): boolean => '=!(),><'.includes(ch);

function lex(s: string): { tok: Tok; lit: string }[] {
  const items: { tok: Tok; lit: string }[] = [];
  let pos = 0;
  for (;;) {
    while (pos < s.length && isWhitespace(s[pos] ?? '')) pos++;
    if (pos >= s.length) {
      items.push({ tok: 'eos', lit: '' });
      return items;
    }
    const ch = s[pos] ?? '';
    if (isSpecial(ch)) {
      // Longest run of special symbols that still forms a known token ("!=" but "!" then "(").
      let buffer = '';
      let last: { tok: Tok; lit: string } | undefined;
      while (pos < s.length && isSpecial(s[pos] ?? '')) {
        buffer += s[pos];
        pos++;
        const tok = literalTokens[buffer];
        if (tok !== undefined) last = { tok, lit: buffer };
        else if (last !== undefined) {
          pos--;
          break;
        }
      }
      items.push(last ?? { tok: 'error', lit: `error expected: keyword found '${buffer}'` });
    } else {
      let buffer = '';
      while (pos < s.length && !isSpecial(s[pos] ?? '') && !isWhitespace(s[pos] ?? '')) buffer += s[pos++];
      const tok = literalTokens[buffer];
      items.push({ tok: tok ?? 'id', lit: buffer });
    }
  }
}

const binaryOperators = 'in, notin, =, ==, !=, gt, lt';

class SelectorParseError extends Error {}

class Parser {
  private position = 0;
  constructor(private readonly items: { tok: Tok; lit: string }[]) {}

  // In the Values context the keywords in/notin are plain identifiers.
  lookahead(values = true): { tok: Tok; lit: string } {
    const item = this.items[this.position] ?? { tok: 'eos' as const, lit: '' };
    return values && (item.tok === 'in' || item.tok === 'notin') ? { tok: 'id', lit: item.lit } : item;
  }

  consume(values = true): { tok: Tok; lit: string } {
    const item = this.lookahead(values);
    this.position++;
    return item;
  }

  parse(): Requirement[] {
    const requirements: Requirement[] = [];
    for (;;) {
      const { tok, lit } = this.lookahead();
      if (tok === 'id' || tok === '!') {
        try {
          requirements.push(this.parseRequirement());
        } catch (e) {
          throw new SelectorParseError(`unable to parse requirement: ${(e as Error).message}`);
        }
        const next = this.consume();
        if (next.tok === 'eos') return requirements;
        if (next.tok === ',') {
          const after = this.lookahead();
          if (after.tok !== 'id' && after.tok !== '!') {
            throw new SelectorParseError(`found '${after.lit}', expected: identifier after ','`);
          }
        } else {
          throw new SelectorParseError(`found '${next.lit}', expected: ',' or 'end of string'`);
        }
      } else if (tok === 'eos') {
        return requirements;
      } else {
        throw new SelectorParseError(`found '${lit}', expected: !, identifier, or 'end of string'`);
      }
    }
  }

  private parseRequirement(): Requirement {
    let operator: SelectorOperator | undefined;
    let { tok, lit } = this.consume();
    if (tok === '!') {
      operator = '!';
      ({ tok, lit } = this.consume());
    }
    if (tok !== 'id') throw new Error(`found '${lit}', expected: identifier`);
    const key = lit;
    const keyErrors = isQualifiedName(key);
    if (keyErrors.length > 0) throw new Error(`: Invalid value: ${goQuote(key)}: ${keyErrors.join('; ')}`);
    const next = this.lookahead().tok;
    if (next === 'eos' || next === ',') return newRequirement(key, operator ?? 'exists', []);
    const op = this.consume(false);
    const binary: Partial<Record<Tok, SelectorOperator>> = {
      in: 'in',
      '=': '=',
      '==': '==',
      '>': 'gt',
      '<': 'lt',
      notin: 'notin',
      '!=': '!=',
    };
    const parsed = binary[op.tok];
    if (parsed === undefined) throw new Error(`found '${op.lit}', expected: ${binaryOperators}`);
    const values = parsed === 'in' || parsed === 'notin' ? this.parseValues() : this.parseExactValue();
    return newRequirement(key, parsed, [...new Set(values)].sort(compareStrings));
  }

  private parseValues(): string[] {
    const open = this.consume();
    if (open.tok !== '(') throw new Error(`found '${open.lit}' expected: '('`);
    const { tok, lit } = this.lookahead();
    if (tok === 'id' || tok === ',') {
      const values = this.parseIdentifiersList();
      if (this.consume().tok !== ')') throw new Error(`found '${lit}', expected: ')'`);
      return values;
    }
    if (tok === ')') {
      this.consume();
      return [''];
    }
    throw new Error(`found '${lit}', expected: ',', ')' or identifier`);
  }

  private parseIdentifiersList(): string[] {
    const values: string[] = [];
    for (;;) {
      const { tok, lit } = this.consume();
      if (tok === 'id') {
        values.push(lit);
        const next = this.lookahead();
        if (next.tok === ',') continue;
        if (next.tok === ')') return values;
        throw new Error(`found '${next.lit}', expected: ',' or ')'`);
      } else if (tok === ',') {
        if (values.length === 0) values.push('');
        const next = this.lookahead().tok;
        if (next === ')') {
          values.push('');
          return values;
        }
        if (next === ',') {
          this.consume();
          values.push('');
        }
      } else {
        throw new Error(`found '${lit}', expected: ',', or identifier`);
      }
    }
  }

  private parseExactValue(): string[] {
    const next = this.lookahead().tok;
    if (next === 'eos' || next === ',') return [''];
    const { tok, lit } = this.consume();
    if (tok === 'id') return [lit];
    throw new Error(`found '${lit}', expected: identifier`);
  }
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function goQuote(s: string): string {
  return JSON.stringify(s);
}

/** Models labels.NewRequirement: validates values (keys are checked by the caller) and aggregates errors. */
function newRequirement(key: string, operator: SelectorOperator, values: string[]): Requirement {
  const errors: string[] = [];
  const keyErrors = isQualifiedName(key);
  if (keyErrors.length > 0) errors.push(`key: Invalid value: ${goQuote(key)}: ${keyErrors.join('; ')}`);
  if ((operator === 'gt' || operator === 'lt') && values.length === 1 && !/^[+-]?\d+$/.test(values[0] ?? '')) {
    errors.push(`values[0]: Invalid value: ${goQuote(values[0] ?? '')}: for 'Gt', 'Lt' operators, the value must be an integer`);
  }
  values.forEach((v, i) => {
    const valueErrors = isValidLabelValue(v);
    if (valueErrors.length > 0) errors.push(`values[${i}][${key}]: Invalid value: ${goQuote(v)}: ${valueErrors.join('; ')}`);
  });
  if (errors.length === 1) throw new Error(errors[0]);
  if (errors.length > 1) throw new Error(`[${[...new Set(errors)].join(', ')}]`);
  return { key, operator, values };
}

/** labels.Parse: the message on failure is the one the API server returns (400 BadRequest). */
export function parseLabelSelector(selector: string): ParseResult {
  try {
    const requirements = new Parser(lex(selector)).parse();
    return { ok: true, requirements: sortByKey(requirements) };
  } catch (e) {
    if (e instanceof SelectorParseError) return { ok: false, message: e.message };
    throw e;
  }
}

function sortByKey(requirements: Requirement[]): Requirement[] {
  return [...requirements].sort((a, b) => compareStrings(a.key, b.key));
}

function matchesRequirement(r: Requirement, labels: Record<string, string>): boolean {
  const has = Object.hasOwn(labels, r.key);
  const value = labels[r.key];
  switch (r.operator) {
    case '=':
    case '==':
    case 'in':
      return has && r.values.includes(value ?? '');
    case '!=':
    case 'notin':
      return !has || !r.values.includes(value ?? '');
    case 'exists':
      return has;
    case '!':
      return !has;
    case 'gt':
    case 'lt': {
      if (!has || !/^[+-]?\d+$/.test(value ?? '') || r.values.length !== 1) return false;
      const actual = BigInt(value ?? '0');
      const limit = BigInt(r.values[0] ?? '0');
      return r.operator === 'gt' ? actual > limit : actual < limit;
    }
  }
}

/** Empty requirements match everything; `null` (a nil LabelSelector) matches nothing. */
export function matchesLabels(requirements: LabelSelectorRequirements, labels: Record<string, string> | undefined): boolean {
  if (requirements === null) return false;
  return requirements.every((r) => matchesRequirement(r, labels ?? {}));
}

export function requirementToString(r: Requirement): string {
  const values = r.values.join(',');
  switch (r.operator) {
    case '!':
      return `!${r.key}`;
    case 'exists':
      return r.key;
    case 'in':
      return `${r.key} in (${values})`;
    case 'notin':
      return `${r.key} notin (${values})`;
    case 'gt':
      return `${r.key}>${values}`;
    case 'lt':
      return `${r.key}<${values}`;
    default:
      return `${r.key}${r.operator}${values}`;
  }
}

/** Selector.String(): requirements joined by ",", "" for an empty (or nothing) selector. */
export function selectorToString(requirements: LabelSelectorRequirements): string {
  return (requirements ?? []).map(requirementToString).join(',');
}

/** Models metav1.LabelSelectorAsSelector. `undefined` selector = labels.Nothing(). */
export function labelSelectorAsRequirements(
  selector: LabelSelectorObject | null | undefined,
): { ok: true; requirements: LabelSelectorRequirements } | { ok: false; message: string } {
  if (selector === null || selector === undefined) return { ok: true, requirements: null };
  const requirements: Requirement[] = [];
  const operators: Record<string, SelectorOperator> = { In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!' };
  try {
    for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
      requirements.push(newRequirement(key, '=', [value]));
    }
    for (const expr of selector.matchExpressions ?? []) {
      const op = operators[expr.operator];
      if (op === undefined) return { ok: false, message: `${goQuote(expr.operator)} is not a valid label selector operator` };
      const values = [...(expr.values ?? [])];
      const valuesError = checkValueCount(op, values);
      if (valuesError !== undefined) return { ok: false, message: valuesError };
      requirements.push(newRequirement(expr.key, op, [...values].sort(compareStrings)));
    }
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
  return { ok: true, requirements: sortByKey(requirements) };
}

function checkValueCount(op: SelectorOperator, values: string[]): string | undefined {
  // Go's %#v of the copied slice: nil when empty.
  const shown = values.length === 0 ? '[]string(nil)' : `[]string{${values.map(goQuote).join(', ')}}`;
  if ((op === 'in' || op === 'notin') && values.length === 0) {
    return `values: Invalid value: ${shown}: for 'in', 'notin' operators, values set can't be empty`;
  }
  if ((op === 'exists' || op === '!') && values.length !== 0) {
    return `values: Invalid value: ${shown}: values set must be empty for exists and does not exist`;
  }
  return undefined;
}

/** metav1.FormatLabelSelector: `app=nginx,tier in (a,b)`, `<none>` when it selects everything or nothing. */
export function formatLabelSelector(selector: LabelSelectorObject | null | undefined): string {
  const result = labelSelectorAsRequirements(selector);
  if (!result.ok) return '<error>';
  const text = selectorToString(result.requirements);
  return text === '' ? '<none>' : text;
}

/** labels.SelectorFromSet(...).String(): `a=b,c=d`, keys sorted. */
export function formatLabelSet(labels: Record<string, string> | undefined): string {
  return Object.keys(labels ?? {})
    .sort(compareStrings)
    .map((k) => `${k}=${labels?.[k] ?? ''}`)
    .join(',');
}

/** Convenience for the server and kubectl: parse once, match many. */
export function labelMatcher(selector: string): { ok: true; matches(labels: Record<string, string> | undefined): boolean } | { ok: false; message: string } {
  const parsed = parseLabelSelector(selector);
  if (!parsed.ok) return parsed;
  return { ok: true, matches: (labels) => matchesLabels(parsed.requirements, labels) };
}
