import { SeededRandom } from '../clock/seeded-random.ts';
import type { ApiServer } from './api-server.ts';
import { SYSTEM_NAMESPACES } from './namespace-lifecycle.ts';
import { generateUid } from './object-identity.ts';
import { resourceKey } from './resource-key.ts';
import { SYSTEM_PRIORITY_CLASSES } from './resources/priority-class.ts';
import { formatTimestamp } from './timestamps.ts';

/** Creates the namespaces every cluster starts with. */
export function createSystemNamespaces(server: ApiServer): void {
  for (const name of SYSTEM_NAMESPACES) {
    server.handle({ verb: 'create', group: '', version: 'v1', resource: 'namespaces', body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name } } });
  }
}

/**
 * Models the scheduling post-start hook: the two system PriorityClasses every cluster has. Their
 * UIDs come from a random of their own, so the cluster's seeded sequence (pod UIDs, token volume
 * names) stays what it was without them.
 */
export function createSystemPriorityClasses(server: ApiServer, nowMs: number): void {
  const random = new SeededRandom(SYSTEM_PRIORITY_CLASSES.length);
  const key = resourceKey('scheduling.k8s.io', 'priorityclasses');
  for (const { name, value, description } of SYSTEM_PRIORITY_CLASSES) {
    const metadata = { name, uid: generateUid(random), creationTimestamp: formatTimestamp(nowMs) };
    server.store.put(key, { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata, value, description, preemptionPolicy: 'PreemptLowerPriority' });
  }
}
