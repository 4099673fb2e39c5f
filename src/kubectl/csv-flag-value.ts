/**
 * The value of a pflag StringSlice flag (`--from-file a,b`): one CSV record read by Go's
 * encoding/csv (quotes, `""` escapes, no trimming); an empty value is an empty list.
 */
import { utf8Length } from '../lib/tar/tar-archive.ts';

export type CsvValue = { ok: true; fields: string[] } | { ok: false; message: string };

const quoteError = (column: number): CsvValue => ({ ok: false, message: `parse error on line 1, column ${column}: extraneous or missing " in quoted-field` });

export function readCsvRecord(value: string): CsvValue {
  if (value === '') return { ok: true, fields: [] };
  // Columns count bytes from 1, as csv.ParseError does.
  const column = (index: number) => utf8Length(value.slice(0, index)) + 1;
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (value[i] === '"') {
      let field = '';
      let j = i + 1;
      for (;;) {
        const close = value.indexOf('"', j);
        if (close < 0) return quoteError(column(value.length));
        field += value.slice(j, close);
        if (value[close + 1] === '"') {
          field += '"';
          j = close + 2;
        } else if (close + 1 === value.length || value[close + 1] === ',' || value[close + 1] === '\n') {
          fields.push(field);
          i = close + 1;
          break;
        } else return quoteError(column(close));
      }
    } else {
      let end = i;
      while (end < value.length && value[end] !== ',' && value[end] !== '\n') {
        if (value[end] === '"') return { ok: false, message: `parse error on line 1, column ${column(end)}: bare " in non-quoted-field` };
        end++;
      }
      fields.push(value.slice(i, end));
      i = end;
    }
    // A newline ends the record: Read returns the first one only.
    if (i >= value.length || value[i] === '\n') return { ok: true, fields };
    i++;
  }
}
