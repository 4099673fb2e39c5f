import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ToWorker } from '../../protocol/messages.ts';
import type { LabOwnership } from './lab-lock.ts';
import type { EarlySession } from './early-session.ts';
import { FakeLocks } from './testing/fake-tabs.ts';

/** Lets the lock requests and the opening tab's wait run. */
const settle = (ms = 40) => new Promise((resolve) => setTimeout(resolve, ms));

class FakeWorker {
  static sent: ToWorker[] = [];
  postMessage(message: ToWorker): void {
    FakeWorker.sent.push(message);
  }
  addEventListener(): void {}
  terminate(): void {}
}

class FakeChannel {
  postMessage(): void {}
  addEventListener(): void {}
  close(): void {}
}

const started: EarlySession[] = [];

/** Loads the page's entry part at `hash`, in a browser with these Web Locks (none: an old browser). */
async function boot(hash: string, locks?: FakeLocks): Promise<EarlySession> {
  FakeWorker.sent = [];
  vi.resetModules();
  vi.stubGlobal('window', { location: { hash, search: '' } });
  vi.stubGlobal('navigator', locks ? { locks } : {});
  vi.stubGlobal('BroadcastChannel', FakeChannel);
  vi.stubGlobal('Worker', FakeWorker);
  const { startEarlySession } = await import('./early-session.ts');
  const early = startEarlySession();
  started.push(early);
  return early;
}

const sentTypes = () => FakeWorker.sent.filter((m) => m.type !== 'ping').map((m) => (m.type === 'session.start' ? `session.start ${m.labId ?? '(free play)'}` : m.type));

afterEach(() => {
  for (const early of started.splice(0)) early.client.dispose();
  vi.unstubAllGlobals();
});

describe('startEarlySession', () => {
  it.each([
    { name: 'the home page asks for the labs and starts no session', hash: '#/', sent: ['lab.list'], listed: true, startedFor: undefined },
    { name: 'free play starts its session once the tab has it', hash: '#/free-play', sent: ['session.start (free play)'], listed: false, startedFor: 'cka-lab.lab.:free-play' },
    {
      name: 'a lab starts its session once the tab has it',
      hash: '#/labs/rolling-updates',
      sent: ['session.start rolling-updates'],
      listed: false,
      startedFor: 'cka-lab.lab.rolling-updates',
    },
  ])('$name', async ({ hash, sent, listed, startedFor }) => {
    const early = await boot(hash, new FakeLocks());
    await settle();
    expect(sentTypes()).toEqual(sent);
    expect(early.takeListed()).toBe(listed);
    expect(early.takeListed()).toBe(false);
    if (startedFor) {
      expect(early.takeStarted(startedFor)).toBe(true);
      // Later starts (Use it here, a lab switched back to) are the app's.
      expect(early.takeStarted(startedFor)).toBe(false);
    }
  });

  it('starts the session at once in a browser without Web Locks', async () => {
    const early = await boot('#/labs/rolling-updates');
    expect(sentTypes()).toEqual(['session.start rolling-updates']);
    expect(early.adoptLock('cka-lab.lab.rolling-updates', () => undefined)).toBeUndefined();
    expect(early.takeStarted('cka-lab.lab.rolling-updates')).toBe(true);
  });

  it('starts nothing on a lab another tab holds, and hands the app the lock with what it learns', async () => {
    const locks = new FakeLocks();
    let release: () => void = () => undefined;
    void locks.request('cka-lab.lab.rolling-updates', {}, () => new Promise<void>((resolve) => (release = resolve)));
    const early = await boot('#/labs/rolling-updates', locks);
    const seen: LabOwnership[] = [];
    const lock = early.adoptLock('cka-lab.lab.rolling-updates', (ownership) => seen.push(ownership));
    expect(lock?.ownership).toBe('pending');
    await settle(1700);
    expect(seen).toEqual(['elsewhere']);
    expect(sentTypes()).toEqual([]);
    expect(early.takeStarted('cka-lab.lab.rolling-updates')).toBe(false);
    release();
    lock?.dispose();
  });

  it('lets go of the lock when the app opens on another route', async () => {
    const locks = new FakeLocks();
    const early = await boot('#/labs/rolling-updates', locks);
    await settle();
    expect(early.adoptLock('cka-lab.lab.other', () => undefined)).toBeUndefined();
    await settle();
    expect((await locks.query()).held).toEqual([]);
  });
});
