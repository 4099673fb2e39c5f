import { describe, expect, it } from 'vitest';
import { loadLab } from './load-lab.ts';

const minimal = `version: 1
id: demo
title: Demo
summary: A demo
setup: { manifests: [m.yaml] }
steps:
  - id: q1
    kind: question
    prompt: Pick one
    choices:
      - { text: a, explanation: A is the first letter. }
      - { text: b, explanation: B comes after a. }
    answers: [a]
`;

describe('loadLab', () => {
  it('loads a valid lab and resolves its manifests', () => {
    const result = loadLab({ 'lab.yaml': minimal, 'm.yaml': 'kind: Pod' });
    expect(result.ok && result.lab.manifestTexts).toEqual([{ name: 'm.yaml', text: 'kind: Pod' }]);
  });

  const broken: { name: string; files: Record<string, string>; error: string }[] = [
    { name: 'a missing lab.yaml', files: {}, error: 'lab.yaml: not found' },
    { name: 'a manifest that is not in the folder', files: { 'lab.yaml': minimal }, error: 'm.yaml: listed in setup.manifests but not in the lab folder' },
    { name: 'an unknown field', files: { 'lab.yaml': `${minimal}extra: 1\n`, 'm.yaml': '' }, error: 'lab.yaml/: must NOT have additional properties (extra)' },
    {
      name: 'an answer that is not a choice',
      files: { 'lab.yaml': minimal.replace('answers: [a]', 'answers: [c]'), 'm.yaml': '' },
      error: 'lab.yaml/steps/q1: an answer is not one of the choices',
    },
    {
      name: 'a choice without its explanation',
      files: { 'lab.yaml': minimal.replace('{ text: b, explanation: B comes after a. }', '{ text: b }'), 'm.yaml': '' },
      error: "lab.yaml/steps/0/choices/1: must have required property 'explanation'",
    },
    {
      name: 'a task without checks',
      files: { 'lab.yaml': minimal.replace('kind: question', 'kind: task'), 'm.yaml': '' },
      error: "lab.yaml/steps/0: must have required property 'checks'",
    },
    {
      name: 'a question with neither answers nor accept',
      files: { 'lab.yaml': minimal.replace('    answers: [a]\n', ''), 'm.yaml': '' },
      error: 'lab.yaml/steps/0: must match a schema in anyOf',
    },
    {
      name: 'a step manifest that is not in the folder',
      files: { 'lab.yaml': minimal.replace('    answers: [a]\n', '    answers: [a]\n    setup: { manifests: [late.yaml] }\n'), 'm.yaml': '' },
      error: 'late.yaml: listed in steps/q1/setup.manifests but not in the lab folder',
    },
    {
      name: 'a container field on another check',
      files: {
        'lab.yaml': minimal.replace('kind: question', 'kind: task').replace('    answers: [a]\n', '    checks: [{ kind: exists, resource: pods, argv: [sleep] }]\n'),
        'm.yaml': '',
      },
      error: 'lab.yaml/steps/0/checks/0: must NOT be valid',
    },
  ];

  it('resolves the manifests a step creates when it is reached', () => {
    const lab = minimal.replace('    answers: [a]\n', '    answers: [a]\n    setup: { manifests: [late.yaml] }\n');
    const result = loadLab({ 'lab.yaml': lab, 'm.yaml': '', 'late.yaml': 'kind: Pod' });
    expect(result.ok && result.lab.stepManifestTexts).toEqual({ q1: [{ name: 'late.yaml', text: 'kind: Pod' }] });
  });

  it('loads a question graded from the cluster without fixed answers', () => {
    const lab = minimal.replace('    answers: [a]\n', '    accept: { resource: pods, expression: "answer == \'a\'" }\n');
    expect(loadLab({ 'lab.yaml': lab, 'm.yaml': '' }).ok).toBe(true);
  });

  it.each(broken)('reports $name', ({ files, error }) => {
    const result = loadLab(files);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors).toContain(error);
  });
});
