import { describe, expect, it } from 'vitest';
import { startOfflineApp, type OfflineState, type ServiceWorkerHost, type ServiceWorkerRegistrar } from './offline-app.ts';

type Listener = (event: { isUpdate?: boolean }) => void;

/** A service worker registration driven by the test: `fire` plays the browser's lifecycle events. */
function fakeWorkers(options: { supported?: boolean; activeAtStart?: boolean; refused?: boolean } = {}) {
  const listeners = new Map<string, Listener[]>();
  const log: string[] = [];
  const registrar = {
    addEventListener: (type: string, listener: Listener) => listeners.set(type, [...(listeners.get(type) ?? []), listener]),
    register: () => {
      log.push('register');
      return options.refused ? Promise.reject(new Error('SecurityError')) : Promise.resolve(options.activeAtStart ? { active: {} } : {});
    },
    messageSkipWaiting: () => log.push('skip waiting'),
  } as unknown as ServiceWorkerRegistrar;
  const host: ServiceWorkerHost = {
    register: (url) => {
      log.push(`at ${url}`);
      return options.supported === false ? undefined : registrar;
    },
    reload: () => log.push('reload'),
  };
  const fire = (type: string, event: { isUpdate?: boolean } = {}) => (listeners.get(type) ?? []).forEach((listener) => listener(event));
  return { host, fire, log };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('startOfflineApp', () => {
  it.each([
    { name: 'first visit: ready once the worker activates', events: [['activated', { isUpdate: false }]], expected: ['installing', 'ready'] },
    { name: 'a later visit: ready from the registration', activeAtStart: true, events: [], expected: ['installing', 'ready'] },
    { name: 'an update activating elsewhere says nothing new', activeAtStart: true, events: [['activated', { isUpdate: true }]], expected: ['installing', 'ready'] },
    { name: 'a newer build waits for the learner', activeAtStart: true, events: [['waiting', {}]], expected: ['installing', 'ready', 'update-waiting'] },
    { name: 'no service workers in this browser', supported: false, events: [], expected: ['unsupported'] },
    { name: 'registration refused', refused: true, events: [], expected: ['installing', 'unsupported'] },
  ] as const)('$name', async ({ events, expected, ...options }) => {
    const { host, fire } = fakeWorkers(options);
    const states: OfflineState[] = [];
    startOfflineApp(host, '/sw.js', (state) => states.push(state));
    await settle();
    for (const [type, event] of events) fire(type, event);
    expect(states.map((s) => s.kind)).toEqual(expected);
  });

  it('applies a waiting build by activating it, then reloads once it controls the page', async () => {
    const { host, fire, log } = fakeWorkers({ activeAtStart: true });
    let latest: OfflineState | undefined;
    startOfflineApp(host, '/base/sw.js', (state) => (latest = state));
    await settle();
    fire('waiting');
    if (latest?.kind !== 'update-waiting') throw new Error(`no update offered: ${latest?.kind}`);
    latest.apply();
    expect(log).toEqual(['at /base/sw.js', 'register', 'skip waiting']);
    fire('controlling');
    expect(log).toEqual(['at /base/sw.js', 'register', 'skip waiting', 'reload']);
  });
});
