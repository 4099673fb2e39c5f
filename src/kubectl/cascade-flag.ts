/** kubectl's --cascade flag (delete, run, replace): the propagation policy of the deletes it sends. */
import { KubectlError } from './errors.ts';
import { stringFlag, type FlagSpec } from './flags.ts';
import type { Invocation } from './kubectl-command.ts';

/** --cascade: a word, or the old boolean; alone it means background. */
export const CASCADE_FLAG: FlagSpec = { name: 'cascade', kind: 'string', noOptDefault: 'background' };

const GO_BOOLEANS: Record<string, boolean> = {
  '1': true,
  t: true,
  T: true,
  TRUE: true,
  true: true,
  True: true,
  '0': false,
  f: false,
  F: false,
  FALSE: false,
  false: false,
  False: false,
};

/** parseCascadingFlag: the propagation policy every delete sends, warning about a boolean value. */
export function cascadeStrategy(inv: Invocation): 'Background' | 'Foreground' | 'Orphan' {
  const value = stringFlag(inv.flags, 'cascade') ?? 'background';
  const asBoolean = GO_BOOLEANS[value];
  if (asBoolean !== undefined) {
    const replacement = asBoolean ? 'background' : 'orphan';
    inv.err(`warning: --cascade=${value} is deprecated (boolean value) and can be replaced with --cascade=${replacement}.\n`);
    return asBoolean ? 'Background' : 'Orphan';
  }
  if (value === 'orphan') return 'Orphan';
  if (value === 'foreground') return 'Foreground';
  if (value === 'background') return 'Background';
  throw new KubectlError(`error: invalid cascade value (${value}). Must be "background", "foreground", or "orphan"`);
}
