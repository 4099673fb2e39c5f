import { describe, expect, it } from 'vitest';
import type { FromWorker } from '../protocol/messages.ts';
import { RawKeysBridge } from './raw-keys.ts';

describe('RawKeysBridge', () => {
  it('tells the page when a program takes the keys and when it gives them back', () => {
    const posted: FromWorker[] = [];
    const bridge = new RawKeysBridge((message) => posted.push(message));
    const typed: string[] = [];
    const keys = bridge.open();
    keys.onData((data) => typed.push(data));
    bridge.press('j');
    keys.release();
    bridge.press('k');
    expect({ posted, typed, held: bridge.held }).toEqual({
      posted: [
        { type: 'terminal.raw', raw: true },
        { type: 'terminal.raw', raw: false },
      ],
      typed: ['j'],
      held: false,
    });
  });

  it('gives keys to the program that took them last until it lets go', () => {
    const posted: FromWorker[] = [];
    const bridge = new RawKeysBridge((message) => posted.push(message));
    const outer: string[] = [];
    const inner: string[] = [];
    const first = bridge.open();
    first.onData((data) => outer.push(data));
    const second = bridge.open();
    second.onData((data) => inner.push(data));
    bridge.press('a');
    second.release();
    bridge.press('b');
    first.release();
    expect({ outer, inner, raw: posted.filter((m) => m.type === 'terminal.raw').length }).toEqual({ outer: ['b'], inner: ['a'], raw: 2 });
  });

  it('lets go of everything for a new session', () => {
    const posted: FromWorker[] = [];
    const bridge = new RawKeysBridge((message) => posted.push(message));
    bridge.open();
    bridge.reset();
    expect({ held: bridge.held, last: posted.at(-1) }).toEqual({ held: false, last: { type: 'terminal.raw', raw: false } });
  });
});
