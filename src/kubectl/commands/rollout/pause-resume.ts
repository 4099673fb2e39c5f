/** `kubectl rollout pause|resume`: sets or clears spec.paused. */
import { formatStatus, KubectlError } from '../../errors.ts';
import type { KubectlCommand } from '../../kubectl-command.ts';
import { patchObject } from '../../object-client.ts';
import { kindPrefix, qualifiedName } from '../../resource-mapper.ts';
import { deploymentOf, targetOf } from './deployment-target.ts';

function pauseLike(path: string, paused: boolean): KubectlCommand {
  return {
    path,
    flags: [],
    async run(inv) {
      const { target, name } = targetOf(inv);
      const d = await deploymentOf(inv, target, name);
      if (!d) return 1;
      // polymorphichelpers/objectpauser.go and objectresumer.go know only Deployments.
      if (target.resource.kind !== 'Deployment') throw new KubectlError(`error: ${qualifiedName(target.resource)} "${name}" ${paused ? 'pausing' : 'resuming'} is not supported`);
      if (Boolean(d.spec?.paused) === paused) throw new KubectlError(`error: ${qualifiedName(target.resource)} "${name}" is ${paused ? 'already paused' : 'not paused'}`);
      const res = await patchObject(inv.api, target.resource, inv.namespace, name, { spec: { paused: paused ? true : null } }, 'application/strategic-merge-patch+json');
      if (!res.ok) {
        inv.err(`${formatStatus(res.body)}\n`);
        return 1;
      }
      inv.out(`${kindPrefix(target.resource)}/${name} ${paused ? 'paused' : 'resumed'}\n`);
      return 0;
    },
  };
}

export const rolloutPause = pauseLike('rollout pause', true);
export const rolloutResume = pauseLike('rollout resume', false);
