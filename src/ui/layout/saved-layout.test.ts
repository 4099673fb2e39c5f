import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYOUT, dockBesidePx, dockPlacement, readLayout, stepsWidthPx } from './saved-layout.ts';

describe('readLayout', () => {
  const cases = [
    { name: 'nothing stored gives the defaults', text: null, want: DEFAULT_LAYOUT },
    { name: 'text that is not JSON gives the defaults', text: '{oops', want: DEFAULT_LAYOUT },
    {
      name: 'a sound layout is kept',
      text: JSON.stringify({ stepsPx: 300, dockPercent: 60, dockOpen: true, dockPane: 'rollout' }),
      want: { stepsPx: 300, dockPercent: 60, dockOpen: true, dockPane: 'rollout' },
    },
    {
      name: 'sizes out of range are brought into it',
      text: JSON.stringify({ stepsPx: 5000, dockPercent: 1, dockOpen: true, dockPane: 'editor' }),
      want: { stepsPx: 640, dockPercent: 20, dockOpen: true, dockPane: 'editor' },
    },
    {
      name: 'fields of the wrong type or an unknown pane fall back one by one',
      text: JSON.stringify({ stepsPx: '300', dockPercent: 50, dockOpen: 'yes', dockPane: 'terminal' }),
      want: { ...DEFAULT_LAYOUT, dockPercent: 50 },
    },
  ];
  it.each(cases)('$name', ({ text, want }) => expect(readLayout(text)).toEqual(want));
});

describe('placing the dock', () => {
  const cases = [
    { name: 'beside the terminal when both fit', work: 1500, want: 'beside', dockPx: 675 },
    { name: 'below the terminal at 1280 pixels with the steps open', work: 900, want: 'below', dockPx: 196 },
    { name: 'never narrowing the terminal under its minimum', work: 1100, want: 'beside', dockPx: 396 },
  ];
  it.each(cases)('$name', ({ work, want, dockPx }) => {
    expect(dockPlacement(work, 704, 380)).toBe(want);
    expect(dockBesidePx(work, 45, 704)).toBe(dockPx);
  });
});

describe('stepsWidthPx', () => {
  const cases = [
    { name: "keeps the learner's width where it fits", page: 1920, steps: 400, want: 400 },
    { name: 'gives way to the terminal on a narrower page', page: 1000, steps: 400, want: 296 },
    { name: 'never narrower than its minimum', page: 700, steps: 400, want: 240 },
  ];
  it.each(cases)('$name', ({ page, steps, want }) => expect(stepsWidthPx(page, steps, 704)).toBe(want));
});
