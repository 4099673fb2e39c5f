import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../tests/support/session.ts';
import { HELP_TEXTS } from './help/texts/index.ts';

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

  it.each([
    { name: 'rollout alone prints its help on stdout', line: 'kubectl rollout', want: { stdout: HELP_TEXTS['rollout'], stderr: '', code: 1 } },
    { name: 'set alone prints its help on stderr', line: 'kubectl set', want: { stdout: '', stderr: HELP_TEXTS['set'], code: 1 } },
    { name: 'rollout -h is help, not an error', line: 'kubectl rollout -h', want: { stdout: HELP_TEXTS['rollout'], stderr: '', code: 0 } },
    {
      name: 'an unknown rollout subcommand',
      line: 'kubectl rollout bogus deployment/frontend',
      want: { stdout: '', stderr: `error: unknown command "bogus deployment/frontend"\nSee 'kubectl rollout -h' for help and examples\n`, code: 1 },
    },
    {
      name: 'an unknown set subcommand',
      line: 'kubectl set bogus',
      want: { stdout: '', stderr: `error: unknown command "bogus"\nSee 'kubectl set -h' for help and examples\n`, code: 1 },
    },
  ])('$name', async ({ line, want }) => {
    const session = await newSession();
    expect(await runLine(session, line)).toEqual(want);
  });
});
