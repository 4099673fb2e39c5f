/** `kubectl patch TYPE NAME -p PATCH [--type strategic|merge|json]`. */
import { parse } from 'yaml';
import type { PatchType } from '../../engine/api/client.ts';
import { stringFlag } from '../flags.ts';
import { formatStatus, KubectlError } from '../errors.ts';
import type { KubectlCommand } from '../kubectl-command.ts';
import { kindPrefix } from '../resource-mapper.ts';
import { parseResourceArgs, requestBase } from '../resource-args.ts';

const TYPES: Record<string, PatchType> = {
  strategic: 'application/strategic-merge-patch+json',
  merge: 'application/merge-patch+json',
  json: 'application/json-patch+json',
};

export const patchCommand: KubectlCommand = {
  path: 'patch',
  flags: [{ name: 'patch', short: 'p', kind: 'string' }, { name: 'type', kind: 'string' }, { name: 'subresource', kind: 'string' }, { name: 'dry-run', kind: 'string' }],
  async run(inv) {
    const text = stringFlag(inv.flags, 'patch');
    if (text === undefined) throw new KubectlError('error: must specify -p to patch');
    const typeName = stringFlag(inv.flags, 'type') ?? 'strategic';
    const patchType = TYPES[typeName];
    if (!patchType) throw new KubectlError(`error: --type must be one of [json merge strategic], not "${typeName}"`);
    let patch: unknown;
    try {
      patch = parse(text);
    } catch {
      throw new KubectlError(`error: unable to parse "${text}": yaml: did not find expected node content`);
    }
    let status = 0;
    for (const target of parseResourceArgs(inv.args, inv.mapper)) {
      for (const name of target.names) {
        const base = requestBase(target.resource, inv.namespace);
        const before = await inv.api.request({ verb: 'get', ...base, name });
        const sub = stringFlag(inv.flags, 'subresource');
        const res = await inv.api.request({ verb: 'patch', ...base, name, body: patch, patchType, ...(sub ? { subresource: sub } : {}) });
        if (!res.ok) {
          inv.err(`${formatStatus(res.body)}\n`);
          status = 1;
          continue;
        }
        const unchanged = before.ok && before.body.metadata?.resourceVersion === res.body.metadata?.resourceVersion;
        inv.out(`${kindPrefix(target.resource)}/${name} patched${unchanged ? ' (no change)' : ''}\n`);
      }
    }
    return status;
  },
};
