/**
 * Field selectors as apimachinery pkg/fields parses them: comma-separated `field=value`,
 * `field==value` or `field!=value` terms; `\,` `\=` `\\` escape inside values.
 */

export interface FieldRequirement {
  field: string;
  operator: '=' | '!=';
  value: string;
}

export type FieldSelectorParseResult = { ok: true; requirements: FieldRequirement[] } | { ok: false; message: string };

// Split on commas not preceded by an (unescaped) backslash.
function splitTerms(selector: string): string[] {
  if (selector === '') return [];
  const terms: string[] = [];
  let start = 0;
  let escaped = false;
  for (let i = 0; i < selector.length; i++) {
    const ch = selector[i];
    if (escaped) escaped = false;
    else if (ch === '\\') escaped = true;
    else if (ch === ',') {
      terms.push(selector.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(selector.slice(start));
  return terms;
}

function splitTerm(term: string): { lhs: string; op: string; rhs: string } | undefined {
  for (let i = 0; i < term.length; i++) {
    for (const op of ['!=', '==', '=']) {
      if (term.startsWith(op, i)) return { lhs: term.slice(0, i), op, rhs: term.slice(i + op.length) };
    }
  }
  return undefined;
}

function unescapeValue(value: string): { ok: true; value: string } | { ok: false; message: string } {
  if (!/[\\=,]/.test(value)) return { ok: true, value };
  let out = '';
  let inSlash = false;
  for (const ch of value) {
    if (inSlash) {
      if (ch !== '\\' && ch !== ',' && ch !== '=') {
        return { ok: false, message: `invalid field selector: invalid escape sequence: \\${ch}` };
      }
      out += ch;
      inSlash = false;
    } else if (ch === '\\') {
      inSlash = true;
    } else if (ch === ',' || ch === '=') {
      // Go prints the rune with %v, i.e. its code point.
      return { ok: false, message: `invalid field selector: unescaped character in value: ${ch.codePointAt(0) ?? 0}` };
    } else {
      out += ch;
    }
  }
  if (inSlash) return { ok: false, message: 'invalid field selector: invalid escape sequence: \\' };
  return { ok: true, value: out };
}

/** fields.ParseSelector: terms sorted as text, messages as the API server returns them. */
export function parseFieldSelector(selector: string): FieldSelectorParseResult {
  const parts = splitTerms(selector).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const requirements: FieldRequirement[] = [];
  for (const part of parts) {
    if (part === '') continue;
    const term = splitTerm(part);
    if (term === undefined) return { ok: false, message: `invalid selector: '${selector}'; can't understand '${part}'` };
    const value = unescapeValue(term.rhs);
    if (!value.ok) return value;
    requirements.push({ field: term.lhs, operator: term.op === '!=' ? '!=' : '=', value: value.value });
  }
  return { ok: true, requirements };
}

/** A missing field reads as "" (fields.Set.Get). */
export function matchesFields(requirements: FieldRequirement[], fields: Record<string, string>): boolean {
  return requirements.every((r) => {
    const actual = Object.hasOwn(fields, r.field) ? (fields[r.field] ?? '') : '';
    return r.operator === '=' ? actual === r.value : actual !== r.value;
  });
}

function escapeValue(value: string): string {
  return value.replace(/[\\,=]/g, (ch) => `\\${ch}`);
}

/** Selector.String(): `metadata.name=x,status.phase!=Running`. */
export function fieldSelectorToString(requirements: FieldRequirement[]): string {
  return requirements.map((r) => `${r.field}${r.operator}${escapeValue(r.value)}`).join(',');
}

/** The server's message when a kind cannot select on `label` (400 BadRequest). */
export function fieldLabelNotSupportedMessage(label: string): string {
  return `field label not supported: ${label}`;
}

/** Checks every field against the kind's supported set; the first unsupported one wins. */
export function findUnsupportedField(requirements: FieldRequirement[], supported: ReadonlySet<string>): string | undefined {
  return requirements.find((r) => !supported.has(r.field))?.field;
}
