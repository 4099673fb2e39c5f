/** A flag pflag reads as a Go duration (`--timeout=30s`): its value, or cobra's refusal of it. */
import { parseGoDuration } from '../lib/duration/go-duration.ts';
import { KubectlError } from './errors.ts';
import { stringFlag } from './flags.ts';
import type { Invocation } from './kubectl-command.ts';

/** A Go duration flag's value in ms (`fallback` when absent); pflag refuses a bad one while reading the flags. */
export function checkDurationFlag(inv: Invocation, name: string, command: string, fallback = '0s'): number {
  const text = stringFlag(inv.flags, name) ?? fallback;
  const parsed = parseGoDuration(text);
  if (!parsed.ok) throw new KubectlError(`error: invalid argument ${JSON.stringify(text)} for "--${name}" flag: ${parsed.message}\nSee 'kubectl ${command} --help' for usage.`);
  return parsed.ms;
}
