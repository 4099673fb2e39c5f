import { describe, expect, it } from 'vitest';
import {
  addQuantities,
  canonicalQuantity,
  compareQuantities,
  parseQuantity,
  parseQuantityJson,
  quantityFormatError,
  quantityFromScaled,
  quantityMilliValue,
  quantitySuffixError,
  quantityValue,
  type Quantity,
} from './quantity.ts';

function q(text: string): Quantity {
  const r = parseQuantity(text);
  if (!r.ok) throw new Error(r.message);
  return r.quantity;
}

describe('canonical form', () => {
  // Checked against kubectl v1.32: `kubectl set resources --local --limits=cpu=<input> -o jsonpath=…`.
  const cases: [input: string, canonical: string][] = [
    ['0', '0'],
    ['0m', '0'],
    ['-0', '0'],
    ['100m', '100m'],
    ['0.5', '500m'],
    ['.5', '500m'],
    ['1000m', '1'],
    ['1500m', '1500m'],
    ['1.5', '1500m'],
    ['2', '2'],
    ['1000', '1k'],
    ['1k', '1k'],
    ['1e3', '1e3'],
    ['1E3', '1E3'],
    ['1.5e3', '1500'],
    ['1e2', '100'],
    ['1e-3', '1e-3'],
    ['128Mi', '128Mi'],
    ['1Gi', '1Gi'],
    ['1024Mi', '1Gi'],
    ['1.5Gi', '1536Mi'],
    ['0.5Gi', '512Mi'],
    ['0.5Ki', '512'],
    ['0.1Ki', '102400m'],
    ['8Ki', '8Ki'],
    ['1Ei', '1Ei'],
    ['1M', '1M'],
    ['1000k', '1M'],
    ['1000000', '1M'],
    ['250M', '250M'],
    ['1n', '1n'],
    ['0.1n', '1n'],
    ['1.5n', '2n'],
    ['1u', '1u'],
    ['100000u', '100m'],
    ['-1', '-1'],
    ['-100m', '-100m'],
    ['-0.5', '-500m'],
    ['+1', '+1'],
    ['1.', '1.'], // the int64 fast path keeps the input text
    ['01', '01'],
    ['9999999999999999999999', '9999999999999999999999'],
    ['99999999999999999999Ki', '9223372036854775807'],
    ['10000000000000000000000', '10'],
    ['100000000000000000000', '100E'],
    ['1000000000000000000000k', '1'],
    ['1e30', '1e30'],
    ['1.0000000000000000001', '1000000001n'],
    ['123456789012345678901234m', '123456789012345678901234m'],
  ];
  it.each(cases)('%s → %s', (input, canonical) => {
    expect(canonicalQuantity(input)).toBe(canonical);
  });
});

describe('parse errors', () => {
  const cases: [input: string, message: string][] = [
    ['', quantityFormatError],
    ['abc', quantityFormatError],
    ['1Gb', quantityFormatError],
    ['1 Gi', quantityFormatError],
    ['1.2.3', quantityFormatError],
    ['1kk', quantitySuffixError],
    ['1e', quantitySuffixError],
    ['1Mii', quantitySuffixError],
    ['1i', quantitySuffixError],
  ];
  it.each(cases)('%j fails', (input, message) => {
    expect(parseQuantity(input)).toEqual({ ok: false, message });
  });

  it('uses the server wording for a bad quantity', () => {
    expect(quantityFormatError).toBe("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
  });
});

describe('arithmetic', () => {
  it('compares across formats', () => {
    expect(compareQuantities(q('1Gi'), q('1G'))).toBe(1);
    expect(compareQuantities(q('500m'), q('0.5'))).toBe(0);
    expect(compareQuantities(q('100m'), q('1'))).toBe(-1);
  });

  const values: [input: string, milli: number, value: number][] = [
    ['100m', 100, 1],
    ['1.5', 1500, 2],
    ['1Ki', 1024000, 1024],
    ['1n', 1, 1],
    ['2', 2000, 2],
  ];
  it.each(values)('%s has MilliValue %i and Value %i', (input, milli, value) => {
    expect(quantityMilliValue(q(input))).toBe(milli);
    expect(quantityValue(q(input))).toBe(value);
  });

  it('builds scaled quantities', () => {
    expect(quantityFromScaled(500, -3, 'DecimalSI').text).toBe('500m');
    expect(quantityFromScaled(2048, 0, 'BinarySI').text).toBe('2Ki');
    expect(quantityFromScaled(0, 0, 'DecimalSI').text).toBe('0');
  });

  it('adds keeping the first format unless it is zero', () => {
    expect(addQuantities(q('100m'), q('1')).text).toBe('1100m');
    expect(addQuantities(q('0'), q('1Ki')).text).toBe('1Ki');
    expect(addQuantities(q('1Gi'), q('512Mi')).text).toBe('1536Mi');
  });

  it('accepts JSON numbers and padded strings', () => {
    expect(parseQuantityJson(0.5)).toMatchObject({ ok: true, quantity: { text: '500m' } });
    expect(parseQuantityJson(' 2 ')).toMatchObject({ ok: true, quantity: { text: '2' } });
  });
});
