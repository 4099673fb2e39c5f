/**
 * The real kubectl v1.35.2 explains our kinds from our OpenAPI documents, served by a minimal
 * HTTP server (legacy discovery, /openapi/v3, and /openapi/v2 as protobuf). The golden files
 * hold its whole output; their text is the v1.35 API's own documentation, so a v1.35 cluster
 * prints the same.
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
import { openApiV3Document, openApiV3Root } from '../../src/engine/api/openapi/index.ts';
import { openApiV2Protobuf } from '../../src/engine/api/openapi/openapi-v2-protobuf.ts';
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
    return {
      kind: 'APIGroupList',
      apiVersion: 'v1',
      groups: groups.map((gv) => ({
        name: gv.split('/')[0],
        versions: [{ groupVersion: gv, version: gv.split('/')[1] }],
        preferredVersion: { groupVersion: gv, version: gv.split('/')[1] },
      })),
    };
  }
  if (path === '/api/v1') return resourceList('v1');
  if (path.startsWith('/apis/') && groups.includes(path.slice('/apis/'.length))) return resourceList(path.slice('/apis/'.length));
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
  ['explain', 'statefulset.spec.updateStrategy'],
  ['explain', 'daemonset.spec.updateStrategy.rollingUpdate'],
  ['explain', 'controllerrevision'],
];

describe('the real kubectl reads our OpenAPI documents', () => {
  let server: Server;
  let dir: string;
  let port: number;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kubectl-explain-'));
    writeFileSync(join(dir, 'kubeconfig'), '');
    server = createServer((req, res) => {
      if (req.url?.startsWith('/openapi/v2')) {
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        res.end(openApiV2Protobuf(resources));
        return;
      }
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

  const run = (args: string[]) =>
    promisify(execFile)(oracleKubectlPath(), ['--server', `http://127.0.0.1:${port}`, '--cache-dir', join(dir, 'cache'), ...args], {
      cwd: dir,
      env: { KUBECONFIG: join(dir, 'kubeconfig'), HOME: dir },
      maxBuffer: 1 << 24,
    });

  it('validates a List on the client against /openapi/v2, as it does for every List', async () => {
    writeFileSync(join(dir, 'list.yaml'), 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: a\n  bogus: 1\n');
    await expect(run(['create', '-f', 'list.yaml', '--dry-run=client', '-o', 'name'])).rejects.toMatchObject({
      code: 1,
      stdout: '',
      stderr:
        'error: error validating "list.yaml": error validating data: ValidationError(ConfigMap): unknown field "bogus" in io.k8s.api.core.v1.ConfigMap; if you choose to ignore these errors, turn validation off with --validate=false\n',
    });
  });

  it.each(cases.map((args) => [args.join(' '), args] as const))('kubectl %s', async (label, args) => {
    const { stdout } = await run(args);
    const file = label.replace(/[^a-z0-9.]+/gi, '-').replace(/-+$/, '');
    await expect(`$ kubectl ${label}\n${stdout}`).toMatchFileSnapshot(`./testdata/kubectl-${file}.txt`);
  });
});
