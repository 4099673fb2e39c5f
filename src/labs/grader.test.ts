import { describe, expect, it } from 'vitest';
import { createTestCluster } from '../../tests/support/test-cluster.ts';
import { MemoryFileSystem } from '../shell/fs/memory-file-system.ts';
import { Grader } from './grader.ts';
import { loadLab } from './load-lab.ts';
import { createManifests } from './setup-lab.ts';

const pod = (name: string) => `apiVersion: v1
kind: Pod
metadata: { name: ${name} }
spec: { containers: [{ name: c, image: busybox, command: [sleep, "60"] }] }
`;

const LAB = `version: 1
id: demo
title: Demo
summary: A demo
setup: { manifests: [first.yaml] }
steps:
  - id: count
    kind: question
    prompt: How many pods?
    freeText: true
    accept: { resource: pods, expression: "int(answer) == size(objects)" }
  - id: late
    kind: question
    prompt: A new pod is here. Its name?
    choices:
      - { text: late, explanation: The pod the step created is named late. }
      - { text: early, explanation: No pod is named early. }
    answers: [late]
    setup: { manifests: [late.yaml] }
  - id: done
    kind: task
    prompt: Delete it
    checks: [{ kind: absent, resource: pods, name: late }]
`;

async function start() {
  const { api } = await createTestCluster();
  const loaded = loadLab({ 'lab.yaml': LAB, 'first.yaml': pod('first'), 'late.yaml': pod('late') });
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  const grader = new Grader(loaded.lab, { api, fs: new MemoryFileSystem() });
  await createManifests(loaded.lab.manifestTexts, api);
  await grader.start();
  const podNames = async () => {
    const res = await api.request<{ items: { metadata: { name: string } }[] }>({ verb: 'list', group: '', version: 'v1', resource: 'pods', namespace: 'default' });
    return res.ok ? res.body.items.map((p) => p.metadata.name) : [];
  };
  return { grader, podNames };
}

describe('Grader', () => {
  it('grades a question from the cluster when its step is checked', async () => {
    const { grader } = await start();
    expect(grader.answer('count', '2').status).toBe('pending');
    expect((await grader.check('count'))[0]).toEqual({ stepId: 'count', status: 'fail', why: 'answered "2", which is not right' });
    grader.answer('count', ' 1 ');
    expect((await grader.check('count'))[0]).toEqual({ stepId: 'count', status: 'pass', why: 'answered "1"' });
  });

  const choiceCases = [
    { name: 'a wrong choice', text: 'early', verdict: { stepId: 'late', status: 'fail', why: 'answered "early", which is not right', explanation: 'No pod is named early.' } },
    { name: 'the right choice', text: 'late', verdict: { stepId: 'late', status: 'pass', why: 'answered "late"', explanation: 'The pod the step created is named late.' } },
    {
      name: 'a choice typed in another case',
      text: ' EARLY ',
      verdict: { stepId: 'late', status: 'fail', why: 'answered "EARLY", which is not right', explanation: 'No pod is named early.' },
    },
  ];
  it.each(choiceCases)('explains $name with the lab’s own sentence', async ({ text, verdict }) => {
    const { grader } = await start();
    expect(grader.answer('late', text)).toEqual(verdict);
  });

  it('creates a step’s objects once every graded step before it has passed', async () => {
    const { grader, podNames } = await start();
    await grader.check();
    expect(await podNames()).toEqual(['first']);
    grader.answer('count', '1');
    await grader.check('count');
    expect(await podNames()).toEqual(['first', 'late']);
  });

  it('creates a step’s objects when the learner skips ahead to a later step', async () => {
    const { grader, podNames } = await start();
    await grader.check('done');
    expect(await podNames()).toEqual(['first', 'late']);
  });

  it('restores saved progress onto a fresh cluster with the objects of the steps it had reached', async () => {
    const before = await start();
    before.grader.answer('count', '1');
    await before.grader.check('count');
    const saved = before.grader.progress();

    const after = await start();
    expect(await after.podNames()).toEqual(['first']);
    await after.grader.restore(saved);
    expect(await after.podNames()).toEqual(['first', 'late']);
    expect(after.grader.score()).toEqual({ passed: 1, total: 3 });
  });

  it('keeps a step opened ahead of time ("Open it now") across a restore, though nothing there passed', async () => {
    const before = await start();
    await before.grader.check('late');
    expect(before.grader.reachedStep()).toBe('late');
    const saved = before.grader.progress();

    const after = await start();
    await after.grader.restore(saved);
    expect(after.grader.reachedStep()).toBe('late');
    expect(await after.podNames()).toEqual(['first', 'late']);
    expect(after.grader.score()).toEqual({ passed: 0, total: 3 });
  });

  it('gives the verdicts last seen: real ones where they were given, "passed earlier" for restored steps', async () => {
    const before = await start();
    before.grader.answer('count', '1');
    await before.grader.check('count');
    await before.grader.check('done');
    expect(before.grader.verdicts()).toEqual([
      { stepId: 'count', status: 'pass', why: 'answered "1"' },
      { stepId: 'done', status: 'fail', why: 'pod late still exists; expected it to be deleted' },
    ]);
    const after = await start();
    await after.grader.restore(before.grader.progress());
    expect(after.grader.verdicts()).toEqual([{ stepId: 'count', status: 'pass', why: 'passed earlier' }]);
  });

  it('restores saves from before the reached step was kept', async () => {
    const after = await start();
    await after.grader.restore({ labId: 'demo', passed: [], answers: {}, captures: {} });
    expect(after.grader.reachedStep()).toBe('count');
    expect(await after.podNames()).toEqual(['first']);
  });
});
