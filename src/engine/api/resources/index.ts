/** Every kind the simulated API server serves, in the order discovery lists them. */
import type { ResourceDefinition } from '../resource-definition.ts';
import { configMapDefinition } from './configmap.ts';
import { controllerRevisionDefinition } from './controller-revision.ts';
import { cronJobDefinition } from './cronjob.ts';
import { daemonSetDefinition } from './daemonset.ts';
import { customResourceDefinitionDefinition } from '../custom-resources/crd-definition.ts';
import { deploymentDefinition } from './deployment.ts';
import { endpointsDefinition } from './endpoints.ts';
import { endpointSliceDefinition } from './endpointslice.ts';
import { eventDefinition } from './event.ts';
import { jobDefinition } from './job.ts';
import { leaseDefinition } from './lease.ts';
import { limitRangeDefinition } from './limit-range.ts';
import { priorityClassDefinition } from './priority-class.ts';
import { resourceQuotaDefinition } from './resource-quota.ts';
import { namespaceDefinition } from './namespace.ts';
import { nodeDefinition } from './node.ts';
import { persistentVolumeDefinition } from './persistent-volume.ts';
import { persistentVolumeClaimDefinition } from './persistent-volume-claim.ts';
import { podDefinition } from './pod.ts';
import { podDisruptionBudgetDefinition } from './poddisruptionbudget.ts';
import { replicaSetDefinition } from './replicaset.ts';
import { secretDefinition } from './secret.ts';
import { serviceDefinition } from './service.ts';
import { serviceAccountDefinition } from './serviceaccount.ts';
import { statefulSetDefinition } from './statefulset.ts';
import { storageClassDefinition } from './storage-class.ts';

export function allResourceDefinitions(): ResourceDefinition[] {
  return [
    configMapDefinition,
    endpointsDefinition,
    eventDefinition,
    limitRangeDefinition,
    namespaceDefinition,
    nodeDefinition,
    persistentVolumeClaimDefinition,
    persistentVolumeDefinition,
    podDefinition,
    resourceQuotaDefinition,
    secretDefinition,
    serviceAccountDefinition,
    serviceDefinition,
    // Groups in kube-apiserver's priority order: apps, batch, policy, storage, apiextensions, scheduling, coordination, discovery.
    controllerRevisionDefinition,
    daemonSetDefinition,
    deploymentDefinition,
    replicaSetDefinition,
    statefulSetDefinition,
    cronJobDefinition,
    jobDefinition,
    podDisruptionBudgetDefinition,
    storageClassDefinition,
    customResourceDefinitionDefinition,
    priorityClassDefinition,
    leaseDefinition,
    endpointSliceDefinition,
  ];
}
