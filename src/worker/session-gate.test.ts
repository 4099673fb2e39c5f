import { describe, expect, it } from 'vitest';
import { SessionGate } from './session-gate.ts';

/** Lets every pending promise reaction run. */
const drain = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('SessionGate', () => {
  it('holds a command typed at the early prompt until the session has booted', async () => {
    const gate = new SessionGate();
    const events: string[] = [];
    const boot = gate.begin();
    void gate.settled().then(() => events.push('command runs'));
    await drain();
    events.push('lab set up');
    boot.end();
    await drain();
    expect({ events, booting: gate.isBooting }).toEqual({ events: ['lab set up', 'command runs'], booting: false });
  });

  it('hands over waiting messages in the order they came', async () => {
    const gate = new SessionGate();
    const events: string[] = [];
    const boot = gate.begin();
    // As serve-session.ts: a line, then the Ctrl-C pressed while it waited.
    void gate.settled().then(() => events.push('shell.run'));
    void gate.settled().then(() => events.push('shell.interrupt'));
    boot.end();
    await drain();
    expect(events).toEqual(['shell.run', 'shell.interrupt']);
  });

  it('makes what waited for a replaced session wait for the new one', async () => {
    const gate = new SessionGate();
    const events: string[] = [];
    const first = gate.begin();
    void gate.booted().then(() => events.push('waited'));
    const second = gate.begin();
    await drain();
    const early = [...events];
    // The replaced start ending late changes nothing.
    first.end();
    await drain();
    const afterFirst = [...events];
    second.end();
    await drain();
    expect({ early, afterFirst, events, current: [first.current, second.current] }).toEqual({
      early: [],
      afterFirst: [],
      events: ['waited'],
      current: [false, true],
    });
  });

  it('waits for the cluster to catch up with the last command, then lets the next one run', async () => {
    const gate = new SessionGate();
    const events: string[] = [];
    let settle!: () => void;
    gate.catchUp(() => new Promise<void>((resolve) => (settle = resolve)));
    void gate.settled().then(() => events.push('next command'));
    await drain();
    const catchingUp = gate.isCatchingUp;
    events.push('settled');
    settle();
    await drain();
    expect({ events, catchingUp, after: gate.isCatchingUp }).toEqual({ events: ['settled', 'next command'], catchingUp: true, after: false });
  });

  it('forgets the replaced session catching up', async () => {
    const gate = new SessionGate();
    gate.catchUp(() => new Promise<void>(() => undefined));
    gate.begin().end();
    let ran = false;
    void gate.settled().then(() => (ran = true));
    await drain();
    expect(ran).toBe(true);
  });
});
