/**
 * Serves one session's API discovery (`/api`, `/apis`, `/api/v1`, `/apis/<group>/<version>`) over
 * HTTP on loopback, so the real kubectl can build its RESTMapper for commands that need one even
 * client-side (`kubectl run --dry-run=client`). Every other request is answered 404: nothing is
 * created, read or changed through it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiResource } from '../../src/engine/api/client.ts';

export interface DiscoveryServer {
  url: string;
  close(): Promise<void>;
}

function resourceList(groupVersion: string, resources: ApiResource[]) {
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion,
    resources: resources.flatMap((r) => [
      {
        name: r.name,
        singularName: r.singularName,
        namespaced: r.namespaced,
        kind: r.kind,
        verbs: r.verbs,
        ...(r.shortNames.length ? { shortNames: r.shortNames } : {}),
        ...(r.categories.length ? { categories: r.categories } : {}),
      },
      ...r.subresources.map((sub) => ({ name: `${r.name}/${sub}`, singularName: '', namespaced: r.namespaced, kind: r.kind, verbs: ['get'] })),
    ]),
  };
}

function documents(resources: ApiResource[], address: string): Map<string, unknown> {
  const byGroupVersion = new Map<string, ApiResource[]>();
  for (const r of resources) {
    const key = r.group ? `${r.group}/${r.version}` : r.version;
    byGroupVersion.set(key, [...(byGroupVersion.get(key) ?? []), r]);
  }
  const docs = new Map<string, unknown>();
  const cidrs = [{ clientCIDR: '0.0.0.0/0', serverAddress: address }];
  docs.set('/api', { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: cidrs });
  const groups = new Map<string, string[]>();
  for (const key of byGroupVersion.keys()) {
    const [group, version] = key.includes('/') ? key.split('/') : ['', key];
    if (group) groups.set(group!, [...(groups.get(group!) ?? []), version!]);
  }
  docs.set('/apis', {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: [...groups].map(([name, versions]) => ({
      name,
      versions: versions.map((version) => ({ groupVersion: `${name}/${version}`, version })),
      preferredVersion: { groupVersion: `${name}/${versions[0]}`, version: versions[0] },
    })),
  });
  for (const [key, list] of byGroupVersion) docs.set(key.includes('/') ? `/apis/${key}` : `/api/${key}`, resourceList(key, list));
  return docs;
}

export async function serveDiscovery(resources: ApiResource[]): Promise<DiscoveryServer> {
  let docs = new Map<string, unknown>();
  const server: Server = createServer((req, res) => {
    const doc = req.method === 'GET' ? docs.get((req.url ?? '').split('?')[0]!) : undefined;
    res.setHeader('Content-Type', 'application/json');
    if (doc === undefined) {
      res.statusCode = 404;
      res.end(JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', message: 'the server could not find the requested resource', reason: 'NotFound', code: 404 }));
      return;
    }
    res.end(JSON.stringify(doc));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  docs = documents(resources, `127.0.0.1:${port}`);
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
