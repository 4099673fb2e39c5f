/** `kubectl describe pdb`. Models pkg/describe/describe.go describePodDisruptionBudgetV1. */
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import type { ApiClient, KubeObject } from '../../../engine/api/client.ts';
import { formatLabelSelector } from '../../../lib/label-selector/label-selector.ts';
import { SHOW_EVENTS, writeEvents } from './events-section.ts';
import { PrefixWriter } from './prefix-writer.ts';

export async function describePodDisruptionBudget(api: ApiClient, obj: KubeObject, nowMs: number, settings = SHOW_EVENTS): Promise<string> {
  const pdb = obj as PodDisruptionBudget;
  const w = new PrefixWriter();
  w.line(0, `Name:\t${pdb.metadata?.name}`);
  w.line(0, `Namespace:\t${pdb.metadata?.namespace}`);
  if (pdb.spec?.minAvailable !== undefined) w.line(0, `Min available:\t${pdb.spec.minAvailable}`);
  else if (pdb.spec?.maxUnavailable !== undefined) w.line(0, `Max unavailable:\t${pdb.spec.maxUnavailable}`);
  w.line(0, `Selector:\t${pdb.spec?.selector ? formatLabelSelector(pdb.spec.selector) : '<unset>'}`);
  w.line(0, 'Status:');
  w.line(2, `Allowed disruptions:\t${pdb.status?.disruptionsAllowed ?? 0}`);
  w.line(2, `Current:\t${pdb.status?.currentHealthy ?? 0}`);
  w.line(2, `Desired:\t${pdb.status?.desiredHealthy ?? 0}`);
  w.line(2, `Total:\t${pdb.status?.expectedPods ?? 0}`);
  await writeEvents(w, api, obj, nowMs, settings);
  return w.toString();
}
