/**
 * The apiextensions-apiserver's own controllers, folded into one: the naming controller accepts a
 * CRD's names (NamesAccepted), the establishing controller marks it Established and its resource
 * starts being served; once the CRD is gone its objects are deleted and the resource unserved
 * (the finalizer controller's work). Models
 * staging/src/k8s.io/apiextensions-apiserver/pkg/controller/status/naming_controller.go,
 * establish/establishing_controller.go and finalizer/crd_finalizer.go.
 */
import type { CustomResourceDefinition, CustomResourceDefinitionCondition } from 'kubernetes-types/apiextensions/v1';
import type { ApiServer } from '../api-server.ts';
import type { KubeObject } from '../client.ts';
import type { VirtualClock } from '../../clock/virtual-clock.ts';
import { resourceKey } from '../resource-key.ts';
import { formatTimestamp } from '../timestamps.ts';
import { customResourceKind } from './custom-resource-kind.ts';

const CRDS = { group: 'apiextensions.k8s.io', version: 'v1', resource: 'customresourcedefinitions' } as const;

export function startCustomResourceDefinitionController(server: ApiServer, clock: VirtualClock): void {
  server.watch({ verb: 'watch', ...CRDS }, (event) => {
    const crd = event.object as unknown as CustomResourceDefinition;
    if (event.type === 'DELETED') return void removeServedResource(server, crd);
    if (event.type === 'ADDED' || event.type === 'MODIFIED') clock.schedule(0, () => syncCustomResourceDefinition(server, clock, crd.metadata!.name!));
  });
}

function syncCustomResourceDefinition(server: ApiServer, clock: VirtualClock, name: string): void {
  const current = server.handle({ verb: 'get', ...CRDS, name });
  if (!current.ok) return;
  const crd = current.body as unknown as CustomResourceDefinition;
  if (crd.metadata?.deletionTimestamp) return;
  const status = acceptedStatus(crd, formatTimestamp(clock.now()));
  let served = crd;
  if (JSON.stringify(status) !== JSON.stringify(crd.status)) {
    const updated = server.handle({ verb: 'update', ...CRDS, name, subresource: 'status', body: { ...crd, status } as unknown as KubeObject });
    if (!updated.ok) return;
    served = updated.body as unknown as CustomResourceDefinition;
  }
  const kind = customResourceKind(served);
  if (kind) server.serveDefinition(kind);
}

/** The names are taken as asked (conflicts between CRDs of one group are not modelled, issue 13), then Established. */
function acceptedStatus(crd: CustomResourceDefinition, now: string): NonNullable<CustomResourceDefinition['status']> {
  const previous = crd.status?.conditions ?? [];
  const condition = (type: string, reason: string, message: string): CustomResourceDefinitionCondition => {
    const old = previous.find((c) => c.type === type);
    const lastTransitionTime = old?.status === 'True' ? old.lastTransitionTime! : now;
    return { lastTransitionTime, message, reason, status: 'True', type };
  };
  return {
    ...crd.status,
    acceptedNames: crd.spec.names,
    conditions: [condition('NamesAccepted', 'NoConflicts', 'no conflicts found'), condition('Established', 'InitialNamesAccepted', 'the initial names have been accepted')],
    storedVersions: crd.status?.storedVersions ?? [],
  };
}

function removeServedResource(server: ApiServer, crd: CustomResourceDefinition): void {
  const group = crd.spec.group;
  const plural = crd.status?.acceptedNames?.plural ?? crd.spec.names.plural;
  const key = resourceKey(group, plural);
  for (const obj of server.store.list(key)) server.store.remove(key, obj.metadata?.namespace, obj.metadata!.name!);
  server.stopServing(group, plural);
}
