import { describe, expect, it } from 'vitest';
import { goYamlStringStyle, type ScalarStyle } from './go-yaml-scalar-style.ts';

// Styles observed in `kubectl create configmap --from-literal/--from-file … -o yaml` (v1.35.2).
const cases: { name: string; value: string; style: ScalarStyle }[] = [
  { name: 'a word', value: 'nginx', style: 'PLAIN' },
  { name: 'an image with a colon not followed by a space', value: 'nginx:1.25', style: 'PLAIN' },
  { name: 'a percentage', value: '25%', style: 'PLAIN' },
  { name: 'an apostrophe inside', value: "it's", style: 'PLAIN' },
  { name: 'a dash not followed by a space', value: '-x', style: 'PLAIN' },
  { name: 'a version with two dots', value: '1.2.3', style: 'PLAIN' },
  { name: 'a YAML 1.1 bool', value: 'yes', style: 'QUOTE_DOUBLE' },
  { name: 'an octal-looking number', value: '0777', style: 'QUOTE_DOUBLE' },
  { name: 'scientific notation', value: '1e3', style: 'QUOTE_DOUBLE' },
  { name: 'a base-60 number', value: '1:20', style: 'QUOTE_DOUBLE' },
  { name: 'a date', value: '2024-01-02', style: 'QUOTE_DOUBLE' },
  { name: 'the empty string', value: '', style: 'QUOTE_DOUBLE' },
  { name: 'a leading indicator', value: '&x', style: 'QUOTE_SINGLE' },
  { name: 'a colon and space', value: 'a: b', style: 'QUOTE_SINGLE' },
  { name: 'a comment after a space', value: 'a #b', style: 'QUOTE_SINGLE' },
  { name: 'a leading space', value: ' lead', style: 'QUOTE_SINGLE' },
  { name: 'a trailing space', value: 'x ', style: 'QUOTE_SINGLE' },
  { name: 'double quotes', value: '"q"', style: 'QUOTE_SINGLE' },
  { name: 'lines ending in a newline', value: 'a: 1\nb:\n  - x\n', style: 'BLOCK_LITERAL' },
  { name: 'lines without a final newline', value: 'a\nb', style: 'BLOCK_LITERAL' },
  { name: 'a line starting with spaces after a break', value: 'line one\n  indented', style: 'BLOCK_LITERAL' },
  { name: 'a tab after a break', value: 'line one\n\ttab', style: 'QUOTE_DOUBLE' },
  { name: 'a space before a break', value: 'x  \ny\n', style: 'QUOTE_DOUBLE' },
  { name: 'carriage returns', value: 'a\r\nb\r\n', style: 'QUOTE_DOUBLE' },
  { name: 'a tab', value: 'a\tb', style: 'QUOTE_DOUBLE' },
];

describe('goYamlStringStyle', () => {
  it.each(cases)('$name', ({ value, style }) => {
    expect(goYamlStringStyle(value)).toBe(style);
  });
});
