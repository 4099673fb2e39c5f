/**
 * Watches one resource on the API server and hands each change to a handler, the way a shared
 * informer feeds a controller. Handlers only enqueue keys; listing goes back to the server.
 * Components that read objects rather than requeue keys use shared-informer.ts and its listers.
 */
import type { ApiServer } from '../api/api-server.ts';
import type { KubeObject, WatchEvent } from '../api/client.ts';

export interface ResourceRef {
  group: string;
  version: string;
  resource: string;
}

export type ChangeHandler = (event: WatchEvent['type'], obj: KubeObject) => void;

export function watchResource(server: ApiServer, ref: ResourceRef, onChange: ChangeHandler): () => void {
  const handle = server.watch({ verb: 'watch', ...ref }, (event) => onChange(event.type, event.object));
  return () => handle.stop();
}

export function objectKey(obj: KubeObject): string {
  const meta = obj.metadata ?? {};
  return meta.namespace ? `${meta.namespace}/${meta.name}` : (meta.name ?? '');
}

export function splitKey(key: string): { namespace: string | undefined; name: string } {
  const slash = key.indexOf('/');
  return slash < 0 ? { namespace: undefined, name: key } : { namespace: key.slice(0, slash), name: key.slice(slash + 1) };
}
