import { describe, expect, it } from 'vitest';
import { playScript } from '../../session/headless-player.ts';
import { newSession, runLine, runLineThenInterrupt } from '../../../tests/support/session.ts';

const WEB_SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - name: http
    port: 8000
    targetPort: http
`;

const WEB_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx
        ports:
        - name: http
          containerPort: 80
`;

describe('kubectl port-forward', () => {
  it('forwards localhost:8080 on the controlplane to the pod while it runs in the background', async () => {
    const session = await newSession();
    let transcript = '';
    const script = [
      'kubectl run web --image=nginx --port=80',
      'sleep 10',
      'kubectl port-forward pod/web 8080:80 &',
      'sleep 1',
      'curl -s localhost:8080 | head -4',
      'curl -s localhost:8081',
    ];
    await playScript(session, undefined, script.join('\n'), (text) => (transcript += text));
    expect(transcript).toBe(`$ kubectl run web --image=nginx --port=80
pod/web created
$ sleep 10
$ kubectl port-forward pod/web 8080:80 &
Forwarding from 127.0.0.1:8080 -> 80
Forwarding from [::1]:8080 -> 80
$ sleep 1
$ curl -s localhost:8080 | head -4
Handling connection for 8080
<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
$ curl -s localhost:8081
`);
  });

  it('reaches a deployment or service through its first pod and the port the service targets, until Ctrl-C', async () => {
    const session = await newSession();
    session.fs.writeFile('/root/web.yaml', `${WEB_DEPLOYMENT}---\n${WEB_SERVICE}`);
    await runLine(session, 'kubectl apply -f web.yaml');
    await runLine(session, 'sleep 10');
    const cases = [
      { line: 'kubectl port-forward deploy/web 9000:http', stdout: 'Forwarding from 127.0.0.1:9000 -> 80\nForwarding from [::1]:9000 -> 80\n' },
      { line: 'kubectl port-forward svc/web 8000', stdout: 'Forwarding from 127.0.0.1:8000 -> 80\nForwarding from [::1]:8000 -> 80\n' },
      { line: 'kubectl port-forward svc/web :http', stdout: 'Forwarding from 127.0.0.1:32768 -> 80\nForwarding from [::1]:32768 -> 80\n' },
      { line: 'kubectl port-forward --address 127.0.0.1 svc/web 7000:8000', stdout: 'Forwarding from 127.0.0.1:7000 -> 80\n' },
    ];
    for (const { line, stdout } of cases) expect({ line, ...(await runLineThenInterrupt(session, line, 2_000)) }).toEqual({ line, stdout, stderr: '', code: 0 });
  });

  it('words each refusal as kubectl v1.35.2 does', async () => {
    const session = await newSession();
    session.fs.writeFile('/root/web.yaml', `${WEB_DEPLOYMENT}---\n${WEB_SERVICE}`);
    for (const line of ['kubectl apply -f web.yaml', 'kubectl run pending --image=nginx:no-such-tag', 'sleep 10']) await runLine(session, line);
    const fail = (stderr: string) => ({ stdout: '', stderr, code: 1 });
    const cases = [
      {
        line: 'kubectl port-forward pod/nope',
        want: fail("error: TYPE/NAME and list of ports are required for port-forward\nSee 'kubectl port-forward -h' for help and examples\n"),
      },
      { line: 'kubectl port-forward nope 8080:80', want: fail('Error from server (NotFound): pods "nope" not found\n') },
      { line: 'kubectl port-forward pending 8080:80', want: fail('error: unable to forward port because pod is not running. Current status=Pending\n') },
      { line: 'kubectl port-forward deploy/web 8080:https', want: fail("error: Pod 'web-POD' does not have a named port 'https'\n") },
      { line: 'kubectl port-forward svc/web 8080:https', want: fail("error: Service 'web' does not have a named port 'https'\n") },
      { line: 'kubectl port-forward svc/web 8080:80', want: fail('error: Service web does not have a service port 80\n') },
      { line: 'kubectl port-forward deploy/web abc:80', want: fail(`error: error parsing local port 'abc': strconv.ParseUint: parsing "abc": invalid syntax\n`) },
      { line: 'kubectl port-forward deploy/web 8080:0', want: fail('error: remote port must be > 0\n') },
    ];
    for (const { line, want } of cases) {
      const got = await runLine(session, line);
      expect({ line, ...got, stderr: got.stderr.replace(/web-\w+-\w+/, 'web-POD') }).toEqual({ line, ...want });
    }
  });

  it('says when the local port is taken, and ends when nothing listens on the pod port', async () => {
    const session = await newSession();
    let transcript = '';
    const script = [
      'kubectl run web --image=nginx --port=80',
      'sleep 10',
      'kubectl port-forward web 8080:80 &',
      'sleep 1',
      'kubectl port-forward web 8080:80',
      'kubectl port-forward web 9090:9090 &',
      'sleep 1',
      'curl localhost:9090',
      'sleep 1',
      'curl localhost:9090',
    ];
    await playScript(session, undefined, script.join('\n'), (text) => (transcript += text));
    expect(transcript.replace(/[0-9a-f]{64}/g, 'SANDBOX').replace(/cni-[0-9a-f-]{36}/g, 'cni-UUID')).toBe(`$ kubectl run web --image=nginx --port=80
pod/web created
$ sleep 10
$ kubectl port-forward web 8080:80 &
Forwarding from 127.0.0.1:8080 -> 80
Forwarding from [::1]:8080 -> 80
$ sleep 1
$ kubectl port-forward web 8080:80
Unable to listen on port 8080: Listeners failed to create with the following errors: [unable to create listener: Error listen tcp4 127.0.0.1:8080: bind: address already in use unable to create listener: Error listen tcp6 [::1]:8080: bind: address already in use]
error: unable to listen on any of the requested ports: [{8080 80}]
$ kubectl port-forward web 9090:9090 &
Forwarding from 127.0.0.1:9090 -> 9090
Forwarding from [::1]:9090 -> 9090
$ sleep 1
$ curl localhost:9090
Handling connection for 9090
E1122 22:00:12.000000       1 portforward.go:424] "Unhandled Error" err="an error occurred forwarding 9090 -> 9090: error forwarding port 9090 to pod SANDBOX, uid : failed to execute portforward in network namespace \\"/var/run/netns/cni-UUID\\": failed to connect to localhost:9090 inside namespace \\"SANDBOX\\", IPv4: dial tcp4 127.0.0.1:9090: connect: connection refused IPv6 dial tcp6 [::1]:9090: connect: connection refused "
error: lost connection to pod
curl: (52) Empty reply from server
$ sleep 1
$ curl localhost:9090
curl: (7) Failed to connect to 127.0.0.1 port 9090 after 0 ms: Couldn't connect to server
`);
  });
});
