/**
 * The page's session, started by main.tsx before the app's chunk loads: the worker builds the
 * cluster of the route in the URL (or reads the labs for the home page) while React loads and
 * renders, instead of after. Its events are held until the app's views have subscribed, and the
 * app adopts the lab's lock and the session started here rather than starting their own.
 */
import { WorkerClient } from '../../protocol/worker-client.ts';
import { LabLock, type LabOwnership } from './lab-lock.ts';
import { routeOf } from './route.ts';
import { createSessionWorker } from './session-worker-start.ts';
import { stopSaves } from './stop-saves.ts';

declare global {
  interface Window {
    /** End-to-end tests only (`?test-hooks=1`): freezes the worker to exercise the watchdog. */
    ckaLabTest?: { freezeWorker(): void };
  }
}

const watchdog = {
  now: () => performance.now(),
  every: (ms: number, run: () => void) => {
    const timer = setInterval(run, ms);
    return () => clearInterval(timer);
  },
};

export const lockName = (labId: string | undefined) => `cka-lab.lab.${labId ?? ':free-play'}`;

/** Starts a session of a lab (or free play) at a random seed, its clock at the real time. */
export function startSession(client: WorkerClient, labId: string | undefined): void {
  client.send({ type: 'session.start', seed: Math.floor(Math.random() * 2 ** 31), startTimeMs: Date.now(), ...(labId ? { labId } : {}) });
}

/** This tab's claim on a lab's save (lab-lock.ts), started; none where the browser has no Web Locks. */
export function openLabLock(name: string, client: WorkerClient, onChange: (ownership: LabOwnership) => void): LabLock | undefined {
  if (!('locks' in navigator) || typeof BroadcastChannel === 'undefined') return undefined;
  const lock = new LabLock(name, { locks: navigator.locks, channel: new BroadcastChannel('cka-lab.labs'), beforeRelease: () => stopSaves(client), onChange });
  lock.start();
  return lock;
}

export interface EarlySession {
  readonly client: WorkerClient;
  /** The lock taken for the first route's lab, once and by that name; a lock of another name is let go. */
  adoptLock(name: string, onChange: (ownership: LabOwnership) => void): LabLock | undefined;
  /** Whether the session of this lock's lab was started here (once: later starts are the app's). */
  takeStarted(name: string): boolean;
  /** Whether the lab list was asked for here (once). */
  takeListed(): boolean;
}

export function startEarlySession(): EarlySession {
  const client = new WorkerClient(createSessionWorker, { watchdog });
  client.hold();
  if (new URLSearchParams(window.location.search).get('test-hooks') === '1') window.ckaLabTest = { freezeWorker: () => client.send({ type: 'test.freeze' }) };
  const route = routeOf(window.location.hash);
  let listed = false;
  let started: string | undefined;
  let adopted = false;
  let forward: ((ownership: LabOwnership) => void) | undefined;
  let lock: LabLock | undefined;
  if (route.kind === 'home') {
    client.send({ type: 'lab.list' });
    listed = true;
  } else {
    const labId = route.kind === 'lab' ? route.id : undefined;
    const name = lockName(labId);
    // Until the app adopts the lock, this side starts the session once the tab has the lab.
    const onChange = (ownership: LabOwnership) => {
      if (!adopted && ownership === 'owner' && started === undefined) {
        started = name;
        startSession(client, labId);
      }
      forward?.(ownership);
    };
    lock = openLabLock(name, client, onChange);
    if (!lock) onChange('owner');
  }
  return {
    client,
    adoptLock(name, onChange) {
      const mine = lock;
      lock = undefined;
      adopted = true;
      if (mine && mine.name !== name) {
        mine.dispose();
        return undefined;
      }
      forward = onChange;
      return mine;
    },
    takeStarted(name) {
      const was = started === name;
      started = undefined;
      return was;
    },
    takeListed() {
      const was = listed;
      listed = false;
      return was;
    },
  };
}
