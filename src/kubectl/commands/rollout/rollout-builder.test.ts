import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../../../tests/support/session.ts';

/** ra at revision 2, rb and rc at revision 1, every one rolled out. */
async function threeDeployments() {
  const session = await newSession(7);
  for (const name of ['ra', 'rb', 'rc']) await runLine(session, `kubectl create deployment ${name} --image=nginx`);
  await runLine(session, 'kubectl set image deploy ra nginx=nginx:1.25');
  for (const name of ['ra', 'rb', 'rc']) await runLine(session, `kubectl rollout status deploy ${name}`);
  return session;
}

// Expected outputs are kubectl v1.35.2's against `cka-lab serve` with the same objects.
const cases: { name: string; line: string; stdout: string; stderr?: string; code?: number }[] = [
  {
    name: 'status visits every object of a type',
    line: 'kubectl rollout status deploy',
    stdout: 'deployment "ra" successfully rolled out\ndeployment "rb" successfully rolled out\ndeployment "rc" successfully rolled out\n',
  },
  { name: 'status of the objects a selector finds', line: 'kubectl rollout status deploy -l app=ra', stdout: 'deployment "ra" successfully rolled out\n' },
  { name: 'status finding nothing says so', line: 'kubectl rollout status deploy -l app=none', stdout: '', stderr: 'No resources found in default namespace.\n' },
  {
    name: 'status prints the missing names last',
    line: 'kubectl rollout status deploy nope ra',
    stdout: 'deployment "ra" successfully rolled out\n',
    stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n',
    code: 1,
  },
  {
    name: 'status pinned to another revision',
    line: 'kubectl rollout status deploy ra --revision=1',
    stdout: '',
    stderr: 'error: desired revision (1) is different from the running revision (2)\n',
    code: 1,
  },
  { name: 'status pinned to the running revision', line: 'kubectl rollout status deploy ra --revision=2', stdout: 'deployment "ra" successfully rolled out\n' },
  {
    name: 'status gathers one refusal per object without a viewer',
    line: 'kubectl rollout status rs -l app=ra',
    stdout: '',
    stderr: 'no status viewer has been implemented for ReplicaSet.apps\nno status viewer has been implemented for ReplicaSet.apps\n',
    code: 1,
  },
  {
    name: 'history of a selector',
    line: 'kubectl rollout history deploy -l app=ra',
    stdout: 'deployment.apps/ra \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n',
  },
  { name: 'history finding nothing prints nothing', line: 'kubectl rollout history deploy -l app=none', stdout: '' },
  {
    name: 'history without a viewer',
    line: 'kubectl rollout history rs -l app=rb',
    stdout: '',
    stderr: 'error: no history viewer has been implemented for "ReplicaSet.apps"\n',
    code: 1,
  },
  {
    name: 'history -o prints each revision as its ReplicaSet, oldest first',
    line: 'kubectl rollout history deploy ra -o name',
    stdout: 'replicaset.apps/ra-b855bc5f7\nreplicaset.apps/ra-bfff5f7f5\n',
  },
  {
    name: 'history -o of a missing revision',
    line: 'kubectl rollout history deploy ra --revision=5 -o name',
    stdout: '',
    stderr: 'error: unable to find the specified revision\n',
    code: 1,
  },
  {
    name: 'undo of every object gathers the refusals',
    line: 'kubectl rollout undo deploy',
    stdout: 'deployment.apps/ra rolled back\n',
    stderr: 'no rollout history found for deployment "rb"\nno rollout history found for deployment "rc"\n',
    code: 1,
  },
  { name: 'undo -o name on a server dry run', line: 'kubectl rollout undo deploy -l app=ra -o name --dry-run=server', stdout: 'deployment.apps/ra\n' },
  { name: 'undo finding nothing prints nothing', line: 'kubectl rollout undo deploy -l app=none', stdout: '' },
];

describe('rollout status|history|undo visit what the resource builder finds', () => {
  it.each(cases)(
    '$name',
    async ({ line, stdout, stderr = '', code = 0 }) => {
      const session = await threeDeployments();
      expect(await runLine(session, line)).toEqual({ stdout, stderr, code });
    },
    30_000,
  );
});
