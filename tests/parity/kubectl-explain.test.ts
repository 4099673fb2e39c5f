/**
 * The real kubectl v1.35.2 explains our kinds from our OpenAPI documents, served by a minimal
 * HTTP server (legacy discovery plus /openapi/v3). The golden files hold its whole output;
 * their text is the v1.35 API's own documentation, so a v1.35 cluster prints the same.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oracleKubectlPath } from '../../scripts/kubectl-oracle.mjs';
import type { ApiResource } from '../../src/engine/api/client.ts';
import { openApiV2Document, openApiV3Document, openApiV3Root } from '../../src/engine/api/openapi/index.ts';
import { allResourceDefinitions } from '../../src/engine/api/resources/index.ts';

const resources = allResourceDefinitions().map((d) => d.info);

function groupVersion(r: ApiResource): string {
  return r.group ? `${r.group}/${r.version}` : r.version;
}

function resourceList(gv: string): object {
  const served = resources.filter((r) => groupVersion(r) === gv);
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: gv,
    resources: served.flatMap((r) => [
      { name: r.name, singularName: r.singularName, namespaced: r.namespaced, kind: r.kind, verbs: r.verbs, shortNames: r.shortNames, categories: r.categories },
      ...r.subresources.map((s) => ({ name: `${r.name}/${s}`, singularName: '', namespaced: r.namespaced, kind: r.kind, verbs: ['get'] })),
    ]),
  };
}

function answer(path: string): unknown {
  const groups = [...new Set(resources.filter((r) => r.group).map(groupVersion))];
  if (path === '/version') return { major: '1', minor: '35', gitVersion: 'v1.35.2' };
  if (path === '/api') return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [] };
  if (path === '/apis') {
    return { kind: 'APIGroupList', apiVersion: 'v1', groups: groups.map((gv) => ({ name: gv.split('/')[0], versions: [{ groupVersion: gv, version: gv.split('/')[1] }], preferredVersion: { groupVersion: gv, version: gv.split('/')[1] } })) };
  }
  if (path === '/api/v1') return resourceList('v1');
  if (path.startsWith('/apis/') && groups.includes(path.slice('/apis/'.length))) return resourceList(path.slice('/apis/'.length));
  if (path === '/openapi/v2') return openApiV2Document(resources);
  if (path === '/openapi/v3') return openApiV3Root(resources);
  if (path.startsWith('/openapi/v3/')) return openApiV3Document(path.slice('/openapi/v3/'.length), resources);
  return undefined;
}

const cases = [
  ['explain', 'pod.spec.containers'],
  ['explain', 'deployment.spec.strategy'],
  ['explain', 'service.spec.ports'],
  ['explain', 'pods', '--api-version=v1'],
  ['explain', 'deployment', '--recursive'],
];

describe('the real kubectl explains from our OpenAPI documents', () => {
  let server: Server;
  let dir: string;
  let port: number;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kubectl-explain-'));
    writeFileSync(join(dir, 'kubeconfig'), '');
    server = createServer((req, res) => {
      const body = answer(new URL(req.url ?? '/', 'http://localhost').pathname);
      res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body ?? { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404 }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(cases.map((args) => [args.join(' '), args] as const))('kubectl %s', async (label, args) => {
    const { stdout } = await promisify(execFile)(oracleKubectlPath(), ['--server', `http://127.0.0.1:${port}`, '--cache-dir', join(dir, 'cache'), ...args], { env: { KUBECONFIG: join(dir, 'kubeconfig'), HOME: dir }, maxBuffer: 1 << 24 });
    const file = label.replace(/[^a-z0-9.]+/gi, '-').replace(/-+$/, '');
    await expect(`$ kubectl ${label}\n${stdout}`).toMatchFileSnapshot(`./testdata/kubectl-${file}.txt`);
  });
});
