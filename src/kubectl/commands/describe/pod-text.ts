/** `kubectl describe pod`. Models pkg/describe/describe.go describePod (kubectl v1.32). */
import type { Container, Pod } from 'kubernetes-types/core/v1';
import type { ApiClient, KubeObject } from '../../../engine/api/client.ts';
import { translateTimestampSince } from '../../../lib/duration/human-duration.ts';
import { canonicalQuantity } from '../../../lib/quantity/quantity.ts';
import { describeContainers, describeVolumes } from './container-text.ts';
import { SHOW_EVENTS, writeEvents } from './events-section.ts';
import { PrefixWriter, rfc1123z, writeAnnotations, writeLabels, writeTolerations } from './prefix-writer.ts';

export async function describePod(api: ApiClient, obj: KubeObject, nowMs: number, settings = SHOW_EVENTS): Promise<string> {
  const pod = obj as Pod;
  const w = new PrefixWriter();
  const spec = pod.spec ?? { containers: [] };
  const status = pod.status ?? {};
  w.line(0, `Name:\t${pod.metadata?.name ?? ''}`);
  w.line(0, `Namespace:\t${pod.metadata?.namespace ?? ''}`);
  if (spec.priority !== undefined) w.line(0, `Priority:\t${spec.priority}`);
  if (spec.priorityClassName) w.line(0, `Priority Class Name:\t${spec.priorityClassName}`);
  if (spec.runtimeClassName) w.line(0, `Runtime Class Name:\t${spec.runtimeClassName}`);
  if (spec.serviceAccountName) w.line(0, `Service Account:\t${spec.serviceAccountName}`);
  w.line(0, spec.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ''}` : 'Node:\t<none>');
  if (status.startTime) w.line(0, `Start Time:\t${rfc1123z(status.startTime)}`);
  writeLabels(w, 'Labels', pod.metadata?.labels);
  writeAnnotations(w, 'Annotations', pod.metadata?.annotations);
  const deletion = pod.metadata?.deletionTimestamp;
  if (deletion && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
    // The deletion timestamp lies in the future while the grace period runs, so HumanDuration of
    // "since" is negative and kubectl v1.32 prints `<invalid>` — a real quirk.
    w.line(0, `Status:\tTerminating (lasts ${translateTimestampSince(deletion, nowMs)})`);
    w.line(0, `Termination Grace Period:\t${pod.metadata?.deletionGracePeriodSeconds ?? 0}s`);
  } else w.line(0, `Status:\t${status.phase ?? ''}`);
  if (status.reason) w.line(0, `Reason:\t${status.reason}`);
  if (status.message) w.line(0, `Message:\t${status.message}`);
  const seccomp = pod.spec?.securityContext?.seccompProfile;
  if (seccomp) {
    w.line(0, `SeccompProfile:\t${seccomp.type}`);
    if (seccomp.type === 'Localhost') w.line(0, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}`);
  }
  w.line(0, `IP:\t${status.podIP ?? ''}`);
  if (status.podIPs?.length) {
    w.line(0, 'IPs:');
    for (const ip of status.podIPs) w.line(1, `IP:\t${ip.ip}`);
  } else w.line(0, 'IPs:\t<none>');
  const owner = pod.metadata?.ownerReferences?.find((o) => o.controller);
  if (owner) w.line(0, `Controlled By:\t${owner.kind}/${owner.name}`);
  if (status.nominatedNodeName) w.line(0, `NominatedNodeName:\t${status.nominatedNodeName}`);
  if (spec.initContainers?.length) describeContainers(w, 'Init Containers', spec.initContainers, status.initContainerStatuses, pod, '');
  describeContainers(w, 'Containers', spec.containers ?? [], status.containerStatuses, pod, '');
  if (spec.ephemeralContainers?.length) describeContainers(w, 'Ephemeral Containers', spec.ephemeralContainers as Container[], status.ephemeralContainerStatuses, pod, '');
  if (spec.readinessGates?.length) {
    w.line(0, 'Readiness Gates:');
    w.line(1, 'Type\tStatus');
    for (const gate of spec.readinessGates) w.line(1, `${gate.conditionType} \t${status.conditions?.find((c) => c.type === gate.conditionType)?.status ?? '<none>'} `);
  }
  if (status.conditions?.length) {
    w.line(0, 'Conditions:');
    w.line(1, 'Type\tStatus');
    for (const c of status.conditions) w.line(1, `${c.type} \t${c.status} `);
  }
  describeVolumes(w, spec.volumes, '');
  w.line(0, `QoS Class:\t${status.qosClass ?? computeQosClass(pod)}`);
  writeLabels(w, 'Node-Selectors', spec.nodeSelector);
  writeTolerations(w, 'Tolerations', spec.tolerations);
  await writeEvents(w, api, obj, nowMs, settings);
  return w.toString();
}

/** qos.GetPodQOS for a pod whose status does not say (the server normally sets it). */
function computeQosClass(pod: Pod): string {
  const containers = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
  const isSet = (v: unknown) => v !== undefined && canonicalQuantity(String(v)) !== '0';
  let any = false;
  let guaranteed = containers.length > 0;
  for (const c of containers) {
    for (const name of ['cpu', 'memory']) {
      const request = c.resources?.requests?.[name] ?? c.resources?.limits?.[name];
      const limit = c.resources?.limits?.[name];
      if (isSet(request) || isSet(limit)) any = true;
      if (!isSet(limit) || canonicalQuantity(String(request)) !== canonicalQuantity(String(limit))) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
