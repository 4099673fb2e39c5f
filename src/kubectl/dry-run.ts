/** `--dry-run=none|client|server` as kubectl reads it. */
import { stringFlag, type ParsedFlags } from './flags.ts';
import { KubectlError } from './errors.ts';

export type DryRunStrategy = 'none' | 'client' | 'server';

/** Models pkg/cmd/util/helpers.go GetDryRunStrategy. */
export function dryRunStrategy(flags: ParsedFlags): DryRunStrategy {
  const value = stringFlag(flags, 'dry-run');
  if (value === undefined || value === 'none') return 'none';
  if (value === 'client' || value === 'server') return value;
  throw new KubectlError(`error: Invalid dry-run value (${value}). Must be "none", "server", or "client".`);
}

/** What PrintFlagsWithDryRunStrategy appends to the printed operation. */
export function dryRunSuffix(strategy: DryRunStrategy): string {
  return strategy === 'client' ? ' (dry run)' : strategy === 'server' ? ' (server dry run)' : '';
}

/** The query a server dry run adds to a mutating request. */
export function dryRunQuery(strategy: DryRunStrategy): { dryRun: 'All' } | Record<string, never> {
  return strategy === 'server' ? { dryRun: 'All' } : {};
}
