import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../../tests/support/session.ts';

const NO_FILE_COMP = 'Completion ended with directive: ShellCompDirectiveNoFileComp\n';
const DEFAULT = 'Completion ended with directive: ShellCompDirectiveDefault\n';

// Outputs as kubectl v1.35.2 prints them against a cluster holding the same objects.
describe('kubectl __complete', async () => {
  const session = await newSession();
  await runLine(session, 'kubectl create deployment frontend --image=nginx --replicas=0');
  await runLine(session, 'kubectl create namespace elastic-stack');
  await runLine(session, 'kubectl run app -n elastic-stack --image=nginx');
  const cases: { name: string; line: string; stdout: string; stderr: string }[] = [
    { name: 'resource types by prefix', line: 'kubectl __complete get po', stdout: 'pods\npoddisruptionbudgets.policy\n:4\n', stderr: NO_FILE_COMP },
    { name: 'names in the -n namespace', line: "kubectl __complete -n elastic-stack get pods ''", stdout: 'app\n:4\n', stderr: NO_FILE_COMP },
    { name: 'namespaces after --namespace=', line: 'kubectl __complete get --namespace=el', stdout: 'elastic-stack\n:4\n', stderr: NO_FILE_COMP },
    { name: 'TYPE/ prefixes names', line: 'kubectl __complete get deployments/', stdout: 'deployments/frontend\n:4\n', stderr: NO_FILE_COMP },
    {
      name: 'subcommands with their descriptions',
      line: "kubectl __complete rollout ''",
      stdout:
        'history\tView rollout history\npause\tMark the provided resource as paused\nrestart\tRestart a resource\nresume\tResume a paused resource\nstatus\tShow the status of the rollout\nundo\tUndo a previous rollout\n:4\n',
      stderr: NO_FILE_COMP,
    },
    { name: 'without descriptions', line: 'kubectl __completeNoDesc rollout re', stdout: 'restart\nresume\n:4\n', stderr: NO_FILE_COMP },
    {
      name: 'flags with their usage',
      line: 'kubectl __complete get --na',
      stdout: '--namespace\tIf present, the namespace scope for this CLI request\n:4\n',
      stderr: NO_FILE_COMP,
    },
    { name: 'a flag already given is not offered again', line: 'kubectl __complete get -n default --na', stdout: ':4\n', stderr: NO_FILE_COMP },
    { name: 'the shells of completion', line: 'kubectl __complete completion b', stdout: 'bash\n:4\n', stderr: NO_FILE_COMP },
    {
      name: 'an unknown command goes to plugin completion',
      line: "kubectl __complete bogus ''",
      stdout: ':0\n',
      stderr: `[Debug] Cleared global flags for plugin completion\n[Debug] [Error] unable to find a command for arguments: [bogus]\n${DEFAULT}`,
    },
  ];
  it.each(cases)('$name', async ({ line, stdout, stderr }) => {
    expect(await runLine(session, line)).toEqual({ stdout, stderr, code: 0 });
  });
});

describe('kubectl completion', async () => {
  const session = await newSession();
  const cases = [
    { name: 'no shell', line: 'kubectl completion', stderr: "error: Shell not specified.\nSee 'kubectl completion -h' for help and examples\n" },
    {
      name: 'two shells',
      line: 'kubectl completion bash zsh',
      stderr: "error: Too many arguments. Expected only the shell type.\nSee 'kubectl completion -h' for help and examples\n",
    },
    { name: 'an unknown shell', line: 'kubectl completion foo', stderr: 'error: Unsupported shell type "foo".\nSee \'kubectl completion -h\' for help and examples\n' },
  ];
  it.each(cases)('refuses $name', async ({ line, stderr }) => {
    expect(await runLine(session, line)).toEqual({ stdout: '', stderr, code: 1 });
  });
  it('prints the recorded bash script', async () => {
    const { stdout, code } = await runLine(session, 'kubectl completion bash | tail -n 5');
    expect({ stdout, code }).toEqual({
      stdout: 'else\n    complete -o default -o nospace -F __start_kubectl kubectl\nfi\n\n# ex: ts=4 sw=4 et filetype=sh\n',
      code: 0,
    });
  });
});
