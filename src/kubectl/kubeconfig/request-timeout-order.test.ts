import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../../tests/support/session.ts';
import { INVALID_TIMEOUT } from './request-timeout.ts';

const timeout = { stdout: '', stderr: `${INVALID_TIMEOUT}\n`, code: 1 };
const usage = (message: string, path: string) => ({ stdout: '', stderr: `error: ${message}\nSee 'kubectl ${path} -h' for help and examples\n`, code: 1 });
const resources =
  "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n";

// Measured with kubectl v1.35.2 against a served cluster, each line ending in `--request-timeout=5x`.
describe('a bad --request-timeout against a usage error', () => {
  it.each([
    { name: 'get without a type', args: 'get', want: { stdout: '', stderr: expect.stringContaining('error: Required resource not specified.\n') as string, code: 1 } },
    {
      name: 'describe without a type',
      args: 'describe',
      want: { stdout: '', stderr: 'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n', code: 1 },
    },
    { name: 'get with a type builds its client', args: 'get pods', want: timeout },
    {
      name: 'logs without a pod',
      args: 'logs',
      want: usage("expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command", 'logs'),
    },
    {
      name: 'logs with three words',
      args: 'logs a b c',
      want: usage("expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command", 'logs'),
    },
    { name: 'logs with a pod and a container', args: 'logs a b', want: timeout },
    { name: 'exec builds its client first', args: 'exec', want: timeout },
    { name: 'apply builds its client before asking for -f', args: 'apply', want: timeout },
    { name: 'create without -f', args: 'create', want: { stdout: '', stderr: 'error: must specify one of -f and -k\n', code: 1 } },
    { name: 'create configmap without a name', args: 'create configmap', want: usage('exactly one NAME is required, got 0', 'create configmap') },
    { name: 'create secret generic with two names', args: 'create secret generic a b', want: usage('exactly one NAME is required, got 2', 'create secret generic') },
    { name: 'create deployment without a name', args: 'create deployment --image=a', want: usage('exactly one NAME is required, got 0', 'create deployment') },
    { name: 'a client-side dry run still builds the client', args: 'create configmap x --dry-run=client', want: timeout },
    { name: 'delete without resources', args: 'delete', want: { stdout: '', stderr: resources, code: 1 } },
    { name: 'delete with a type', args: 'delete pods', want: timeout },
    {
      name: 'patch without a patch',
      args: 'patch pod x',
      want: { stdout: '', stderr: 'error: must specify --patch or --patch-file containing the contents of the patch\n', code: 1 },
    },
    {
      name: 'label without resources',
      args: 'label',
      want: { stdout: '', stderr: 'error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n', code: 1 },
    },
    { name: 'label without an update', args: 'label pods x', want: { stdout: '', stderr: 'error: at least one label update is required\n', code: 1 } },
    { name: 'annotate removing a key', args: 'annotate pods x a-', want: timeout },
    { name: 'set image without resources', args: 'set image', want: { stdout: '', stderr: resources, code: 1 } },
    { name: 'set image without an image', args: 'set image deploy/x', want: timeout },
    { name: 'set selector without a selector', args: 'set selector svc/x', want: { stdout: '', stderr: resources, code: 1 } },
    { name: 'set serviceaccount without one', args: 'set serviceaccount', want: { stdout: '', stderr: 'error: serviceaccount is required\n', code: 1 } },
    { name: 'rollout undo without a resource', args: 'rollout undo', want: { stdout: '', stderr: 'error: required resource not specified\n', code: 1 } },
    { name: 'rollout status builds its client first', args: 'rollout status', want: timeout },
    { name: 'port-forward without ports', args: 'port-forward x', want: usage('TYPE/NAME and list of ports are required for port-forward', 'port-forward') },
    { name: 'diff without -f exits 2', args: 'diff', want: { stdout: '', stderr: 'error: must specify one of -f and -k\n', code: 2 } },
    { name: 'cordon without a node', args: 'cordon', want: usage('USAGE: cordon NODE [flags]', 'cordon') },
    { name: 'cordon with two nodes', args: 'cordon a b', want: timeout },
    { name: 'drain without a node', args: 'drain', want: usage('USAGE: drain NODE [flags]', 'drain') },
  ])('$name', async ({ args, want }) => {
    const session = await newSession();
    expect(await runLine(session, `kubectl ${args} --request-timeout=5x`)).toEqual(want);
  });

  it('a --local edit never builds a client', async () => {
    const session = await newSession();
    await runLine(session, "printf 'apiVersion: v1\\nkind: Pod\\nmetadata:\\n  name: p\\nspec:\\n  containers:\\n  - name: c\\n    image: a\\n' > p.yaml");
    expect(await runLine(session, 'kubectl label --local -f p.yaml a=b -o name --request-timeout=5x')).toEqual({ stdout: 'pod/p\n', stderr: '', code: 0 });
  });
});
