import { describe, expect, it } from 'vitest';
import { focusShortcut, nextFocusArea, type FocusArea } from './focus-areas.ts';

describe('nextFocusArea', () => {
  const all: FocusArea[] = ['terminal', 'editor', 'steps'];
  it.each([
    { name: 'terminal to editor', current: 'terminal', step: 1, shown: all, expected: 'editor' },
    { name: 'editor to steps', current: 'editor', step: 1, shown: all, expected: 'steps' },
    { name: 'steps back round to the terminal', current: 'steps', step: 1, shown: all, expected: 'terminal' },
    { name: 'backwards from the terminal to the steps', current: 'terminal', step: -1, shown: all, expected: 'steps' },
    { name: 'from outside the areas: the first', current: undefined, step: 1, shown: all, expected: 'terminal' },
    { name: 'from outside the areas, backwards: the last', current: undefined, step: -1, shown: all, expected: 'steps' },
    { name: 'free play has no steps', current: 'editor', step: 1, shown: ['terminal', 'editor'], expected: 'terminal' },
    { name: 'nothing shown', current: 'terminal', step: 1, shown: [], expected: undefined },
  ] as const)('$name', ({ current, step, shown, expected }) => {
    expect(nextFocusArea(current, step, shown)).toBe(expected);
  });
});

describe('focusShortcut', () => {
  const key = { code: 'KeyO', ctrlKey: true, altKey: true, metaKey: false, shiftKey: false, altGraph: false };
  it.each([
    { name: 'Ctrl+Alt+O goes forward', event: key, expected: 1 },
    { name: 'Ctrl+Alt+Shift+O goes back', event: { ...key, shiftKey: true }, expected: -1 },
    { name: 'AltGr+O types its letter', event: { ...key, altGraph: true }, expected: undefined },
    { name: "Alt+O alone is readline's", event: { ...key, ctrlKey: false }, expected: undefined },
    { name: 'another letter', event: { ...key, code: 'KeyP' }, expected: undefined },
  ])('$name', ({ event, expected }) => {
    expect(focusShortcut(event)).toBe(expected);
  });
});
