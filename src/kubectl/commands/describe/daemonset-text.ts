/** describe for DaemonSets: pkg/describe/describe.go describeDaemonSet. */
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { ApiClient, KubeObject } from '../../../engine/api/client.ts';
import { formatLabelSelector, formatLabelSet } from '../../../lib/label-selector/label-selector.ts';
import { SHOW_EVENTS, writeEvents } from './events-section.ts';
import { writePodTemplate } from './pod-template-text.ts';
import { PrefixWriter, writeAnnotations, writeLabels } from './prefix-writer.ts';
import { podPhaseCounts } from './statefulset-text.ts';

export async function describeDaemonSet(api: ApiClient, obj: KubeObject, nowMs: number, settings = SHOW_EVENTS): Promise<string> {
  const ds = obj as DaemonSet;
  const s = ds.status;
  const w = new PrefixWriter();
  const selector = formatLabelSelector(ds.spec?.selector);
  w.line(0, `Name:\t${ds.metadata?.name}`);
  w.line(0, `Namespace:\t${ds.metadata?.namespace}`);
  w.line(0, `Selector:\t${selector}`);
  w.line(0, `Node-Selector:\t${formatLabelSet(ds.spec?.template?.spec?.nodeSelector) || '<none>'}`);
  writeLabels(w, 'Labels', ds.metadata?.labels);
  writeAnnotations(w, 'Annotations', ds.metadata?.annotations);
  // These lines have no tab: kubectl does not align them.
  w.line(0, `Desired Number of Nodes Scheduled: ${s?.desiredNumberScheduled ?? 0}`);
  w.line(0, `Current Number of Nodes Scheduled: ${s?.currentNumberScheduled ?? 0}`);
  w.line(0, `Number of Nodes Scheduled with Up-to-date Pods: ${s?.updatedNumberScheduled ?? 0}`);
  w.line(0, `Number of Nodes Scheduled with Available Pods: ${s?.numberAvailable ?? 0}`);
  w.line(0, `Number of Nodes Misscheduled: ${s?.numberMisscheduled ?? 0}`);
  w.line(0, `Pods Status:\t${await podPhaseCounts(api, obj, selector)}`);
  writePodTemplate(w, ds.spec?.template ?? {});
  await writeEvents(w, api, obj, nowMs, settings);
  return w.toString();
}
