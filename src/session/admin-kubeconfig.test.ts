import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../tests/support/session.ts';
import { ADMIN_KUBECONFIG_PATH, adminKubeconfig } from './admin-kubeconfig.ts';

describe('adminKubeconfig', () => {
  it('is the same kubeadm admin.conf in every session', () => {
    const text = adminKubeconfig();
    expect(text).toBe(adminKubeconfig());
    expect(text.split('\n').map((line) => line.replace(/(-data: )\S+/, '$1…'))).toEqual([
      'apiVersion: v1',
      'clusters:',
      '- cluster:',
      '    certificate-authority-data: …',
      '    server: https://controlplane:6443',
      '  name: kubernetes',
      'contexts:',
      '- context:',
      '    cluster: kubernetes',
      '    user: kubernetes-admin',
      '  name: kubernetes-admin@kubernetes',
      'current-context: kubernetes-admin@kubernetes',
      'kind: Config',
      'preferences: {}',
      'users:',
      '- name: kubernetes-admin',
      '  user:',
      '    client-certificate-data: …',
      '    client-key-data: …',
      '',
    ]);
    expect(atob(/certificate-authority-data: (\S+)/.exec(text)![1]!).split('\n')[0]).toBe('-----BEGIN CERTIFICATE-----');
  });

  it('adds a lab context on the same cluster with its own namespace and user', async () => {
    const session = await newSession();
    session.fs.writeFile(ADMIN_KUBECONFIG_PATH, adminKubeconfig([{ name: 'cluster2', namespace: 'web', user: 'dev-admin' }], 'cluster2'));
    expect(await runLine(session, 'kubectl config get-contexts')).toEqual({
      stdout: [
        'CURRENT   NAME                          CLUSTER      AUTHINFO           NAMESPACE',
        '*         cluster2                      kubernetes   dev-admin          web',
        '          kubernetes-admin@kubernetes   kubernetes   kubernetes-admin   ',
        '',
      ].join('\n'),
      stderr: '',
      code: 0,
    });
    expect(await runLine(session, 'kubectl get pods')).toEqual({ stdout: '', stderr: 'No resources found in web namespace.\n', code: 0 });
  });
});
