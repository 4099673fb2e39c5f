/**
 * The scenarios every lab shares: its solution reaches a full score and replays byte for byte, the
 * untouched starting state fails every task, and each script in `wrong/` and `alternatives/` gets
 * the verdict its `# expect: <step> <verdict>` header names.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { play, stepLines } from './play.ts';

export function labScripts(labId: string, folder: 'wrong' | 'alternatives'): string[] {
  const dir = join('labs', labId, folder);
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.sh'))
        .map((f) => join(folder, f))
    : [];
}

export function itPlaysLabScenarios(labId: string, options: { tasks: string[]; score: string }): void {
  const solution = readFileSync(join('labs', labId, 'solution.sh'), 'utf8');

  it('reaches a full score with the reference solution', async () => {
    const transcript = await play(labId, solution, true);
    expect(transcript.trimEnd().split('\n').at(-1)).toBe(`score ${options.score}`);
    for (const [step, verdict] of stepLines(transcript)) expect(`${step} ${verdict}`).toMatch(new RegExp(`^${step} pass `));
  });

  it('replays byte for byte', async () => {
    expect(await play(labId, solution, true)).toBe(await play(labId, solution, true));
  });

  it('fails every task in the untouched starting state', async () => {
    const verdicts = stepLines(await play(labId, '@check\n'));
    for (const task of options.tasks) expect(`${task} ${verdicts.get(task)}`).toMatch(new RegExp(`^${task} fail `));
  });

  const scripts = [...labScripts(labId, 'wrong'), ...labScripts(labId, 'alternatives')];
  it.each(scripts)('gives %s the verdict it expects', async (file) => {
    const script = readFileSync(join('labs', labId, file), 'utf8');
    const expected = /^# expect: (\S+) (.*)$/m.exec(script)!;
    const verdicts = stepLines(await play(labId, script));
    expect(`${expected[1]} ${verdicts.get(expected[1]!)}`).toBe(`${expected[1]} ${expected[2]}`);
  });
}
