import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../../tests/support/session.ts';

const HEADER = 'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\n';

// Expected outputs: bind9's bin/dig/nslookup.c (printmessage, printsection, main's closing
// puts("")) and dnsutils pods' transcripts in kubernetes/kubernetes#50083 and labring/sealos#716.
describe('nslookup in the jessie-dnsutils image', async () => {
  const session = await newSession();
  await runLine(session, 'kubectl run dnsutils --image=registry.k8s.io/e2e-test-images/jessie-dnsutils:1.3 -- sleep 3600');
  await runLine(session, 'kubectl create ns web && kubectl -n web create service clusterip front --tcp=80');
  await runLine(session, 'sleep 10');
  const frontIP = (await runLine(session, 'kubectl -n web get svc front -o jsonpath={.spec.clusterIP}')).stdout;
  const cases: { name: string; line: string; stdout: string; stderr?: string; code?: number }[] = [
    {
      name: 'finds a service through the search path',
      line: 'kubectl exec dnsutils -- nslookup kubernetes.default',
      stdout: `${HEADER}Name:\tkubernetes.default.svc.cluster.local\nAddress: 10.96.0.1\n\n`,
    },
    {
      name: 'finds a service of its own namespace by its short name',
      line: 'kubectl exec dnsutils -- nslookup kubernetes',
      stdout: `${HEADER}Name:\tkubernetes.default.svc.cluster.local\nAddress: 10.96.0.1\n\n`,
    },
    {
      name: 'finds a service of another namespace by its full name',
      line: 'kubectl exec dnsutils -- nslookup front.web.svc.cluster.local',
      stdout: `${HEADER}Name:\tfront.web.svc.cluster.local\nAddress: ${frontIP}\n\n`,
    },
    {
      name: 'reports NXDOMAIN with the name as asked',
      line: 'kubectl exec dnsutils -- nslookup front',
      stdout: `${HEADER}** server can't find front: NXDOMAIN\n\n`,
      stderr: 'command terminated with exit code 1\n',
      code: 1,
    },
    {
      name: 'answers a service IP with its PTR name',
      line: `kubectl exec dnsutils -- nslookup ${frontIP}`,
      stdout: `${frontIP.split('.').reverse().join('.')}.in-addr.arpa\tname = front.web.svc.cluster.local.\n\n`,
    },
    {
      name: 'reads lookups from stdin until exit',
      line: "printf 'kubernetes\\nexit\\nfront\\n' | kubectl exec -i dnsutils -- nslookup",
      stdout: `${HEADER}Name:\tkubernetes.default.svc.cluster.local\nAddress: 10.96.0.1\n\n`,
    },
  ];
  it.each(cases)('$name', async ({ line, stdout, stderr = '', code = 0 }) => {
    expect(await runLine(session, line)).toEqual({ stdout, stderr, code });
  });

  it('keeps busybox nslookup in busybox images', async () => {
    await runLine(session, 'kubectl run bb --image=busybox:1.28 -- sleep 3600; sleep 5');
    const { stdout } = await runLine(session, 'kubectl exec bb -- nslookup kubernetes');
    expect(stdout.split('\n')[0]).toBe('Server:    10.96.0.10');
  });
});
