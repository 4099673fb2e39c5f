/** A ServerContext for definition tests: fixed clock, seeded random, an in-memory store. */
import { SeededRandom } from '../../../clock/seeded-random.ts';
import type { KubeObject } from '../../client.ts';
import type { ServerContext } from '../../resource-definition.ts';

export const TEST_NOW_MS = Date.UTC(2026, 10, 22, 22, 10, 0);

export function fakeServerContext(objects: Record<string, KubeObject[]> = {}, nowMs = TEST_NOW_MS): ServerContext & { nextClusterIP: number } {
  const context = {
    nowMs,
    random: new SeededRandom(1),
    nextClusterIP: 10,
    store: {
      get: (resource: string, namespace: string | undefined, name: string) =>
        (objects[resource] ?? []).find((o) => o.metadata?.name === name && (namespace === undefined || o.metadata?.namespace === namespace)),
      list: (resource: string, namespace?: string) => (objects[resource] ?? []).filter((o) => namespace === undefined || o.metadata?.namespace === namespace),
    },
    allocateClusterIP: () => `10.96.0.${context.nextClusterIP++}`,
    allocateNodePort: () => 31234,
  };
  return context;
}

/** `2026-11-22T22:10:00Z` minus `seconds`, as the server stamps timestamps. */
export function secondsAgo(seconds: number, nowMs = TEST_NOW_MS): string {
  return new Date(nowMs - seconds * 1000).toISOString().replace('.000Z', 'Z');
}
