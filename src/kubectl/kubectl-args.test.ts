import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../tests/support/session.ts';

describe('kubectl command line', () => {
  it('finds the command after a namespace flag given before it', async () => {
    const session = await newSession();
    await runLine(session, 'kubectl create namespace team');
    await runLine(session, 'kubectl -n team run web --image=nginx');
    expect((await runLine(session, 'kubectl -n team get pods -o name')).stdout).toBe('pod/web\n');
    expect((await runLine(session, 'kubectl --namespace team get pods -o name')).stdout).toBe('pod/web\n');
    expect((await runLine(session, 'kubectl --namespace=team get pods -o name')).stdout).toBe('pod/web\n');
  });

  // Both as kubectl v1.35.2 prints them: an unknown word goes to the plugin lookup first.
  it('still names an unknown command', async () => {
    const session = await newSession();
    expect((await runLine(session, 'kubectl lgos web')).stderr).toBe('error: unknown command "lgos" for "kubectl"\n\nDid you mean this?\n\tlogs\n');
  });

  it('refuses flags before an unknown command as the plugin lookup does', async () => {
    const session = await newSession();
    expect((await runLine(session, 'kubectl -n team lgos web')).stderr).toBe('Error: flags cannot be placed before plugin name: -n\n');
  });
});
