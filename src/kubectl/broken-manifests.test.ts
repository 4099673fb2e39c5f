import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../tests/support/session.ts';

interface Run {
  command: string;
  stdout: string;
  stderr: string;
  exitCode: number;
}

interface BrokenManifest {
  name: string;
  text: string;
  runs: Run[];
}

// Manifests a learner breaks, each read by kubectl v1.35.2 with `create --dry-run=client`,
// `apply --dry-run=client` and `--validate=false` against a bare served cluster: go-yaml's words
// and line numbers, the JSON decoder's, and what validation says of what parses.
const cases = JSON.parse(readFileSync(new URL('testdata/broken-manifests.json', import.meta.url), 'utf8')) as BrokenManifest[];

async function play(c: BrokenManifest, run: Run) {
  const session = await newSession();
  session.fs.writeFile(`${session.shell.cwd}/m.yaml`, c.text);
  return runLine(session, run.command);
}

const expected = (run: Run) => ({ stdout: run.stdout, stderr: run.stderr, code: run.exitCode });

describe('kubectl reading broken manifests', () => {
  it.each(cases)(
    '$name',
    async (c) => {
      for (const run of c.runs) expect({ command: run.command, ...(await play(c, run)) }).toEqual({ command: run.command, ...expected(run) });
    },
    120_000,
  );
});
