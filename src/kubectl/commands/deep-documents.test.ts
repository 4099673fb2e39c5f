import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../../tests/support/session.ts';

// kubectl reads manifests up to encoding/json's 10,000 levels; JavaScript's stack ends at a few
// thousand frames, so every walk of a document must go without recursion (fuzz replays
// FUZZ_SEED=20261967 FUZZ_PATH=17, 20262092/27 and 20262116/47 answered `bash: internal error`).
const DEPTH = 6_000;
const nested = `${'{"a":'.repeat(DEPTH)}1${'}'.repeat(DEPTH)}`;

describe('a manifest nested 6,000 levels deep', () => {
  it('without kind: get -f quotes it whole in the decode error', async () => {
    const session = await newSession();
    session.fs.writeFile(`${session.shell.cwd}/deep.json`, `{"metadata":{"name":"x"},"apiVersion":"v1","spec":${nested}}`);
    expect(await runLine(session, 'kubectl get -f deep.json -o name')).toEqual({
      stdout: '',
      stderr: `error: unable to decode "deep.json": Object 'Kind' is missing in '{"apiVersion":"v1","metadata":{"name":"x"},"spec":${nested}}'\n`,
      code: 1,
    });
  }, 60_000);

  it('apply --dry-run=client drops its null fields and prints it', async () => {
    const session = await newSession();
    session.fs.writeFile(`${session.shell.cwd}/deep.json`, `{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x","labels":null},"x":${nested}}`);
    expect(await runLine(session, 'kubectl apply --dry-run=client --validate=false -o name -f deep.json')).toEqual({
      stdout: 'configmap/x\n',
      stderr: '',
      code: 0,
    });
  }, 60_000);
});
