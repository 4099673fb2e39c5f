import { describe, expect, it } from 'vitest';
import { readCsvRecord } from './csv-flag-value.ts';

// Expected values and messages from the real kubectl v1.35.2 (`create configmap x --from-file=VALUE`).
describe('readCsvRecord', () => {
  it.each([
    { value: '', result: { ok: true, fields: [] } },
    { value: 'a,,b', result: { ok: true, fields: ['a', '', 'b'] } },
    { value: ' a', result: { ok: true, fields: [' a'] } },
    { value: '"a,b"', result: { ok: true, fields: ['a,b'] } },
    { value: '"a""b"', result: { ok: true, fields: ['a"b'] } },
    { value: '"a', result: { ok: false, message: 'parse error on line 1, column 3: extraneous or missing " in quoted-field' } },
    { value: 'a"b', result: { ok: false, message: 'parse error on line 1, column 2: bare " in non-quoted-field' } },
    { value: '"a"b', result: { ok: false, message: 'parse error on line 1, column 3: extraneous or missing " in quoted-field' } },
    { value: 'a,"b', result: { ok: false, message: 'parse error on line 1, column 5: extraneous or missing " in quoted-field' } },
  ])('$value', ({ value, result }) => {
    expect(readCsvRecord(value)).toEqual(result);
  });
});
