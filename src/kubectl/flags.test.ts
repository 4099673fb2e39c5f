import { describe, expect, it } from 'vitest';
import { FlagError, parseFlags, type FlagSpec } from './flags.ts';

const SPECS: FlagSpec[] = [
  { name: 'watch', short: 'w', kind: 'bool' },
  { name: 'output', short: 'o', kind: 'string' },
];

// Models spf13/pflag flag.go parseSingleShortArg; the errors are kubectl v1.35.2's (`rollout status deploy ra -w=…`).
const cases: { name: string; argv: string[]; values?: Record<string, unknown>; error?: string }[] = [
  { name: 'bare bool shorthand is true', argv: ['-w'], values: { watch: true } },
  { name: 'bool shorthand takes its value after =', argv: ['-w=false'], values: { watch: false } },
  { name: 'bool shorthand then a string shorthand', argv: ['-wo', 'name'], values: { watch: true, output: 'name' } },
  { name: 'bad bool shorthand value', argv: ['-w=bogus'], error: 'invalid argument "bogus" for "-w, --watch" flag: strconv.ParseBool: parsing "bogus": invalid syntax' },
  { name: 'empty value after = names the rest of the shorthands', argv: ['-w='], error: "unknown shorthand flag: '=' in -=" },
  { name: 'unknown first shorthand', argv: ['-xw'], error: "unknown shorthand flag: 'x' in -xw" },
];

describe('parseFlags shorthands', () => {
  it.each(cases)('$name', ({ argv, values, error }) => {
    if (error) {
      expect(() => parseFlags(argv, SPECS)).toThrow(new FlagError(error));
      return;
    }
    expect(Object.fromEntries(parseFlags(argv, SPECS).values)).toEqual(values);
  });
});
