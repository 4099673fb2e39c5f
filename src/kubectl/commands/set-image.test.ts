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
});
