import { describe, expect, it } from 'vitest';
import { labCommand, parseLabRequest } from './lab-command.ts';

describe('parseLabRequest', () => {
  const cases = [
    { body: '{"answer":{"step":"pod-count","text":"4"}}', want: { answer: { step: 'pod-count', text: '4' } } },
    { body: '{"check":"image"}', want: { check: 'image' } },
    { body: '{"check":null}', want: { check: null } },
    { body: '{"answer":{"step":"pod-count"}}', want: undefined },
    { body: 'check', want: undefined },
  ];
  it.each(cases)('$body', ({ body, want }) => {
    expect(parseLabRequest(body)).toEqual(want);
  });
});

describe('labCommand', () => {
  it('answers with the verdict lines of a check', async () => {
    const answered: string[] = [];
    const grader = { answer: (step: string, text: string) => void answered.push(`${step}=${text}`), checkLines: async (step?: string) => [`checked ${step ?? 'all'}`] };
    expect(await labCommand(grader, 'POST', '{"answer":{"step":"a","text":"b"}}')).toEqual({ code: 200, body: { lines: [] } });
    expect(await labCommand(grader, 'POST', '{"check":null}')).toEqual({ code: 200, body: { lines: ['checked all'] } });
    expect(answered).toEqual(['a=b']);
  });

  it('says so when no lab is served', async () => {
    expect(await labCommand(undefined, 'POST', '{"check":null}')).toEqual({ code: 404, body: { message: 'no lab is served (start with --lab ID)' } });
  });
});
