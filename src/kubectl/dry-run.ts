/**
 * `--dry-run[=none|client|server]`. A bare `--dry-run` still means client, with kubectl's
 * deprecation warning. Models staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go GetDryRunStrategy.
 */
import type { FlagSpec, ParsedFlags } from './flags.ts';
import { stringFlag } from './flags.ts';
import { KubectlError } from './errors.ts';
import { klogLine } from './klog-line.ts';

export type DryRunStrategy = 'none' | 'client' | 'server';

export const DRY_RUN_FLAG: FlagSpec = { name: 'dry-run', kind: 'string', noOptDefault: 'unchanged' };

export function dryRunStrategy(flags: ParsedFlags, warn: (text: string) => void, nowMs: number): DryRunStrategy {
  const value = stringFlag(flags, 'dry-run') ?? 'none';
  switch (value) {
    case 'none':
    case 'client':
    case 'server':
      return value;
    case 'unchanged':
      warn(klogLine('W', nowMs, 'helpers.go:719', '--dry-run is deprecated and can be replaced with --dry-run=client.'));
      return 'client';
    default:
      throw new KubectlError(`error: Invalid dry-run value (${value}). Must be "none", "server", or "client".`);
  }
}

/** What PrintFlagsWithDryRunStrategy appends to the printed operation. */
export function dryRunSuffix(strategy: DryRunStrategy): string {
  return strategy === 'client' ? ' (dry run)' : strategy === 'server' ? ' (server dry run)' : '';
}

/** The query a server dry run adds to a mutating request. */
export function dryRunQuery(strategy: DryRunStrategy): { dryRun: 'All' } | Record<string, never> {
  return strategy === 'server' ? { dryRun: 'All' } : {};
}
