import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../tests/support/session.ts';

// The exam's set-up: kubectl's own bash script, sourced, drives Tab through `kubectl __complete`.
describe('tab completion by the sourced kubectl script', async () => {
  const session = await newSession();
  await runLine(session, 'kubectl create deployment frontend --image=nginx --replicas=0');
  await runLine(session, 'kubectl create namespace elastic-stack');
  const setup = ['source <(kubectl completion bash)', 'alias k=kubectl', 'complete -o default -F __start_kubectl k'];
  it('sources without a word on the terminal', async () => {
    for (const line of setup) expect(await runLine(session, line)).toEqual({ stdout: '', stderr: '', code: 0 });
    expect(await runLine(session, 'complete -p')).toEqual({
      stdout: 'complete -o default -F __start_kubectl k\ncomplete -o default -F __start_kubectl kubectl\n',
      stderr: '',
      code: 0,
    });
  });
  const cases: { line: string; from: number; candidates: string[] }[] = [
    { line: 'k get po', from: 6, candidates: ['poddisruptionbudgets.policy', 'pods'] },
    { line: 'k get deploy ', from: 13, candidates: ['frontend'] },
    { line: 'k get -n el', from: 9, candidates: ['elastic-stack'] },
    // bash replaces only what follows the `=` (a COMP_WORDBREAKS character).
    { line: 'k get --namespace=el', from: 18, candidates: ['elastic-stack'] },
    { line: 'k ro', from: 2, candidates: ['rollout'] },
    { line: 'k get pods -o j', from: 14, candidates: ['json', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file'] },
  ];
  it.each(cases)('completes "$line"', async ({ line, from, candidates }) => {
    expect(await session.complete(line)).toEqual({ from, candidates });
  });
  it('leaves no COMP_ variables behind', async () => {
    expect(await runLine(session, 'echo "${COMP_WORDS[*]}|$COMP_CWORD|$COMP_LINE"')).toEqual({ stdout: '||\n', stderr: '', code: 0 });
  });
});
