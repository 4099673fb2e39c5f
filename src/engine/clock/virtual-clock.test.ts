import { describe, expect, it } from 'vitest';
import { VirtualClock } from './virtual-clock.ts';
import { TimePump } from './time-pump.ts';

const hostTick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('VirtualClock', () => {
  it('runs timers in time order, then in scheduling order at the same instant', () => {
    const clock = new VirtualClock(0);
    const ran: string[] = [];
    clock.schedule(20, () => ran.push('b'));
    clock.schedule(10, () => ran.push('a'));
    clock.schedule(20, () => ran.push('c'));
    clock.advance(15);
    expect(ran).toEqual(['a']);
    expect(clock.now()).toBe(15);
    clock.advance(5);
    expect(ran).toEqual(['a', 'b', 'c']);
  });

  it('does not run a cancelled timer', () => {
    const clock = new VirtualClock(0);
    const ran: number[] = [];
    const id = clock.schedule(5, () => ran.push(1));
    clock.cancel(id);
    clock.advance(10);
    expect(ran).toEqual([]);
  });
});

describe('TimePump', () => {
  it('lets an async loop that sleeps run at every virtual second', async () => {
    const clock = new VirtualClock(0);
    const pump = new TimePump(clock, hostTick);
    const seen: number[] = [];
    void (async () => {
      for (let i = 0; i < 5; i++) {
        seen.push(clock.now());
        await clock.sleep(1000);
      }
    })();
    await pump.advance(3500);
    expect(seen).toEqual([0, 1000, 2000, 3000]);
  });

  it('stops at the budget when the work never finishes', async () => {
    const clock = new VirtualClock(0);
    const pump = new TimePump(clock, hostTick);
    const done = await pump.runUntil(() => false, 60_000);
    expect(done).toBe(false);
    expect(clock.now()).toBe(60_000);
  });

  it('hands the host a turn each time a slice of work at one instant is used up', async () => {
    const clock = new VirtualClock(0);
    let hostMs = 0;
    const turnsAtTimer: number[] = [];
    let ran = 0;
    const pump = new TimePump(clock, () => hostTick().then(() => void turnsAtTimer.push(ran)), { elapsedMs: () => hostMs, sliceMs: 25 });
    for (let i = 0; i < 10; i++)
      clock.schedule(0, () => {
        ran++;
        hostMs += 10;
      });
    await pump.settle();
    expect(turnsAtTimer).toEqual([3, 6, 9, 10]);
  });
});
