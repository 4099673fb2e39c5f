import { describe, expect, it } from 'vitest';
import { LabLock, type LabOwnership } from './lab-lock.ts';
import { FakeChannels, FakeLocks } from './testing/fake-tabs.ts';

/** Lets queued microtasks, promise chains and the opening tab's wait run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 40));

function browser(busyMs = 0) {
  const locks = new FakeLocks(busyMs);
  const channels = new FakeChannels();
  const events: string[] = [];
  const tab = (name: string, lab = 'cka-lab.lab.rolling-updates') => {
    const seen: LabOwnership[] = [];
    const lock = new LabLock(lab, {
      locks,
      channel: channels.open(),
      beforeRelease: async () => {
        events.push(`${name} stops saving`);
      },
      startWaitMs: 20,
      onChange: (ownership) => {
        seen.push(ownership);
        events.push(`${name} ${ownership}`);
      },
    });
    lock.start();
    return { lock, seen };
  };
  return { tab, events };
}

describe('LabLock', () => {
  it('gives the lab to the first tab and tells the second it is open elsewhere', async () => {
    const { tab, events } = browser();
    tab('first');
    await settle();
    tab('second');
    await settle();
    expect(events).toEqual(['first owner', 'second elsewhere']);
  });

  it('hands the lab over on "use it here": the holder stops saving before the other takes it', async () => {
    const { tab, events } = browser();
    const first = tab('first');
    await settle();
    const second = tab('second');
    await settle();
    second.lock.takeOver();
    await settle();
    await settle();
    expect(events).toEqual(['first owner', 'second elsewhere', 'second pending', 'first stops saving', 'first elsewhere', 'second owner']);
    expect([first.lock.ownership, second.lock.ownership]).toEqual(['elsewhere', 'owner']);
  });

  it('lets the first tab take the lab back', async () => {
    const { tab } = browser();
    const first = tab('first');
    await settle();
    const second = tab('second');
    await settle();
    second.lock.takeOver();
    await settle();
    first.lock.takeOver();
    await settle();
    await settle();
    expect([first.lock.ownership, second.lock.ownership]).toEqual(['owner', 'elsewhere']);
  });

  it('gives the lab to a reloaded tab whose old page lets it go a moment after the new one asks', async () => {
    const { tab } = browser();
    const old = tab('old page');
    await settle();
    const reloaded = tab('reloaded page');
    old.lock.dispose();
    await settle();
    expect(reloaded.seen).toEqual(['owner']);
  });

  it('gives a lab freed by a closed tab to the next tab opened on it', async () => {
    const { tab } = browser();
    const first = tab('first');
    await settle();
    first.lock.dispose();
    await settle();
    const second = tab('second');
    await settle();
    expect(second.lock.ownership).toBe('owner');
  });

  it('takes a free lab that a busy browser grants after the wait', async () => {
    const { tab, events } = browser(30);
    tab('only');
    await settle();
    await settle();
    expect(events).toEqual(['only owner']);
  });

  it('keeps tabs on different labs apart', async () => {
    const { tab } = browser();
    const first = tab('first', 'cka-lab.lab.canary');
    const second = tab('second', 'cka-lab.lab.secrets');
    await settle();
    expect([first.lock.ownership, second.lock.ownership]).toEqual(['owner', 'owner']);
  });
});
