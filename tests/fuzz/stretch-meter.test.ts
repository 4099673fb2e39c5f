import { setImmediate } from 'node:timers';
import { describe, expect, it } from 'vitest';
import { StretchMeter, cpuNowMs } from './stretch-meter.ts';

/** Keeps the thread busy for `ms` of CPU time (real time would count other processes' turns). */
function spin(ms: number): void {
  const start = cpuNowMs();
  while (cpuNowMs() - start < ms);
}

describe('StretchMeter', () => {
  const cases: { name: string; run: (meter: StretchMeter, yieldToHost: () => Promise<void>) => Promise<void>; atLeast?: number; below?: number }[] = [
    {
      name: 'a line that never yields reads as long as it ran',
      run: async () => spin(60),
      atLeast: 60,
    },
    {
      name: 'work done after a yield is asked for, before the host answers, counts',
      run: async (_meter, yieldToHost) => {
        const turn = yieldToHost();
        spin(60);
        await turn;
      },
      atLeast: 60,
    },
    {
      name: 'the stretch from the last turn to the end counts',
      run: async (_meter, yieldToHost) => {
        for (let i = 0; i < 20; i++) await yieldToHost();
        spin(60);
      },
      atLeast: 60,
    },
    {
      name: 'a line that yields every 2 ms reads a short stretch',
      run: async (_meter, yieldToHost) => {
        for (let i = 0; i < 60; i++) {
          spin(2);
          await yieldToHost();
        }
      },
      below: 10,
    },
  ];
  it.each(cases)('$name', async ({ run, atLeast, below }) => {
    const meter = new StretchMeter();
    const yieldToHost = meter.yieldToHost(setImmediate);
    meter.reset();
    await run(meter, yieldToHost);
    meter.finish();
    if (atLeast !== undefined) expect(meter.longest()).toBeGreaterThanOrEqual(atLeast);
    if (below !== undefined) expect(meter.longest()).toBeLessThan(below);
  });
});
