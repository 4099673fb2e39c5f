/** The pod template block shared by Deployment and ReplicaSet describe and `rollout history --revision`. */
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { describeContainers, describeVolumes } from './container-text.ts';
import { writeAnnotations, writeLabels, writeTolerations, type DescribeWriter } from './prefix-writer.ts';

/** Models pkg/describe/describe.go DescribePodTemplate. */
export function writePodTemplate(w: DescribeWriter, template: PodTemplateSpec): void {
  w.line(0, 'Pod Template:');
  writeLabels(w, '  Labels', template.metadata?.labels);
  const annotations = template.metadata?.annotations;
  if (annotations && Object.keys(annotations).length) writeAnnotations(w, '  Annotations', annotations);
  if (template.spec?.serviceAccountName) w.line(1, `Service Account:\t${template.spec.serviceAccountName}`);
  if (template.spec?.initContainers?.length) describeContainers(w, 'Init Containers', template.spec.initContainers, undefined, undefined, '  ');
  describeContainers(w, 'Containers', template.spec?.containers ?? [], undefined, undefined, '  ');
  describeVolumes(w, template.spec?.volumes, '  ');
  if (template.spec?.priorityClassName) w.line(1, `Priority Class Name:\t${template.spec.priorityClassName}`);
  writeLabels(w, '  Node-Selectors', template.spec?.nodeSelector);
  writeTolerations(w, '  Tolerations', template.spec?.tolerations);
}

/** `rollout history --revision`: the same block printed with literal tabs, no alignment. */
export function describePodTemplateTabbed(template: PodTemplateSpec): string {
  let text = '';
  writePodTemplate({ line: (level, line) => (text += `${'  '.repeat(level)}${line}\n`) }, template);
  return text.replace(/\n$/, '');
}
