import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../tests/support/session.ts';

// kubectl v1.35.2 `create -f FILE` on each text: go-yaml's line numbers and wording.
const cases: { name: string; text: string; want: string }[] = [
  {
    name: 'a key indented less than its siblings',
    text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: broken\n spec:\n  containers: []\n',
    want: 'yaml: line 4: did not find expected key',
  },
  { name: 'a tab as indentation', text: 'apiVersion: v1\nkind: Pod\nmetadata:\n\tname: x\n', want: 'yaml: line 4: found character that cannot start any token' },
  { name: 'a key without its colon', text: 'apiVersion: v1\nkind: Pod\nmetadata\n  name: x\n', want: "yaml: line 4: could not find expected ':'" },
];

describe('visitManifests YAML errors', () => {
  it.each(cases)('$name', async ({ text, want }) => {
    const session = await newSession();
    session.fs.writeFile(`${session.shell.cwd}/m.yaml`, text);
    expect(await runLine(session, 'kubectl create -f m.yaml')).toEqual({ stdout: '', stderr: `error: error parsing m.yaml: error converting YAML to JSON: ${want}\n`, code: 1 });
  });
});
