import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs `cka-lab play` as a user does; a process that never exits is killed after `timeout`. */
function playCli(script: string) {
  const dir = mkdtempSync(join(tmpdir(), 'cka-lab-play-'));
  const file = join(dir, 'script.sh');
  writeFileSync(file, script);
  const result = spawnSync(process.execPath, ['src/cli/cka-lab.mjs', 'play', 'rolling-updates', '--script', file], { encoding: 'utf8', timeout: 60_000 });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status, signal: result.signal };
}

describe('cka-lab play', () => {
  it('exits when the script ends, with a busy loop still running in the background', () => {
    expect(playCli('while :; do :; done &\nsleep 2; echo done\n')).toEqual({
      stdout: '$ while :; do :; done &\n$ sleep 2; echo done\ndone\n',
      stderr: '',
      status: 0,
      signal: null,
    });
  }, 70_000);

  it('exits when the script ends, with a pod looping without sleep', () => {
    expect(playCli('kubectl run busy --image=busybox -- sh -c "while :; do :; done"\nsleep 2; echo done\n')).toEqual({
      stdout: '$ kubectl run busy --image=busybox -- sh -c "while :; do :; done"\npod/busy created\n$ sleep 2; echo done\ndone\n',
      stderr: '',
      status: 0,
      signal: null,
    });
  }, 70_000);
});
