import { describe, expect, it } from 'vitest';
import { stepTitle } from './step-title.ts';

const cases: { name: string; prompt: string; maxChars?: number; title: { kind: string; text: string }[] }[] = [
  { name: 'the first sentence only', prompt: 'Check the pods. Then the services.', title: [{ kind: 'text', text: 'Check the pods.' }] },
  {
    name: 'code kept as code',
    prompt: 'Run `./curl-test.sh` now. More.',
    title: [
      { kind: 'text', text: 'Run ' },
      { kind: 'code', text: './curl-test.sh' },
      { kind: 'text', text: ' now.' },
    ],
  },
  {
    name: 'a full stop inside code does not end the sentence',
    prompt: 'Open `a. b` please. Next.',
    title: [
      { kind: 'text', text: 'Open ' },
      { kind: 'code', text: 'a. b' },
      { kind: 'text', text: ' please.' },
    ],
  },
  {
    name: 'a cut inside code leaves no backtick',
    prompt: 'Set the image to `kodekloud/webapp-color:v2` on it.',
    maxChars: 24,
    title: [
      { kind: 'text', text: 'Set the image to ' },
      { kind: 'code', text: 'kodekl' },
      { kind: 'text', text: '…' },
    ],
  },
  { name: 'an unclosed backtick stays text', prompt: 'Use ` carefully.', title: [{ kind: 'text', text: 'Use ` carefully.' }] },
];

describe('stepTitle', () => {
  it.each(cases)('$name', ({ prompt, maxChars, title }) => {
    expect(stepTitle(prompt, maxChars)).toEqual(title);
  });
});
