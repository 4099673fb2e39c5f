/**
 * A model of go-cmp's default reporter (cmp.Diff) over Go values, enough to print the diff body
 * ValidatePodUpdate appends to its Forbidden error: `core.PodSpec{`, two records of context
 * around each change, `... // N identical fields`, `-`/`+` lines, keys aligned per run.
 * Models github.com/google/go-cmp/cmp/report_compare.go, report_reflect.go and report_text.go.
 * go-cmp randomly uses U+00A0 after the diff marker to discourage parsing; we always use spaces.
 */

export type GoValue =
  | { k: 'struct'; type: string; fields: [string, GoValue][] }
  | { k: 'ptr'; type: string; elem: GoValue | undefined }
  | { k: 'slice'; type: string; items: GoValue[] | undefined }
  | { k: 'map'; type: string; entries: [string, GoValue][] | undefined }
  | { k: 'string'; v: string }
  | { k: 'int'; v: number }
  | { k: 'bool'; v: boolean };

type Diff = '' | '-' | '+';
type TypeMode = 'auto' | 'elide';

type TextNode = TextLine | TextWrap | TextList;
interface TextLine {
  t: 'line';
  s: string;
}
interface TextWrap {
  t: 'wrap';
  prefix: string;
  value: TextNode;
  suffix: string;
}
interface TextRecord {
  diff: Diff;
  key: string;
  value: TextNode;
  elideComma?: boolean;
  comment?: string;
}
interface TextList {
  t: 'list';
  records: TextRecord[];
}

const line = (s: string): TextLine => ({ t: 'line', s });
const NIL = 'nil';
const ELLIPSIS = '...';
const MAX_COLUMN_LENGTH = 80;
const CONTEXT_RECORDS = 2;

export function isZero(v: GoValue): boolean {
  switch (v.k) {
    case 'struct':
      return v.fields.every(([, f]) => isZero(f));
    case 'ptr':
      return v.elem === undefined;
    case 'slice':
      return v.items === undefined;
    case 'map':
      return v.entries === undefined;
    case 'string':
      return v.v === '';
    case 'int':
      return v.v === 0;
    case 'bool':
      return !v.v;
  }
}

export function goEqual(a: GoValue, b: GoValue): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function quote(s: string): string {
  const quoted = JSON.stringify(s);
  if (quoted.length === s.length + 2) return quoted;
  if (!/[`\n]/.test(s) && /^[\x20-\x7e\t]*$/.test(s)) return `\`${s}\``;
  return quoted;
}

function hasType(v: GoValue): v is Extract<GoValue, { type: string }> {
  return v.k === 'struct' || v.k === 'slice' || v.k === 'map' || v.k === 'ptr';
}

function formatType(v: GoValue, node: TextNode, mode: TypeMode, diff: Diff | ' '): TextNode {
  if (mode === 'elide' || diff === ' ') return node;
  if (v.k !== 'struct' && v.k !== 'slice' && v.k !== 'map') return node;
  if (node.t === 'line' && node.s === NIL) return node;
  return { t: 'wrap', prefix: v.type, value: node, suffix: '' };
}

/** FormatValue: a value on its own (identical context, or one side of a change). */
function formatValue(v: GoValue, mode: TypeMode, diff: Diff | ' '): TextNode {
  let out: TextNode;
  switch (v.k) {
    case 'bool':
      return line(String(v.v));
    case 'int':
      return line(String(v.v));
    case 'string':
      return line(quote(v.v));
    case 'ptr':
      if (!v.elem) return line(NIL);
      return { t: 'wrap', prefix: '&', value: formatValue(v.elem, mode, diff), suffix: '' };
    case 'struct': {
      const records: TextRecord[] = v.fields.filter(([, f]) => !isZero(f)).map(([name, f]) => ({ diff: '', key: name, value: formatValue(f, 'auto', diff) }));
      out = { t: 'wrap', prefix: '{', value: { t: 'list', records }, suffix: '}' };
      break;
    }
    case 'slice':
      if (!v.items) return line(NIL);
      out = { t: 'wrap', prefix: '{', value: { t: 'list', records: v.items.map((item) => ({ diff: '', key: '', value: formatValue(item, 'elide', diff) })) }, suffix: '}' };
      break;
    case 'map':
      if (!v.entries) return line(NIL);
      out = { t: 'wrap', prefix: '{', value: { t: 'list', records: v.entries.map(([key, item]) => ({ diff: '', key, value: formatValue(item, 'elide', diff) })) }, suffix: '}' };
      break;
  }
  return formatType(v, out, mode, diff);
}

interface DiffRecord {
  key: string;
  x: GoValue | undefined;
  y: GoValue | undefined;
}

function isLeafPair(x: GoValue, y: GoValue): boolean {
  if (x.k !== y.k) return true;
  if (x.k === 'ptr' && y.k === 'ptr') return !x.elem || !y.elem || isLeafPair(x.elem, y.elem);
  if (x.k === 'slice' && y.k === 'slice') return !x.items || !y.items;
  if (x.k === 'map' && y.k === 'map') return !x.entries || !y.entries;
  return x.k !== 'struct';
}

function diffStats(name: string, counts: { identical: number; removed: number; inserted: number; modified: number }): string {
  const parts: string[] = [];
  let sum = 0;
  for (const [label, n] of [
    ['identical', counts.identical],
    ['removed', counts.removed],
    ['inserted', counts.inserted],
    ['modified', counts.modified],
  ] as const) {
    if (n > 0) parts.push(`${n} ${label}`);
    sum += n;
  }
  let plural = name;
  if (sum > 1) plural = name === 'entry' ? 'entries' : `${name}s`;
  if (parts.length <= 2) return `${parts.join(' and ')} ${plural}`;
  return `${parts.slice(0, -1).join(', ')}, and ${parts[parts.length - 1]} ${plural}`;
}

// Models formatDiffList: equal runs keep two records of context, the rest become an ellipsis.
function formatDiffList(records: DiffRecord[], name: 'field' | 'element' | 'entry'): TextList {
  const childMode: TypeMode = name === 'field' ? 'auto' : 'elide';
  const isEqual = (r: DiffRecord) => r.x !== undefined && r.y !== undefined && goEqual(r.x, r.y);
  const groups: { equal: boolean; records: DiffRecord[] }[] = [];
  for (const r of records) {
    const equal = isEqual(r);
    const last = groups[groups.length - 1];
    if (last && last.equal === equal) last.records.push(r);
    else groups.push({ equal, records: [r] });
  }
  const list: TextRecord[] = [];
  groups.forEach((group, i) => {
    if (group.equal) {
      const numEqual = group.records.length;
      let numLo = 0;
      let numHi = 0;
      while (numLo < CONTEXT_RECORDS && numLo + numHi < numEqual && i !== 0) numLo++;
      while (numHi < CONTEXT_RECORDS && numLo + numHi < numEqual && i !== groups.length - 1) numHi++;
      if (numEqual - (numLo + numHi) === 1) numHi++;
      const show = (r: DiffRecord) => list.push({ diff: '', key: r.key, value: formatValue(r.y!, childMode, ' ') });
      group.records.slice(0, numLo).forEach(show);
      if (numEqual > numLo + numHi) {
        const identical = numEqual - (numLo + numHi);
        list.push({ diff: '', key: '', value: line(ELLIPSIS), elideComma: true, comment: diffStats(name, { identical, removed: 0, inserted: 0, modified: 0 }) });
      }
      group.records.slice(numEqual - numHi).forEach(show);
      return;
    }
    for (const r of group.records) {
      if (r.x !== undefined && r.y !== undefined && !isLeafPair(r.x, r.y)) {
        list.push({ diff: '', key: r.key, value: formatDiff(r.x, r.y, childMode) });
        continue;
      }
      if (r.x !== undefined) list.push({ diff: '-', key: r.key, value: formatValue(r.x, childMode, '-') });
      if (r.y !== undefined) list.push({ diff: '+', key: r.key, value: formatValue(r.y, childMode, '+') });
    }
  });
  return { t: 'list', records: list };
}

/** Pairs slice elements: index by index when the lengths agree, else by longest common subsequence. */
function sliceRecords(xs: GoValue[], ys: GoValue[]): DiffRecord[] {
  if (xs.length === ys.length) return xs.map((x, i) => ({ key: '', x, y: ys[i]! }));
  const n = xs.length;
  const m = ys.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = goEqual(xs[i]!, ys[j]!) ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: DiffRecord[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && goEqual(xs[i]!, ys[j]!)) {
      out.push({ key: '', x: xs[i++], y: ys[j++] });
    } else if (j < m && (i === n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) {
      out.push({ key: '', x: undefined, y: ys[j++] });
    } else {
      out.push({ key: '', x: xs[i++], y: undefined });
    }
  }
  return out;
}

/** FormatDiff for two values of the same composite type that differ. */
function formatDiff(x: GoValue, y: GoValue, mode: TypeMode): TextNode {
  if (x.k === 'ptr' && y.k === 'ptr') return { t: 'wrap', prefix: '&', value: formatDiff(x.elem!, y.elem!, 'auto'), suffix: '' };
  let list: TextList;
  if (x.k === 'struct' && y.k === 'struct') {
    list = formatDiffList(
      x.fields.map(([name, fx], i) => ({ key: name, x: fx, y: y.fields[i]![1] })),
      'field',
    );
  } else if (x.k === 'slice' && y.k === 'slice') {
    list = formatDiffList(sliceRecords(x.items!, y.items!), 'element');
  } else if (x.k === 'map' && y.k === 'map') {
    const xs = new Map(x.entries);
    const ys = new Map(y.entries);
    const keys = [...new Set([...xs.keys(), ...ys.keys()])].sort();
    list = formatDiffList(
      keys.map((key) => ({ key, x: xs.get(key), y: ys.get(key) })),
      'entry',
    );
  } else {
    throw new Error(`cannot diff ${x.k} with ${y.k}`);
  }
  const wrap: TextWrap = { t: 'wrap', prefix: '{', value: list, suffix: '}' };
  if (mode === 'elide' || !hasType(x)) return wrap;
  return { t: 'wrap', prefix: x.type, value: wrap, suffix: '' };
}

// ---- text layout (report_text.go) -------------------------------------------------------------

function compact(node: TextNode, d: Diff): { text: string; node: TextNode } {
  if (node.t === 'line') return { text: node.s, node };
  if (node.t === 'wrap') {
    const inner = compact(node.value, d);
    const text = node.prefix + inner.text + node.suffix;
    const wrapped: TextWrap = { ...node, value: inner.node };
    return { text, node: inner.node.t === 'line' ? line(text) : wrapped };
  }
  let multiLine = false;
  let text = '';
  const records = node.records.map((r, i) => {
    if (r.diff === '+' || r.diff === '-') multiLine = true;
    text += r.key;
    if (r.key !== '') text += ': ';
    const inner = compact(r.value, r.diff || d);
    text += inner.text;
    if (inner.node.t !== 'line') multiLine = true;
    if (r.comment !== undefined) multiLine = true;
    if (i < node.records.length - 1) text += ', ';
    return { ...r, value: inner.node };
  });
  if ((d === '+' || d === '-') && text.length > MAX_COLUMN_LENGTH) multiLine = true;
  if (!multiLine) return { text, node: line(text) };
  return { text, node: { t: 'list', records } };
}

function indent(n: number, d: Diff | ''): string {
  return `${d === '' ? ' ' : d} ${'\t'.repeat(n)}`;
}

function keyPadding(records: TextRecord[]): number[] {
  const pads = new Array<number>(records.length).fill(0);
  let start = 0;
  let maxLen = 0;
  const flush = (end: number) => {
    for (let j = start; j < end; j++) pads[j] = maxLen - records[j]!.key.length;
  };
  records.forEach((r, i) => {
    if (r.key === '' || r.value.t !== 'line') {
      flush(i);
      start = i + 1;
      maxLen = 0;
    } else {
      maxLen = Math.max(maxLen, r.key.length);
    }
  });
  flush(records.length);
  return pads;
}

function expand(node: TextNode, d: Diff, n: number): string {
  if (node.t === 'line') return node.s;
  if (node.t === 'wrap') return node.prefix + expand(node.value, d, n) + node.suffix;
  const pads = keyPadding(node.records);
  let out = '';
  node.records.forEach((r, i) => {
    const marker = r.diff || d;
    out += `\n${indent(n + 1, marker)}`;
    if (r.key !== '') out += `${r.key}: `;
    out += ' '.repeat(pads[i]!);
    out += expand(r.value, marker, n + 1);
    if (!r.elideComma) out += ',';
    if (r.comment !== undefined) out += ` // ${r.comment}`;
  });
  return `${out}\n${indent(n, d)}`;
}

/** cmp.Diff(x, y): empty when equal, else the report with its trailing newline. */
export function cmpDiff(x: GoValue, y: GoValue): string {
  if (goEqual(x, y)) return '';
  const root = formatDiff(x, y, 'auto');
  const { node } = compact(root, '');
  return `${indent(0, '')}${expand(node, '', 0)}\n`;
}
