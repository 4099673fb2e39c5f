/** `kubectl rollout restart`: stamps the pod template so the workload rolls out anew (objectrestarter.go). */
import type { KubectlCommand } from '../../kubectl-command.ts';
import { patchEachRolloutObject, ROLLOUT_CHANGE_FLAGS } from './rollout-patches.ts';

const RESTARTABLE = new Set(['Deployment', 'DaemonSet', 'StatefulSet']);
const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';

export const rolloutRestart: KubectlCommand = {
  path: 'rollout restart',
  flags: ROLLOUT_CHANGE_FLAGS,
  run(inv) {
    // time.Now().Format(time.RFC3339): to the second, so two restarts in one second make no patch.
    const at = new Date(inv.ctx.time.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
    return patchEachRolloutObject(inv, 'restarted', (resource, obj) => {
      if (!RESTARTABLE.has(resource.kind) || resource.group !== 'apps') return { refusal: 'restarting is not supported' };
      const spec = obj.spec as { paused?: boolean; template?: { metadata?: { annotations?: Record<string, string> } } } | undefined;
      if (resource.kind === 'Deployment' && spec?.paused) return { refusal: "can't restart paused deployment (run rollout resume first)" };
      if (spec?.template?.metadata?.annotations?.[RESTARTED_AT] === at)
        return {
          failure: `failed to create patch for ${obj.metadata?.name}: if restart has already been triggered within the past second, please wait before attempting to trigger another`,
        };
      return { patch: { spec: { template: { metadata: { annotations: { [RESTARTED_AT]: at } } } } } };
    });
  },
};
