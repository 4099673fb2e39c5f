/** A bare API server with the default admission chain, and shorthands to create objects through it. */
import { ApiServer } from '../../api-server.ts';
import type { ApiResponse, KubeObject } from '../../client.ts';
import { defaultServerLibraries } from '../../default-server-libraries.ts';
import { allResourceDefinitions } from '../../resources/index.ts';
import { SeededRandom } from '../../../clock/seeded-random.ts';
import { VirtualClock } from '../../../clock/virtual-clock.ts';
import { createSystemNamespaces, createSystemPriorityClasses } from '../../system-objects.ts';

export function newAdmissionServer(): ApiServer {
  const server = new ApiServer({
    clock: new VirtualClock(Date.parse('2026-01-01T00:00:00Z')),
    random: new SeededRandom(1),
    definitions: allResourceDefinitions(),
    libraries: defaultServerLibraries(),
  });
  createSystemNamespaces(server);
  createSystemPriorityClasses(server, Date.parse('2026-01-01T00:00:00Z'));
  return server;
}

export function create(server: ApiServer, group: string, resource: string, body: KubeObject, namespace = 'default'): ApiResponse<unknown> {
  const def = server.definitionFor(group, resource)!;
  return server.handle({ verb: 'create', group, version: def.info.version, resource, ...(def.info.namespaced ? { namespace } : {}), body });
}

/** What a refused create says (the Status message), or `created`. */
export function outcome(res: ApiResponse<unknown>): string {
  return res.ok ? 'created' : (res.body as { message: string }).message;
}

export function pod(name: string, resources?: Record<string, Record<string, string>>, spec: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels: { app: name } },
    spec: { containers: [{ name, image: 'nginx', ...(resources ? { resources } : {}) }], ...spec },
  };
}
