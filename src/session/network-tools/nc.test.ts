import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../../tests/support/session.ts';

const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    run: web
  ports:
  - port: 80
`;

// The host's nc is Debian's netcat-openbsd 1.219 (its texts recorded from it); images have busybox's.
describe('nc -z', async () => {
  const session = await newSession();
  await runLine(session, 'kubectl run web --image=nginx');
  await runLine(session, 'kubectl run bb --image=busybox -- sleep 3600');
  await runLine(session, `cat > svc.yaml <<'EOF'\n${SERVICE}EOF`);
  await runLine(session, 'kubectl apply -f svc.yaml');
  await runLine(session, 'sleep 10');
  const podIP = (await runLine(session, 'kubectl get pod web -o jsonpath={.status.podIP}')).stdout;
  const cases: { name: string; line: string; out: string; code?: number }[] = [
    { name: 'an open port, quietly', line: `nc -z ${podIP} 80`, out: '' },
    { name: 'an open port, -v', line: `nc -zv ${podIP} 80`, out: `Connection to ${podIP} 80 port [tcp/http] succeeded!\n` },
    { name: 'a closed port, quietly', line: `nc -z ${podIP} 81`, out: '', code: 1 },
    { name: 'a closed port by name, -v', line: 'nc -zv localhost 81', out: 'nc: connect to localhost (127.0.0.1) port 81 (tcp) failed: Connection refused\n', code: 1 },
    { name: 'an unknown host', line: 'nc -z nope 80', out: 'nc: getaddrinfo for host "nope" port 80: Name or service not known\n', code: 1 },
    { name: 'a service from a busybox pod', line: 'kubectl exec bb -- nc -z web 80', out: '' },
    { name: 'a closed pod port from a busybox pod', line: `kubectl exec bb -- sh -c 'nc -z ${podIP} 81 2>/dev/null; echo $?'`, out: '1\n' },
  ];
  it.each(cases)('$name', async ({ line, out, code = 0 }) => {
    const { stdout, stderr, code: status } = await runLine(session, line);
    expect({ out: stdout + stderr, code: status }).toEqual({ out, code });
  });
});
