import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../tests/support/session.ts';

describe('tab completion', async () => {
  const session = await newSession();
  await runLine(session, 'kubectl create deployment frontend --image=nginx');
  await runLine(session, 'kubectl create namespace elastic-stack');
  await runLine(session, 'kubectl run app -n elastic-stack --image=nginx');
  await runLine(session, 'echo x > /root/curl-test.sh');
  await runLine(session, 'mkdir /root/manifests');
  await runLine(session, 'complete -F __start_kubectl kc');
  const cases: { line: string; candidates: string[] }[] = [
    { line: 'kube', candidates: ['kubectl'] },
    { line: 'kubectl ro', candidates: ['rollout'] },
    { line: 'kubectl rollout st', candidates: ['status'] },
    { line: 'kubectl create sec', candidates: ['secret'] },
    { line: 'kubectl create secret ', candidates: ['docker-registry', 'generic', 'tls'] },
    // As `kubectl api-resources -o name` names them.
    { line: 'kubectl get depl', candidates: ['deployments.apps'] },
    { line: 'kubectl get deployments.apps fr', candidates: ['frontend'] },
    { line: 'k describe deploy fr', candidates: ['frontend'] },
    { line: 'kubectl rollout status deployment/f', candidates: ['deployment/frontend'] },
    { line: 'kubectl get pods --all', candidates: ['--all-namespaces', '--allow-missing-template-keys'] },
    { line: 'kubectl get pods --sh', candidates: ['--show-kind', '--show-labels', '--show-managed-fields'] },
    // The real kubectl offers the global --token here too (`kubectl __complete rollout undo deploy frontend --to`).
    { line: 'kubectl rollout undo deploy frontend --to', candidates: ['--to-revision', '--token'] },
    {
      line: 'kubectl get pods -o ',
      candidates: [
        'custom-columns',
        'custom-columns-file',
        'go-template',
        'go-template-file',
        'json',
        'jsonpath',
        'jsonpath-as-json',
        'jsonpath-file',
        'kyaml',
        'name',
        'template',
        'templatefile',
        'wide',
        'yaml',
      ],
    },
    { line: 'kubectl get pods -n el', candidates: ['elastic-stack'] },
    { line: 'kubectl -n elastic-stack get pods a', candidates: ['app'] },
    { line: 'kubectl logs -n elastic-stack app -c ', candidates: ['app'] },
    { line: 'kubectl exec -it -n elastic-stack a', candidates: ['app'] },
    { line: 'kubectl apply -f cu', candidates: ['curl-test.sh'] },
    { line: 'kubectl apply -f man', candidates: ['manifests/'] },
    { line: 'bash curl', candidates: ['curl-test.sh'] },
    // A name given kubectl's completion function with `complete -F __start_kubectl kc`.
    { line: 'kc get deployments.apps fr', candidates: ['frontend'] },
  ];
  it.each(cases)('completes "$line"', async ({ line, candidates }) => {
    expect((await session.complete(line)).candidates).toEqual(candidates);
  });
});
