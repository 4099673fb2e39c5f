import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../../tests/support/session.ts';

// Each testdata/<case> directory was built with kubectl v1.35.2 (kustomize v5.7.1) `kubectl kustomize .`;
// goldens/<case>.out and .err hold what it printed.
const testdata = join(import.meta.dirname, 'testdata');
const cases = readdirSync(testdata).filter((name) => name !== 'goldens');

function copyInto(fs: { writeFile(p: string, c: string): void; mkdir(p: string, o?: { recursive?: boolean }): void }, from: string, to: string): void {
  fs.mkdir(to, { recursive: true });
  for (const name of readdirSync(from)) {
    const source = join(from, name);
    if (statSync(source).isDirectory()) copyInto(fs, source, `${to}/${name}`);
    else fs.writeFile(`${to}/${name}`, readFileSync(source, 'utf8'));
  }
}

describe('kubectl kustomize goldens', () => {
  it.each(cases)(
    '%s',
    async (name) => {
      const session = await newSession();
      copyInto(session.fs, testdata, '/root/kustomize');
      const got = await runLine(session, `cd /root/kustomize/${name} && kubectl kustomize .`);
      expect(got.stdout).toBe(readFileSync(join(testdata, 'goldens', `${name}.out`), 'utf8'));
      expect(got.stderr).toBe(readFileSync(join(testdata, 'goldens', `${name}.err`), 'utf8'));
      expect(got.code).toBe(0);
    },
    30_000,
  );
});

// kubectl v1.35.2 `kubectl kustomize order -o DIR` into an existing directory.
it('writes one file per object into an output directory', async () => {
  const session = await newSession();
  copyInto(session.fs, testdata, '/root/kustomize');
  session.fs.mkdir('/root/out', { recursive: true });
  expect(await runLine(session, 'cd /root/kustomize && kubectl kustomize order -o /root/out')).toEqual({ stdout: '', stderr: '', code: 0 });
  expect(session.fs.readdir('/root/out').sort()).toEqual([
    'admissionregistration.k8s.io_v1_validatingwebhookconfiguration_x-vw.yaml',
    'apps_v1_deployment_x-d.yaml',
    'autoscaling_v2_horizontalpodautoscaler_x-hpa.yaml',
    'networking.k8s.io_v1_ingress_x-ing.yaml',
    'rbac.authorization.k8s.io_v1_clusterrole_x-cr.yaml',
    'rbac.authorization.k8s.io_v1_role_x-reader.yaml',
    'rbac.authorization.k8s.io_v1_rolebinding_x-rb.yaml',
    'v1_namespace_team.yaml',
    'v1_pod_x-a-pod.yaml',
    'v1_secret_x-tls.yaml',
    'v1_service_x-svc.yaml',
    'v1_serviceaccount_x-robot.yaml',
  ]);
  expect(session.fs.readFile('/root/out/v1_pod_x-a-pod.yaml')).toMatch(/^apiVersion: v1\nkind: Pod\n[^]*    name: c\n$/);
}, 30_000);
