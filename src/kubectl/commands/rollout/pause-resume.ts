/** `kubectl rollout pause|resume`: sets or clears spec.paused (objectpauser.go, objectresumer.go know only Deployments). */
import type { KubectlCommand } from '../../kubectl-command.ts';
import { patchEachRolloutObject, ROLLOUT_CHANGE_FLAGS } from './rollout-patches.ts';

function pauseLike(path: string, paused: boolean): KubectlCommand {
  return {
    path,
    flags: ROLLOUT_CHANGE_FLAGS,
    run: (inv) =>
      patchEachRolloutObject(inv, paused ? 'paused' : 'resumed', (resource, obj) => {
        if (resource.kind !== 'Deployment' || resource.group !== 'apps') return { refusal: `${paused ? 'pausing' : 'resuming'} is not supported` };
        const spec = obj.spec as { paused?: boolean } | undefined;
        if (Boolean(spec?.paused) === paused) return { refusal: paused ? 'is already paused' : 'is not paused' };
        return { patch: { spec: { paused: paused ? true : null } } };
      }),
  };
}

export const rolloutPause = pauseLike('rollout pause', true);
export const rolloutResume = pauseLike('rollout resume', false);
