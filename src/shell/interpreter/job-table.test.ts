import { describe, expect, it } from 'vitest';
import { JobTable, type JobEnd } from './job-table.ts';

/** Jobs 1–3 as bash 5.2.15 numbered `sleep 1 &`, `sleep 3 &`, `(sleep 2; exit 3) &`. */
function threeJobs(): JobTable {
  const table = new JobTable();
  for (const [pid, command] of [
    [4001, 'sleep 1'],
    [4002, 'sleep 3'],
    [4003, '( sleep 2; exit 3 )'],
  ] as const)
    table.add({ pid, command, kill: () => undefined, ended: Promise.resolve() });
  return table;
}

describe('JobTable.find', () => {
  it.each([
    { spec: '%1', found: 1 },
    { spec: '%%', found: 3 },
    { spec: '%+', found: 3 },
    { spec: '%', found: 3 },
    { spec: '%-', found: 2 },
    { spec: '%(', found: 3 },
    { spec: '%?p 3', found: 2 },
    { spec: '%sleep', error: 'sleep: ambiguous job spec' },
    { spec: '%?exit', found: 3 },
    { spec: '%9', error: '%9: no such job' },
    { spec: '%kubectl', error: '%kubectl: no such job' },
  ])('$spec', ({ spec, found, error }) => {
    const table = threeJobs();
    if (error) expect(() => table.find(spec)).toThrow(error);
    else expect(table.find(spec).number).toBe(found);
  });
});

describe('JobTable.line', () => {
  it.each<{ name: string; end?: JobEnd; withPid?: boolean; line: string }>([
    { name: 'running', line: '[3]+  Running                 ( sleep 2; exit 3 ) &\n' },
    { name: 'running, with its PID', withPid: true, line: '[3]+  4003 Running                 ( sleep 2; exit 3 ) &\n' },
    { name: 'done', end: { status: 0 }, line: '[3]+  Done                    ( sleep 2; exit 3 )\n' },
    { name: 'exited 3', end: { status: 3 }, line: '[3]+  Exit 3                  ( sleep 2; exit 3 )\n' },
    { name: 'terminated', end: { signal: 'Terminated', number: 15 }, line: '[3]+  Terminated              ( sleep 2; exit 3 )\n' },
  ])('$name', ({ end, withPid, line }) => {
    const table = threeJobs();
    const job = table.find('%3');
    if (end) job.end = end;
    expect(table.line(job, withPid)).toBe(line);
  });

  it('reports the ended jobs once, with the marks they had', () => {
    const table = threeJobs();
    table.find('%1').end = { status: 0 };
    table.find('%3').end = { status: 3 };
    expect(table.takeNotices()).toBe('[1]   Done                    sleep 1\n[3]+  Exit 3                  ( sleep 2; exit 3 )\n');
    expect([table.takeNotices(), table.line(table.find('%%'))]).toEqual(['', '[2]+  Running                 sleep 3 &\n']);
  });
});
