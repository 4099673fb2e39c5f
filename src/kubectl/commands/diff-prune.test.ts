import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../../tests/support/session.ts';

const configMap = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  labels:\n    app: p\ndata:\n  k: "${name}"\n`;

// kubectl v1.35.2 `diff --prune`: an applied object the files no longer hold shows as a whole-file
// deletion (LIVE holds it, MERGED nothing), printed with its managed fields and last-applied annotation.
describe('kubectl diff --prune', () => {
  it.each([
    { name: 'the allowlisted kind is pruned', flags: '--prune-allowlist=core/v1/ConfigMap', pruned: true },
    { name: 'a selector that does not match prunes nothing', flags: '-l app=other --prune-allowlist=core/v1/ConfigMap', pruned: false },
    { name: 'another kind prunes nothing', flags: '--prune-allowlist=apps/v1/Deployment', pruned: false },
  ])(
    '$name',
    async ({ flags, pruned }) => {
      const session = await newSession();
      session.fs.writeFile(`${session.shell.cwd}/keep.yaml`, configMap('keep'));
      session.fs.writeFile(`${session.shell.cwd}/old.yaml`, configMap('old'));
      await runLine(session, 'kubectl apply -f keep.yaml -f old.yaml');
      const got = await runLine(session, `kubectl diff --prune -f keep.yaml ${flags}`);
      expect(got.stderr).toBe('');
      if (!pruned) return expect(got).toMatchObject({ stdout: '', code: 0 });
      const lines = got.stdout.split('\n');
      expect(lines[0]).toMatch(/^diff -u -N \/tmp\/LIVE-\d+\/v1\.ConfigMap\.default\.old \/tmp\/MERGED-\d+\/v1\.ConfigMap\.default\.old$/);
      expect(lines[2]).toMatch(/^\+\+\+ \/tmp\/MERGED-\d+\/v1\.ConfigMap\.default\.old\t1970-01-01 00:00:00\.000000000 \+0000$/);
      expect(lines[3]).toMatch(/^@@ -1,\d+ \+0,0 @@$/);
      expect(lines.slice(4, -1).every((l) => l.startsWith('-'))).toBe(true);
      expect(lines).toContain('-  managedFields:');
      expect(lines).toContain('-  name: old');
      expect(got.code).toBe(1);
    },
    30_000,
  );

  it('refuses an allowlist entry that is not group/version/kind', async () => {
    const session = await newSession();
    session.fs.writeFile(`${session.shell.cwd}/keep.yaml`, configMap('keep'));
    expect(await runLine(session, 'kubectl diff --prune -f keep.yaml --prune-allowlist=v1/ConfigMap')).toEqual({
      stdout: '',
      stderr: 'error: invalid GroupVersionKind format: v1/ConfigMap, please follow <group/version/kind>\n',
      code: 2,
    });
  }, 30_000);
});
