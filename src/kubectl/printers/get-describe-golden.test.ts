/**
 * Golden outputs of kubectl against the rolling-updates starting state, one command per file in
 * testdata/ (first line `$ kubectl …`). Update with `vitest -u` and read the diff in review. These
 * commands are also played with the real kubectl v1.35.2 on the same lab state in
 * tests/parity/corpus/get.sh, describe.sh, rollout.sh and errors.sh, which must match ours.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadLab } from '../../labs/load-lab.ts';
import { startLab } from '../../session/lab-session.ts';
import { readLabFiles } from '../../cli/node-host.ts';
import { newSession, runLine } from '../../../tests/support/session.ts';

const COMMANDS = [
  'kubectl get pods',
  'kubectl get pods -o wide',
  'kubectl get deploy,rs',
  'kubectl get svc --show-labels',
  'kubectl get all',
  'kubectl get nodes',
  'kubectl get pods -A',
  'kubectl get pods -o custom-columns=NAME:.metadata.name --no-headers',
  'kubectl get ev --sort-by=.metadata.creationTimestamp',
  'kubectl describe deployment frontend',
  'kubectl describe svc webapp-service',
  'kubectl describe endpoints webapp-service',
  'kubectl describe node node01',
  'kubectl describe ns default',
  'kubectl rollout history deployment/frontend',
  'kubectl get deploy frontend -o jsonpath={.spec.template.spec.containers[0].image}',
  'kubectl get pods nope',
  'kubectl get foo',
  'kubectl edit deploy frontend --image=nginx',
];

describe('kubectl output on the rolling-updates lab', async () => {
  const session = await newSession();
  const loaded = loadLab(readLabFiles('rolling-updates')!);
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  await startLab(session, loaded.lab);
  it.each(COMMANDS)('%s', async (command) => {
    const { stdout, stderr, code } = await runLine(session, command);
    const file = `testdata/${command
      .replace(/^kubectl /, '')
      .replace(/[^a-zA-Z0-9]+/g, '-')
      .replace(/-+$/, '')}.txt`;
    await expect(`$ ${command}\n${stdout}${stderr ? `[stderr]\n${stderr}` : ''}[exit ${code}]\n`).toMatchFileSnapshot(file);
  });
  void readFileSync;
});
