import { describe, expect, it } from 'vitest';
import { labAction, progressText } from './lab-progress.ts';

describe('a lab card’s score', () => {
  const cases = [
    { name: 'a lab never saved is not started', lab: { graded: 7 }, text: 'Not started', action: 'Start' },
    { name: 'a lab saved with nothing passed yet is under way', lab: { graded: 7, passed: 0 }, text: '0 of 7 passed', action: 'Continue' },
    { name: 'some steps passed', lab: { graded: 7, passed: 3 }, text: '3 of 7 passed', action: 'Continue' },
    { name: 'every graded step passed', lab: { graded: 7, passed: 7 }, text: 'Completed: 7 of 7', action: 'Review' },
  ];
  it.each(cases)('$name', ({ lab, text, action }) => {
    expect(progressText(lab)).toBe(text);
    expect(labAction(lab)).toBe(action);
  });
});
