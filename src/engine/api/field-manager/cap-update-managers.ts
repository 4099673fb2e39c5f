/**
 * At most ten Update entries survive a write: past that, the oldest are folded into one
 * `ancient-changes` entry per apiVersion, so an object edited by many tools (or one tool under
 * many names) keeps a bounded managedFields list.
 * Models apiserver pkg/endpoints/handlers/fieldmanager/internal capmanagers.go.
 */
import { unionSets } from './field-set.ts';
import { managerKey, type ManagerEntry, type Managers } from './managed-fields.ts';

export const MAX_UPDATE_MANAGERS = 10;
export const ANCIENT_CHANGES = 'ancient-changes';

export function capUpdateManagers(managers: Managers, max = MAX_UPDATE_MANAGERS): void {
  const updaters = [...managers.entries()].filter(([, e]) => e.operation === 'Update');
  if (updaters.length <= max) return;
  updaters.sort(([, p], [, q]) => ((p.time ?? '') < (q.time ?? '') ? -1 : (p.time ?? '') > (q.time ?? '') ? 1 : 0));
  // The first old entry of each apiVersion only becomes the bucket once a second one joins it.
  const firstOfVersion = new Map<string, string>();
  let remaining = updaters.length;
  for (const [key, entry] of updaters) {
    if (remaining <= max) break;
    const first = firstOfVersion.get(entry.apiVersion);
    if (first === undefined) {
      firstOfVersion.set(entry.apiVersion, key);
      continue;
    }
    const bucketIdentity = { manager: ANCIENT_CHANGES, operation: 'Update' as const, apiVersion: entry.apiVersion };
    const bucketKey = managerKey(bucketIdentity);
    if (key === bucketKey) continue;
    let bucket: ManagerEntry | undefined = managers.get(bucketKey);
    if (!bucket) {
      const seed = managers.get(first)!;
      managers.delete(first);
      bucket = { ...bucketIdentity, set: seed.set };
    }
    managers.set(bucketKey, { ...bucketIdentity, ...(entry.time ? { time: entry.time } : {}), set: unionSets(entry.set, bucket.set) });
    managers.delete(key);
    remaining--;
  }
}
