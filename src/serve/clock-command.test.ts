import { describe, expect, it } from 'vitest';
import { parseClockRequest } from './clock-command.ts';

describe('parseClockRequest', () => {
  const cases = [
    { body: '{"pause":true}', want: { pause: true } },
    { body: '{"resume":true}', want: { resume: true } },
    { body: '{"advanceMs":1500}', want: { advanceMs: 1500 } },
    { body: '{"advanceMs":-1}', want: undefined },
    { body: '{"pause":"yes"}', want: undefined },
    { body: 'pause', want: undefined },
  ];
  it.each(cases)('$body', ({ body, want }) => {
    expect(parseClockRequest(body)).toEqual(want);
  });
});
