/** `kubectl rollout restart`: stamps the pod template so the Deployment rolls out anew. */
import { formatStatus, KubectlError } from '../../errors.ts';
import type { KubectlCommand } from '../../kubectl-command.ts';
import { patchObject } from '../../object-client.ts';
import { kindPrefix, qualifiedName } from '../../resource-mapper.ts';
import { deploymentOf, targetOf } from './deployment-target.ts';

export const rolloutRestart: KubectlCommand = {
  path: 'rollout restart',
  flags: [],
  async run(inv) {
    const { target, name } = targetOf(inv);
    const d = await deploymentOf(inv, target, name);
    if (!d) return 1;
    if (d.spec?.paused) throw new KubectlError(`error: ${qualifiedName(target.resource)} "${name}" can't restart paused deployment (run rollout resume first)`);
    const at = new Date(inv.ctx.time.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const patch = { spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': at } } } } };
    const res = await patchObject(inv.api, target.resource, inv.namespace, name, patch, 'application/strategic-merge-patch+json');
    if (!res.ok) {
      inv.err(`${formatStatus(res.body)}\n`);
      return 1;
    }
    inv.out(`${kindPrefix(target.resource)}/${name} restarted\n`);
    return 0;
  },
};
