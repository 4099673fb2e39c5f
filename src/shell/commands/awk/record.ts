/** The current record and its fields: split lazily, rebuilt with OFS when a field or NF is assigned. */
import type { PosixRegex } from '../../../lib/regex/posix-regex.ts';
import { inputValue, type Value } from './values.ts';

export type FieldSplitter = (record: string) => string[];

/** FS " " splits at runs of blanks and newlines; one other character literally; anything longer is a regex. */
export function fieldSplitter(fs: string, compile: (source: string) => PosixRegex, paragraphMode: boolean): FieldSplitter {
  if (fs === ' ') return (record) => record.split(/[ \t\n]+/).filter((f) => f !== '');
  if (fs === '') return (record) => [...record];
  if (fs.length === 1 && fs !== '\\') {
    if (paragraphMode && fs !== '\n') return (record) => (record === '' ? [] : record.split(/\n/).flatMap((line) => line.split(fs)));
    return (record) => (record === '' ? [] : record.split(fs));
  }
  const regex = compile(fs === '\t' ? '\t' : fs);
  return (record) => (record === '' ? [] : splitByRegex(record, regex));
}

/** Splits at every match; an empty match splits nothing. */
export function splitByRegex(text: string, separator: PosixRegex): string[] {
  const fields: string[] = [];
  let start = 0;
  for (const m of separator.matchAll(text)) {
    if (m.end === m.start) continue;
    fields.push(text.slice(start, m.start));
    start = m.end;
  }
  fields.push(text.slice(start));
  return fields;
}

/** A field's value once read or assigned; a bare string is split text not yet read. */
class FieldValue {
  constructor(readonly value: Value) {}
}

export class AwkRecord {
  #text = '';
  #fields: (string | FieldValue)[] | undefined = [];
  #textStale = false;

  constructor(
    private splitter: () => FieldSplitter,
    private ofs: () => string,
    private toText: (v: Value) => string,
  ) {}

  set(text: string): void {
    this.#text = text;
    this.#fields = undefined;
    this.#textStale = false;
  }

  get text(): string {
    if (this.#textStale) {
      this.#text = this.fields.map((f) => (f instanceof FieldValue ? this.toText(f.value) : f)).join(this.ofs());
      this.#textStale = false;
    }
    return this.#text;
  }

  /** Split text stays a plain string until a field is read: most records have most fields unread. */
  private get fields(): (string | FieldValue)[] {
    this.#fields ??= this.splitter()(this.#text);
    return this.#fields;
  }

  get nf(): number {
    return this.fields.length;
  }

  set nf(n: number) {
    const fields = this.fields;
    if (n < fields.length) fields.length = n;
    while (fields.length < n) fields.push('');
    this.#textStale = true;
  }

  field(i: number): Value {
    if (i === 0) return inputValue(this.text);
    const fields = this.fields;
    const f = fields[i - 1];
    if (f === undefined) return '';
    if (f instanceof FieldValue) return f.value;
    const value = inputValue(f);
    fields[i - 1] = new FieldValue(value);
    return value;
  }

  setField(i: number, value: Value): void {
    if (i === 0) {
      this.set(this.toText(value));
      return;
    }
    const fields = this.fields;
    while (fields.length < i) fields.push('');
    fields[i - 1] = new FieldValue(value);
    this.#textStale = true;
  }
}
