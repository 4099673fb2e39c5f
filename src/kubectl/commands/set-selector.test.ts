import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../../tests/support/session.ts';
import { MISSING_RESOURCES } from '../errors.ts';

// Expected outputs were printed by the real kubectl v1.35.2 (`--local`, no server).
const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: hello
spec:
  selector:
    app: hello
    version: 1.0.0
  ports:
  - port: 80
    targetPort: 80
`;

async function withFiles() {
  const session = await newSession();
  await runLine(session, `cat > svc.yaml <<'EOF'\n${SERVICE}EOF`);
  await runLine(session, `kubectl create deployment d --image=nginx --dry-run=client -o yaml > dep.yaml`);
  return session;
}

describe('kubectl set selector --local', () => {
  it.each([
    { name: 'a new selector', line: "kubectl set selector -f svc.yaml 'app=hello,version=2.0.0' --local", stdout: 'service/hello selector updated\n', stderr: '', code: 0 },
    {
      name: 'a new selector as jsonpath',
      line: "kubectl set selector -f svc.yaml 'app=hello,version=2.0.0' --local -o jsonpath='{.spec.selector}'",
      stdout: '{"app":"hello","version":"2.0.0"}',
      stderr: '',
      code: 0,
    },
    {
      name: 'a new selector as YAML',
      line: "kubectl set selector -f svc.yaml 'app=hello,version=2.0.0' --local -o yaml",
      stdout:
        'apiVersion: v1\nkind: Service\nmetadata:\n  name: hello\nspec:\n  ports:\n  - port: 80\n    targetPort: 80\n  selector:\n    app: hello\n    version: 2.0.0\nstatus:\n  loadBalancer: {}\n',
      stderr: '',
      code: 0,
    },
    { name: 'a repeated key (the last wins)', line: "kubectl set selector -f svc.yaml 'x=1,x=2' --local -o jsonpath='{.spec.selector}'", stdout: '{"x":"2"}', stderr: '', code: 0 },
    { name: 'no selector', line: 'kubectl set selector -f svc.yaml --local', stdout: '', stderr: 'error: one selector is required\n', code: 1 },
    { name: 'an inequality', line: "kubectl set selector -f svc.yaml 'a!=b' --local", stdout: '', stderr: 'error: "!=" is not a valid label selector operator\n', code: 1 },
    { name: 'a greater-than', line: "kubectl set selector -f svc.yaml 'a>3' --local", stdout: '', stderr: `error: "gt" isn't supported in label selectors\n`, code: 1 },
    {
      name: 'set expressions',
      line: "kubectl set selector -f svc.yaml 'env in (x,y),b' --local",
      stdout: '',
      stderr: 'error: match expression [{b Exists []} {env In [x y]}] not supported on this object\n',
      code: 1,
    },
    {
      name: 'an unparsable selector',
      line: "kubectl set selector -f svc.yaml 'a=b=c' --local",
      stdout: '',
      stderr: `error: couldn't parse the selector string "a=b=c": found '=', expected: ',' or 'end of string'\n`,
      code: 1,
    },
    { name: 'a Deployment', line: "kubectl set selector -f dep.yaml 'a=b' --local", stdout: '', stderr: 'error: setting a selector is only supported for Services\n', code: 1 },
    {
      name: 'two selectors',
      line: "kubectl set selector -f svc.yaml 'a=b' 'c=d' --local",
      stdout: '',
      stderr: "error: you must specify resources by --filename when --local is set.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n",
      code: 1,
    },
  ])('$name', async ({ line, stdout, stderr, code }) => {
    const session = await withFiles();
    expect(await runLine(session, line)).toEqual({ stdout, stderr, code });
  });
});

describe('kubectl set selector on the server', () => {
  it('switches a Service and drops keys no longer selected', async () => {
    const session = await withFiles();
    await runLine(session, 'kubectl create -f svc.yaml');
    expect(await runLine(session, "kubectl set selector service hello 'app=green'")).toEqual({ stdout: 'service/hello selector updated\n', stderr: '', code: 0 });
    expect(await runLine(session, "kubectl get svc hello -o jsonpath='{.spec.selector}'")).toEqual({ stdout: '{"app":"green"}', stderr: '', code: 0 });
    expect(await runLine(session, "kubectl set selector svc/hello 'app=blue' --dry-run=client")).toEqual({
      stdout: 'service/hello selector updated (dry run)\n',
      stderr: '',
      code: 0,
    });
    expect(await runLine(session, "kubectl set selector -f svc.yaml 'app=hello,version=2.0.0'")).toEqual({ stdout: 'service/hello selector updated\n', stderr: '', code: 0 });
    expect(await runLine(session, "kubectl get svc hello -o jsonpath='{.spec.selector}'")).toEqual({ stdout: '{"app":"hello","version":"2.0.0"}', stderr: '', code: 0 });
  });

  it.each([
    { name: 'no resource', line: 'kubectl set selector svc/hello', stderr: `${MISSING_RESOURCES}\n` },
    { name: 'a missing Service', line: "kubectl set selector svc/nope 'a=b'", stderr: 'Error from server (NotFound): services "nope" not found\n' },
  ])('refuses $name', async ({ line, stderr }) => {
    const session = await withFiles();
    expect(await runLine(session, line)).toEqual({ stdout: '', stderr, code: 1 });
  });
});
