import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../../tests/support/session.ts';
import { MISSING_RESOURCES } from '../errors.ts';

describe('kubectl set image', () => {
  it.each([
    { name: 'no resource', line: 'kubectl set image nginx=nginx:1.26', stderr: `${MISSING_RESOURCES}\n` },
    { name: 'no image', line: 'kubectl set image deployment/web', stderr: 'error: at least one image update is required\n' },
    // Printed by the real kubectl v1.35.2.
    {
      name: 'a resource after an image change',
      line: "kubectl set image deployment/web nginx=nginx:1.26 '&&' kubectl",
      stderr: 'error: all resources must be specified before image changes: &&\n',
    },
    {
      name: 'a wildcard beside other pairs',
      line: 'kubectl set image deployment/web *=nginx:1.26 nginx=nginx:1.27',
      stderr: 'error: all containers are already specified by *, but saw more than one container_name=container_image pairs\n',
    },
  ])('refuses $name', async ({ line, stderr }) => {
    const session = await newSession();
    await runLine(session, 'kubectl create deployment web --image=nginx:1.25');
    expect(await runLine(session, line)).toEqual({ stdout: '', stderr, code: 1 });
  });

  // Printed by the real kubectl v1.35.2 against `cka-lab serve` with the same deployments.
  it.each([
    {
      name: 'updates what a selector finds',
      line: 'kubectl set image deploy -l app=ra nginx=nginx:1.26 --dry-run=server',
      stdout: 'deployment.apps/ra image updated (server dry run)\n',
    },
    {
      name: 'updates every object with --all',
      line: 'kubectl set image deploy --all nginx=nginx:1.26 --dry-run=server -o name',
      stdout: 'deployment.apps/ra\ndeployment.apps/rb\n',
    },
    {
      name: 'updates what it can and names the missing container',
      line: 'kubectl set image deploy -l app=ra c=x nginx=nginx:1.26 --dry-run=server',
      stdout: 'deployment.apps/ra image updated (server dry run)\n',
      stderr: 'error: unable to find container named "c"\n',
      code: 1,
    },
    {
      name: 'names the missing container once per object',
      line: 'kubectl set image deploy --all c=x',
      stdout: '',
      stderr: 'error: unable to find container named "c"\nerror: unable to find container named "c"\n',
      code: 1,
    },
    { name: 'changes nothing when a selector finds nothing', line: 'kubectl set image deploy -l app=none nginx=x', stdout: '' },
    {
      name: 'refuses a selector without a type',
      line: 'kubectl set image -l app=ra nginx=x',
      stdout: '',
      stderr: 'error: at least one resource must be specified to use a selector\n',
      code: 1,
    },
    {
      name: 'refuses --all with a selector',
      line: 'kubectl set image deploy --all -l app=ra nginx=x',
      stdout: '',
      stderr: 'error: cannot set --all and --selector at the same time\n',
      code: 1,
    },
    {
      name: 'refuses a type without names',
      line: 'kubectl set image deploy nginx=x',
      stdout: '',
      stderr: 'error: resource(s) were provided, but no name was specified\n',
      code: 1,
    },
    {
      name: 'changes nothing when one name is missing',
      line: 'kubectl set image deploy ra nope nginx=nginx:1.9 --dry-run=server',
      stdout: '',
      stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n',
      code: 1,
    },
  ])(
    '$name',
    async ({ line, stdout, stderr = '', code = 0 }) => {
      const session = await newSession();
      await runLine(session, 'kubectl create deployment ra --image=nginx');
      await runLine(session, 'kubectl create deployment rb --image=nginx');
      expect(await runLine(session, line)).toEqual({ stdout, stderr, code });
    },
    30_000,
  );
});
