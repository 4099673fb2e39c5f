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

export class AwkRecord {
  #text = '';
  #fields: Value[] | undefined = [];
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
      this.#text = this.fields.map((f) => this.toText(f)).join(this.ofs());
      this.#textStale = false;
    }
    return this.#text;
  }

  private get fields(): Value[] {
    this.#fields ??= this.splitter()(this.#text).map(inputValue);
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
    return this.fields[i - 1] ?? '';
  }

  setField(i: number, value: Value): void {
    if (i === 0) {
      this.set(this.toText(value));
      return;
    }
    const fields = this.fields;
    while (fields.length < i) fields.push('');
    fields[i - 1] = value;
    this.#textStale = true;
  }
}
