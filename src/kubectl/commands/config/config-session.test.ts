import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../../../tests/support/session.ts';

// What a learner meets on the controlplane: kubeadm's admin.conf, edited by kubectl config and read
// by every command. Outputs are the real kubectl v1.35.2's (corpus/config.sh and hand runs on crafted files).
describe('kubectl config in a session', () => {
  it('starts with kubeadm admin context', async () => {
    const session = await newSession();
    expect(await runLine(session, 'kubectl config get-contexts')).toEqual({
      stdout: 'CURRENT   NAME                          CLUSTER      AUTHINFO           NAMESPACE\n*         kubernetes-admin@kubernetes   kubernetes   kubernetes-admin   \n',
      stderr: '',
      code: 0,
    });
    expect(await runLine(session, 'kubectl config view --minify -o jsonpath={.clusters[0].cluster.server}')).toEqual({ stdout: 'https://controlplane:6443', stderr: '', code: 0 });
  });

  it('makes the namespace set on the current context the default of every command', async () => {
    const session = await newSession();
    expect(await runLine(session, 'kubectl config set-context --current --namespace=kube-system')).toEqual({
      stdout: 'Context "kubernetes-admin@kubernetes" modified.\n',
      stderr: '',
      code: 0,
    });
    expect(await runLine(session, 'kubectl create configmap app --from-literal=a=b')).toEqual({ stdout: 'configmap/app created\n', stderr: '', code: 0 });
    expect((await runLine(session, 'kubectl get configmap app -o jsonpath={.metadata.namespace}')).stdout).toBe('kube-system');
    expect((await runLine(session, 'kubectl -n default get configmap app')).stderr).toBe('Error from server (NotFound): configmaps "app" not found\n');
  });

  it('switches contexts and answers for a cluster that is not this one as an unreachable server', async () => {
    const session = await newSession();
    const lines = [
      'kubectl config set-cluster cluster2 --server=https://cluster2-controlplane:6443',
      'kubectl config set-context cluster2 --cluster=cluster2 --user=kubernetes-admin',
      'kubectl config use-context cluster2',
      'kubectl get pods',
      'kubectl config use kubernetes-admin@kubernetes',
    ];
    const runs = [];
    for (const line of lines) runs.push(await runLine(session, line));
    expect(runs).toEqual([
      { stdout: 'Cluster "cluster2" set.\n', stderr: '', code: 0 },
      { stdout: 'Context "cluster2" created.\n', stderr: '', code: 0 },
      { stdout: 'Switched to context "cluster2".\n', stderr: '', code: 0 },
      { stdout: '', stderr: 'Unable to connect to the server: dial tcp: lookup cluster2-controlplane on 127.0.0.53:53: no such host\n', code: 1 },
      { stdout: 'Switched to context "kubernetes-admin@kubernetes".\n', stderr: '', code: 0 },
    ]);
  });

  it.each([
    {
      name: 'no kubeconfig',
      line: 'KUBECONFIG=/none kubectl get pods',
      stderr: 'The connection to the server localhost:8080 was refused - did you specify the right host or port?\n',
    },
    { name: 'a missing --kubeconfig file', line: 'kubectl --kubeconfig /none get pods', stderr: 'error: stat /none: no such file or directory\n' },
    { name: 'an unknown context', line: 'kubectl --context nope get pods', stderr: 'Error in configuration: context was not found for specified context: nope\n' },
    { name: 'an unknown cluster', line: 'kubectl --cluster nope get pods', stderr: 'error: no server found for cluster "nope"\n' },
    { name: 'an unknown user', line: 'kubectl --user nope get pods', stderr: 'error: auth info "nope" does not exist\n' },
    {
      name: 'a broken file',
      line: "echo 'a: b\n  c: d' > /root/.kube/config; kubectl get pods",
      stderr: 'error: error loading config file "/root/.kube/config": yaml: line 2: mapping values are not allowed in this context\n',
    },
  ])('refuses $name', async ({ line, stderr }) => {
    const session = await newSession();
    expect(await runLine(session, line)).toEqual({ stdout: '', stderr, code: 1 });
  });

  it('merges KUBECONFIG files, the first to name a stanza winning, and writes a change where the stanza lives', async () => {
    const session = await newSession();
    session.fs.writeFile(
      '/root/second',
      'apiVersion: v1\nkind: Config\ncurrent-context: ghost\ncontexts:\n- name: other\n  context:\n    cluster: kubernetes\n    user: kubernetes-admin\n',
    );
    const env = 'KUBECONFIG=/root/.kube/config:/root/second';
    expect(await runLine(session, `${env} kubectl config current-context`)).toEqual({ stdout: 'kubernetes-admin@kubernetes\n', stderr: '', code: 0 });
    expect(await runLine(session, `${env} kubectl config set-context other --namespace=web`)).toEqual({ stdout: 'Context "other" modified.\n', stderr: '', code: 0 });
    expect(await runLine(session, 'cat /root/second')).toEqual({
      stdout:
        'apiVersion: v1\nclusters: null\ncontexts:\n- context:\n    cluster: kubernetes\n    namespace: web\n    user: kubernetes-admin\n  name: other\ncurrent-context: ghost\nkind: Config\nusers: null\n',
      stderr: '',
      code: 0,
    });
  });
});
