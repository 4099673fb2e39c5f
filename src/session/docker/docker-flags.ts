/**
 * Flags as docker's cobra/pflag commands read them: long `--name N` / `--name=N`, short `-e K=V`,
 * grouped booleans `-it`, repeatable values, and `docker run`'s stop at the image (its flags end
 * at the first operand). Errors are worded as pflag words them and laid out as docker-cli's
 * FlagErrorFunc and cli/required.go lay them out.
 */

export interface CommandSpec {
  /** `docker run` */
  path: string;
  /** `docker run [OPTIONS] IMAGE [COMMAND] [ARG...]` */
  usage: string;
  /** Boolean flags: long names with their one-letter shorthands (`--detach` → `d`). */
  booleans: Record<string, string>;
  /** Flags that take a value. */
  values: Record<string, string>;
  /** Flags end at the first operand (`docker run IMAGE ls -l`). */
  stopAtOperand?: boolean;
}

export interface ParsedFlags {
  set: Set<string>;
  values: Map<string, string[]>;
  operands: string[];
}

export class DockerUsageError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode: number) {
    super(message);
    this.exitCode = exitCode;
  }
}

export function parseFlags(spec: CommandSpec, args: readonly string[]): ParsedFlags {
  const parsed: ParsedFlags = { set: new Set(), values: new Map(), operands: [] };
  const byShort = new Map<string, string>();
  for (const [long, short] of [...Object.entries(spec.booleans), ...Object.entries(spec.values)]) if (short) byShort.set(short, long);
  const add = (long: string, value: string) => parsed.values.set(long, [...(parsed.values.get(long) ?? []), value]);
  const fail = (message: string) => new DockerUsageError(`${message}\n\nUsage:  ${spec.usage}\n\nRun '${spec.path} --help' for more information`, 125);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      parsed.operands.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const long = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
      if (long in spec.booleans) parsed.set.add(long);
      else if (long in spec.values) {
        if (eq >= 0) add(long, arg.slice(eq + 1));
        else if (i + 1 < args.length) add(long, args[++i]!);
        else throw fail(`flag needs an argument: --${long}`);
      } else throw fail(`unknown flag: --${long}`);
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const letter = arg[j]!;
        const long = byShort.get(letter);
        if (long === undefined) throw fail(`unknown shorthand flag: '${letter}' in ${arg}`);
        if (long in spec.booleans) {
          parsed.set.add(long);
          continue;
        }
        const rest = arg.slice(j + 1).replace(/^=/, '');
        if (rest !== '') add(long, rest);
        else if (i + 1 < args.length) add(long, args[++i]!);
        else throw fail(`flag needs an argument: '${letter}' in -${letter}`);
        break;
      }
      continue;
    }
    parsed.operands.push(arg);
    if (spec.stopAtOperand) {
      parsed.operands.push(...args.slice(i + 1));
      break;
    }
  }
  return parsed;
}

/** cli/required.go RequiresMinArgs. */
export function requireAtLeast(spec: CommandSpec, operands: readonly string[], min: number): void {
  if (operands.length >= min) return;
  throw new DockerUsageError(
    `docker: '${spec.path}' requires at least ${min} ${min === 1 ? 'argument' : 'arguments'}\n\nUsage:  ${spec.usage}\n\nSee '${spec.path} --help' for more information`,
    1,
  );
}

/** cli/required.go ExactArgs. */
export function requireExactly(spec: CommandSpec, operands: readonly string[], count: number): void {
  if (operands.length === count) return;
  throw new DockerUsageError(
    `docker: '${spec.path}' requires ${count} ${count === 1 ? 'argument' : 'arguments'}\n\nUsage:  ${spec.usage}\n\nRun '${spec.path} --help' for more information`,
    1,
  );
}
