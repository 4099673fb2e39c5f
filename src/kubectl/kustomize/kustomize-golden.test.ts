import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../../tests/support/session.ts';

// Each testdata/<case> directory was built with kubectl v1.35.2 (kustomize v5.7.1) `kubectl kustomize .`;
// goldens/<case>.out and .err hold what it printed.
const testdata = join(import.meta.dirname, 'testdata');
const cases = readdirSync(testdata).filter((name) => name !== 'goldens');

function copyInto(fs: { writeFile(p: string, c: string): void; mkdir(p: string, o?: { recursive?: boolean }): void }, from: string, to: string): void {
  fs.mkdir(to, { recursive: true });
  for (const name of readdirSync(from)) {
    const source = join(from, name);
    if (statSync(source).isDirectory()) copyInto(fs, source, `${to}/${name}`);
    else fs.writeFile(`${to}/${name}`, readFileSync(source, 'utf8'));
  }
}

describe('kubectl kustomize goldens', () => {
  it.each(cases)(
    '%s',
    async (name) => {
      const session = await newSession();
      copyInto(session.fs, testdata, '/root/kustomize');
      const got = await runLine(session, `cd /root/kustomize/${name} && kubectl kustomize .`);
      expect(got.stdout).toBe(readFileSync(join(testdata, 'goldens', `${name}.out`), 'utf8'));
      expect(got.stderr).toBe(readFileSync(join(testdata, 'goldens', `${name}.err`), 'utf8'));
      expect(got.code).toBe(0);
    },
    30_000,
  );
});
