/** Turns `deploy frontend`, `deployment/frontend`, `pods,svc` and `all` into typed requests. */
import type { ApiResource } from '../engine/api/client.ts';
import { KubectlError } from './errors.ts';
import type { ResourceMapper } from './resource-mapper.ts';

export interface ResourceTarget {
  resource: ApiResource;
  names: string[];
}

export function parseResourceArgs(args: string[], mapper: ResourceMapper): ResourceTarget[] {
  if (args.length === 0) return [];
  const resolve = (text: string): ApiResource[] => {
    if (text === 'all') return mapper.category('all');
    const found = mapper.resolve(text);
    if (!found) throw new KubectlError(`error: the server doesn't have a resource type "${text.split('.')[0]}"`);
    return [found];
  };
  if (args.some((a) => a.includes('/'))) {
    const targets: ResourceTarget[] = [];
    for (const arg of args) {
      const slash = arg.indexOf('/');
      if (slash < 0)
        throw new KubectlError(
          `error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`,
        );
      const [resource] = resolve(arg.slice(0, slash));
      const existing = targets.find((t) => t.resource === resource);
      if (existing) existing.names.push(arg.slice(slash + 1));
      else targets.push({ resource: resource!, names: [arg.slice(slash + 1)] });
    }
    return targets;
  }
  const [types, ...names] = args as [string, ...string[]];
  return types
    .split(',')
    .flatMap(resolve)
    .map((resource) => ({ resource, names: [...names] }));
}

export function requestBase(resource: ApiResource, namespace: string | undefined) {
  return {
    group: resource.group,
    version: resource.version,
    resource: resource.name,
    ...(resource.namespaced && namespace ? { namespace } : {}),
  };
}
