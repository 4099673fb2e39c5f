/**
 * A pflag-like parser: `--name=value`, `--name value`, `-n value`, `-nvalue`, `-oyaml`, bool flags
 * and `--`. Unknown flags fail with cobra's wording (`Error: unknown flag: --image`).
 */
import { goQuote } from '../lib/jsonpath/go-value-format.ts';
import { readCsvRecord } from './csv-flag-value.ts';

export interface FlagSpec {
  name: string;
  short?: string;
  /** `strings` is pflag's StringArray (one item a flag), `csv` its StringSlice (`a,b` is two). */
  kind: 'bool' | 'string' | 'int' | 'strings' | 'csv';
  /** pflag's NoOptDefVal: the value of `--name` given without `=value` (`--dry-run` → `unchanged`). */
  noOptDefault?: string;
  /** cobra's MarkFlagRequired: `error: required flag(s) "image" not set` before the command runs. */
  required?: boolean;
}

export interface ParsedFlags {
  values: Map<string, string | boolean | number | string[]>;
  args: string[];
  /** Everything after `--`. */
  dashArgs?: string[];
}

export class FlagError extends Error {}

/** Flags every kubectl command accepts. */
export const GLOBAL_FLAGS: FlagSpec[] = [
  { name: 'namespace', short: 'n', kind: 'string' },
  { name: 'kubeconfig', kind: 'string' },
  { name: 'context', kind: 'string' },
  { name: 'cluster', kind: 'string' },
  { name: 'user', kind: 'string' },
  { name: 'server', short: 's', kind: 'string' },
  { name: 'token', kind: 'string' },
  { name: 'certificate-authority', kind: 'string' },
  { name: 'client-certificate', kind: 'string' },
  { name: 'client-key', kind: 'string' },
  { name: 'insecure-skip-tls-verify', kind: 'bool' },
  { name: 'tls-server-name', kind: 'string' },
  { name: 'request-timeout', kind: 'string' },
  { name: 'v', short: 'v', kind: 'string' },
  { name: 'help', short: 'h', kind: 'bool' },
];

export function parseFlags(argv: string[], specs: FlagSpec[]): ParsedFlags {
  const all = [...specs, ...GLOBAL_FLAGS];
  const values = new Map<string, string | boolean | number | string[]>();
  const args: string[] = [];
  // Models spf13/pflag flag.go: how a missing or bad value is reported.
  const set = (spec: FlagSpec, raw: string | undefined, typed: string) => {
    if (spec.kind === 'bool') {
      if (raw === undefined || GO_TRUE.includes(raw)) values.set(spec.name, true);
      else if (GO_FALSE.includes(raw)) values.set(spec.name, false);
      else throw new FlagError(`invalid argument "${raw}" for "${flagText(spec)}" flag: strconv.ParseBool: parsing "${JSON.stringify(raw).slice(1, -1)}": invalid syntax`);
      return;
    }
    if (raw === undefined) throw new FlagError(`flag needs an argument: ${typed.startsWith('--') ? typed : `'${spec.short}' in ${typed}`}`);
    if (spec.kind === 'int') {
      if (!/^[+-]?\d+$/.test(raw))
        throw new FlagError(`invalid argument "${raw}" for "${flagText(spec)}" flag: strconv.ParseInt: parsing "${JSON.stringify(raw).slice(1, -1)}": invalid syntax`);
      values.set(spec.name, Number(raw));
    } else if (spec.kind === 'strings' || spec.kind === 'csv') {
      const prev = (values.get(spec.name) as string[] | undefined) ?? [];
      const record = spec.kind === 'csv' ? readCsvRecord(raw) : { ok: true as const, fields: [raw] };
      if (!record.ok) throw new FlagError(`invalid argument ${goQuote(raw)} for "${flagText(spec)}" flag: ${record.message}`);
      values.set(spec.name, [...prev, ...record.fields]);
    } else values.set(spec.name, raw);
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return { values, args, dashArgs: argv.slice(i + 1) };
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      const spec = all.find((s) => s.name === name);
      if (!spec) throw new FlagError(`unknown flag: --${name}`);
      const inline = eq < 0 ? undefined : arg.slice(eq + 1);
      const value = spec.kind === 'bool' || inline !== undefined ? inline : (spec.noOptDefault ?? argv[++i]);
      set(spec, value, `--${name}`);
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1 && !/^-\d/.test(arg)) {
      for (let j = 1; j < arg.length; j++) {
        const short = arg[j]!;
        const spec = all.find((s) => s.short === short);
        if (!spec) throw new FlagError(`unknown shorthand flag: '${short}' in -${arg.slice(j)}`);
        if (spec.kind === 'bool') {
          // pflag parseSingleShortArg: `-w=false` gives the value; a bare `-w` means true.
          if (arg[j + 1] === '=' && j + 2 < arg.length) {
            set(spec, arg.slice(j + 2), `-${short}`);
            break;
          }
          set(spec, undefined, `-${short}`);
          continue;
        }
        const rest = arg.slice(j + 1).replace(/^=/, '');
        set(spec, rest !== '' ? rest : argv[++i], `-${short}`);
        break;
      }
      continue;
    }
    args.push(arg);
  }
  return { values, args };
}

// Models strconv.ParseBool: the spellings pflag's bool flags accept.
const GO_TRUE = ['1', 't', 'T', 'TRUE', 'true', 'True'];
const GO_FALSE = ['0', 'f', 'F', 'FALSE', 'false', 'False'];

function flagText(spec: FlagSpec): string {
  return spec.short ? `-${spec.short}, --${spec.name}` : `--${spec.name}`;
}

/** The required flags not given, as cobra's ValidateRequiredFlags reports them. */
export function missingRequiredFlags(flags: ParsedFlags, specs: FlagSpec[]): string | undefined {
  const missing = specs.filter((s) => s.required && !flags.values.has(s.name)).map((s) => `"${s.name}"`);
  return missing.length ? `required flag(s) ${missing.join(', ')} not set` : undefined;
}

export function stringFlag(flags: ParsedFlags, name: string): string | undefined {
  const v = flags.values.get(name);
  return typeof v === 'string' ? v : undefined;
}

export function boolFlag(flags: ParsedFlags, name: string): boolean {
  return flags.values.get(name) === true;
}

export function intFlag(flags: ParsedFlags, name: string): number | undefined {
  const v = flags.values.get(name);
  return typeof v === 'number' ? v : undefined;
}

export function stringsFlag(flags: ParsedFlags, name: string): string[] {
  const v = flags.values.get(name);
  return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
}
