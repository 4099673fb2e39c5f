/** `kubectl create quota|resourcequota` and `create priorityclass|pc` (pkg/cmd/create create_quota.go, create_priorityclass.go). */
import type { KubeObject } from '../../engine/api/client.ts';
import { parseQuantity } from '../../lib/quantity/quantity.ts';
import { KubectlError } from '../errors.ts';
import { boolFlag, intFlag, stringFlag } from '../flags.ts';
import type { KubectlCommand } from '../kubectl-command.ts';
import { OUTPUT_FLAGS, requireName, submit } from './generator-commands.ts';

/** Models populateResourceListV1: `name=quantity` pairs, each value in its canonical form. */
export function parseHard(spec: string): Record<string, string> | undefined {
  if (spec === '') return undefined;
  const hard: Record<string, string> = {};
  for (const statement of spec.split(',')) {
    const parts = statement.split('=');
    if (parts.length !== 2) throw new KubectlError(`error: Invalid argument syntax ${statement}, expected <resource>=<value>`);
    const parsed = parseQuantity(parts[1]!);
    if (!parsed.ok) throw new KubectlError(`error: ${parsed.message}`);
    hard[parts[0]!] = parsed.quantity.text;
  }
  return hard;
}

/** Models parseScopes: scopes are not checked here, the apiserver does it. */
function parseScopes(spec: string): string[] | undefined {
  if (spec === '') return undefined;
  return spec.split(',').map((scope) => {
    if (scope === '') throw new KubectlError('error: invalid resource quota scope ""');
    return scope;
  });
}

export const createQuotaCommand: KubectlCommand = {
  path: 'create quota',
  flags: [...OUTPUT_FLAGS, { name: 'hard', kind: 'string' }, { name: 'scopes', kind: 'string' }],
  async run(inv) {
    const name = requireName(inv, 'create quota');
    const hard = parseHard(stringFlag(inv.flags, 'hard') ?? '');
    const scopes = parseScopes(stringFlag(inv.flags, 'scopes') ?? '');
    const quota: KubeObject = {
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: { name },
      spec: { ...(hard ? { hard } : {}), ...(scopes ? { scopes } : {}) },
      status: {},
    };
    return submit(inv, inv.mapper.resolve('resourcequotas')!, quota, (m) => `error: failed to create quota: ${m}`);
  },
};

export const createPriorityClassCommand: KubectlCommand = {
  path: 'create priorityclass',
  flags: [
    ...OUTPUT_FLAGS,
    { name: 'value', kind: 'int' },
    { name: 'global-default', kind: 'bool' },
    { name: 'description', kind: 'string' },
    { name: 'preemption-policy', kind: 'string' },
  ],
  async run(inv) {
    const name = requireName(inv, 'create priorityclass');
    const description = stringFlag(inv.flags, 'description') ?? '';
    const pc: KubeObject = {
      apiVersion: 'scheduling.k8s.io/v1',
      kind: 'PriorityClass',
      metadata: { name },
      ...(description ? { description } : {}),
      ...(boolFlag(inv.flags, 'global-default') ? { globalDefault: true } : {}),
      preemptionPolicy: stringFlag(inv.flags, 'preemption-policy') ?? 'PreemptLowerPriority',
      value: intFlag(inv.flags, 'value') ?? 0,
    };
    return submit(inv, inv.mapper.resolve('priorityclasses')!, pc, (m) => `error: failed to create priorityclass: ${m}`, false);
  },
};
