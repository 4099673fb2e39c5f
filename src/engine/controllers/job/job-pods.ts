/** What the Job controller reads off its pods (pkg/controller/job/job_controller.go helpers). */
import type { Job, JobCondition, PodFailurePolicyRule } from 'kubernetes-types/batch/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/client.ts';

export const isPodFinished = (pod: Pod): boolean => pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
export const isPodTerminating = (pod: Pod): boolean => !!pod.metadata?.deletionTimestamp && !isPodFinished(pod);

/** DefaultJobPodFailureBackOff and MaxJobPodFailureBackOff: 10 s doubling to 10 min. */
export function podFailureBackoffMs(failures: number): number {
  if (failures <= 0) return 0;
  return Math.min(10_000 * 2 ** (failures - 1), 600_000);
}

/** Models pastBackoffLimitOnFailure: container restarts of OnFailure pods count against the limit. */
export function pastBackoffLimitOnFailure(job: Job, pods: Pod[]): boolean {
  if (job.spec?.template?.spec?.restartPolicy !== 'OnFailure') return false;
  let restarts = 0;
  for (const pod of pods) {
    if (pod.status?.phase !== 'Running' && pod.status?.phase !== 'Pending') continue;
    for (const status of [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])]) restarts += status.restartCount ?? 0;
  }
  const limit = job.spec?.backoffLimit ?? 6;
  return limit === 0 ? restarts > 0 : restarts >= limit;
}

export interface PolicyMatch {
  action: PodFailurePolicyRule['action'];
  message?: string;
  index: number;
}

/** Models pod_failure_policy.go matchPodFailurePolicy: the first rule the failed pod matches. */
export function matchPodFailurePolicy(job: Job, pod: Pod): PolicyMatch | undefined {
  const rules = job.spec?.podFailurePolicy?.rules ?? [];
  for (const [index, rule] of rules.entries()) {
    const exit = rule.onExitCodes;
    if (exit) {
      for (const status of pod.status?.containerStatuses ?? []) {
        if (exit.containerName && exit.containerName !== status.name) continue;
        const code = status.state?.terminated?.exitCode;
        if (code === undefined || code === 0) continue;
        const listed = exit.values.includes(code);
        if (exit.operator === 'In' ? listed : !listed) {
          const message = `Container ${status.name} for pod ${pod.metadata?.namespace}/${pod.metadata?.name} failed with exit code ${code} matching ${rule.action} rule at index ${index}`;
          return { action: rule.action, message, index };
        }
      }
    }
    for (const pattern of rule.onPodConditions ?? []) {
      const matched = (pod.status?.conditions ?? []).some((c) => c.type === pattern.type && c.status === (pattern.status || 'True'));
      if (matched)
        return {
          action: rule.action,
          message: `Pod ${pod.metadata?.namespace}/${pod.metadata?.name} has condition ${pattern.type} matching ${rule.action} rule at index ${index}`,
          index,
        };
    }
  }
  return undefined;
}

export function condition(type: string, reason: string, message: string, nowIso: string): JobCondition {
  return { type, status: 'True', lastProbeTime: nowIso, lastTransitionTime: nowIso, reason, message };
}

export function findCondition(job: Job, type: string): JobCondition | undefined {
  return job.status?.conditions?.find((c) => c.type === type && c.status === 'True');
}

/** Models controller_utils.go GetPodFromTemplate for a Job's pods. */
export function podFromJobTemplate(job: Job): KubeObject {
  const template = JSON.parse(JSON.stringify(job.spec?.template ?? {}));
  const metadata: Record<string, unknown> = {
    generateName: `${job.metadata!.name}-`,
    namespace: job.metadata!.namespace,
    ownerReferences: [{ apiVersion: 'batch/v1', kind: 'Job', name: job.metadata!.name!, uid: job.metadata!.uid!, controller: true, blockOwnerDeletion: true }],
  };
  if (template.metadata?.labels) metadata.labels = template.metadata.labels;
  if (template.metadata?.annotations) metadata.annotations = template.metadata.annotations;
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec: template.spec } as KubeObject;
}
