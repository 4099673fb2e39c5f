import { describe, expect, it } from 'vitest';
import { TimePump } from '../engine/clock/time-pump.ts';
import { VirtualClock } from '../engine/clock/virtual-clock.ts';
import { ClockDriver, type RealTime } from './clock-driver.ts';

/** Real time stepped by the test; `tick` runs what a real interval would have run. */
function fakeRealTime() {
  let nowMs = 1000.4;
  const runs: (() => void)[] = [];
  const realTime: RealTime = { nowMs: () => nowMs, every: (_ms, run) => (runs.push(run), () => runs.splice(0)) };
  return { realTime, pass: (ms: number) => (nowMs += ms), tick: () => runs.forEach((run) => run()) };
}

const yieldToHost = () => new Promise<void>((resolve) => setImmediate(resolve));

async function setup() {
  const clock = new VirtualClock(5_000);
  const fake = fakeRealTime();
  const driver = new ClockDriver(new TimePump(clock, yieldToHost), { realTime: fake.realTime });
  driver.start();
  return { clock, fake, driver };
}

describe('ClockDriver', () => {
  it('moves virtual time with real time, in whole milliseconds', async () => {
    const { clock, fake, driver } = await setup();
    fake.pass(250.7);
    fake.tick();
    await driver.settle();
    expect(clock.now()).toBe(5_250);
    await driver.stop();
  });

  it('holds time while paused and steps it by exact amounts', async () => {
    const { clock, fake, driver } = await setup();
    await driver.pause();
    fake.pass(10_000);
    fake.tick();
    await driver.settle();
    expect(clock.now()).toBe(5_000);
    await driver.advance(1_500);
    expect(clock.now()).toBe(6_500);
    await driver.stop();
  });

  it('goes on from where it was paused once resumed', async () => {
    const { clock, fake, driver } = await setup();
    await driver.pause();
    fake.pass(10_000);
    await driver.resume();
    fake.pass(100);
    fake.tick();
    await driver.settle();
    expect(clock.now()).toBe(5_100);
    await driver.stop();
  });

  it('runs the timers that fall due on the way', async () => {
    const { clock, fake, driver } = await setup();
    const ran: number[] = [];
    clock.schedule(30, () => ran.push(clock.now()));
    fake.pass(100);
    fake.tick();
    await driver.settle();
    expect(ran).toEqual([5_030]);
    await driver.stop();
  });
});
