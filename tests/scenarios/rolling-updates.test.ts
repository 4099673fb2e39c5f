import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { play, stepLines } from '../support/play.ts';

const LAB = 'labs/rolling-updates';
const TASKS = ['upgrade-to-v2', 'switch-to-recreate', 'upgrade-to-v3'];

describe('rolling-updates lab', () => {
  it('reaches a full score with the reference solution', async () => {
    const transcript = await play('rolling-updates', readFileSync(join(LAB, 'solution.sh'), 'utf8'), true);
    expect(transcript.trimEnd().split('\n').at(-1)).toBe('score 9/9');
    for (const [step, verdict] of stepLines(transcript)) expect(`${step} ${verdict}`).toMatch(new RegExp(`^${step} pass `));
  });

  it('replays byte for byte', async () => {
    const script = readFileSync(join(LAB, 'solution.sh'), 'utf8');
    expect(await play('rolling-updates', script, true)).toBe(await play('rolling-updates', script, true));
  });

  it('fails every task in the untouched starting state', async () => {
    const verdicts = stepLines(await play('rolling-updates', '@check\n'));
    for (const task of TASKS) expect(verdicts.get(task)).toMatch(/^fail /);
  });

  const wrong = readdirSync(join(LAB, 'wrong')).filter((f) => f.endsWith('.sh'));
  it.each(wrong)('rejects the wrong attempt %s with its explanation', async (file) => {
    const script = readFileSync(join(LAB, 'wrong', file), 'utf8');
    const expected = /^# expect: (\S+) (.*)$/m.exec(script)!;
    const verdicts = stepLines(await play('rolling-updates', script));
    expect(`${expected[1]} ${verdicts.get(expected[1]!)}`).toBe(`${expected[1]} ${expected[2]}`);
  });

  it('serves both versions and never fails during the rolling update, then only v3 after Recreate', async () => {
    const transcript = await play('rolling-updates', ['kubectl set image deployment/frontend simple-webapp=kodekloud/webapp-color:v2', 'sleep 15', './curl-test.sh'].join('\n'));
    const answers = transcript.split('\n').filter((l) => l.startsWith('Hello') || l === 'Failed');
    expect(answers).toHaveLength(35);
    expect(answers).not.toContain('Failed');
    expect(new Set(answers)).toEqual(new Set(['Hello, Application Version: v1 ; Color: blue OK', 'Hello, Application Version: v2 ; Color: green OK']));
  });
});
