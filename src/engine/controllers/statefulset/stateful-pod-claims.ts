/**
 * The claims of a StatefulSet pod's volumeClaimTemplates, `<template>-<pod>`, created before the
 * pod (createPersistentVolumeClaims), each with its event. Only when the server serves PersistentVolumeClaims.
 */
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { KubeObject } from '../../api/client.ts';
import type { ControllerContext } from '../controller-context.ts';

const CLAIMS = { group: '', version: 'v1', resource: 'persistentvolumeclaims' } as const;

/** The error text of the first claim that could not be made, if any. */
export function createClaims(ctx: ControllerContext, set: StatefulSet, podName: string): string | undefined {
  const templates = set.spec?.volumeClaimTemplates ?? [];
  if (!templates.length || !ctx.server.discovery().some((r) => r.group === '' && r.name === 'persistentvolumeclaims')) return undefined;
  const namespace = set.metadata!.namespace!;
  for (const template of templates) {
    const name = `${template.metadata?.name}-${podName}`;
    if (ctx.server.handle({ verb: 'get', ...CLAIMS, namespace, name }).ok) continue;
    const labels = { ...(set.spec?.selector?.matchLabels ?? {}), ...(template.metadata?.labels ?? {}) };
    // updateClaimOwnerRefForSetAndPod for a pod in range: whenDeleted=Delete makes the set the claim's controller.
    const ownerReferences =
      set.spec?.persistentVolumeClaimRetentionPolicy?.whenDeleted === 'Delete'
        ? [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: set.metadata!.name!, uid: set.metadata!.uid!, controller: true, blockOwnerDeletion: true }]
        : undefined;
    const metadata = { name, namespace, labels, ...(ownerReferences ? { ownerReferences } : {}) };
    const body = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata, spec: template.spec } as KubeObject;
    const created = ctx.server.handle({ verb: 'create', ...CLAIMS, namespace, body });
    // recordClaimEvent.
    const recorder = ctx.recorder('statefulset-controller');
    const setName = set.metadata!.name!;
    if (!created.ok) {
      recorder.record(set as KubeObject, 'Warning', 'FailedCreate', `create Claim ${name} for Pod ${podName} in StatefulSet ${setName} failed error: ${created.body.message}`);
      return created.body.message;
    }
    recorder.record(set as KubeObject, 'Normal', 'SuccessfulCreate', `create Claim ${name} Pod ${podName} in StatefulSet ${setName} success`);
  }
  return undefined;
}
