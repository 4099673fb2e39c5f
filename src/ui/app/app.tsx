import { useEffect, useMemo, useRef, useState } from 'react';
import type { LabEntry, LabView } from '../../protocol/messages.ts';
import type { StepVerdict } from '../../labs/schema.ts';
import { WorkerClient } from '../../protocol/worker-client.ts';
import { ClockControls } from '../clock/clock-controls.tsx';
import { HomePage } from '../home/home-page.tsx';
import { LabPanel } from '../lab-panel/lab-panel.tsx';
import { LabLayout } from '../layout/lab-layout.tsx';
import { LabLock, type LabOwnership } from './lab-lock.ts';
import { createSessionWorker } from './session-worker-start.ts';
import { hashOf, lastVisit, rememberVisit, routeOf, type Route } from './route.ts';

declare global {
  interface Window {
    /** End-to-end tests only (`?test-hooks=1`): freezes the worker to exercise the watchdog. */
    ckaLabTest?: { freezeWorker(): void };
  }
}

const testHooks = new URLSearchParams(window.location.search).get('test-hooks') === '1';

const watchdog = {
  now: () => performance.now(),
  every: (ms: number, run: () => void) => {
    const timer = setInterval(run, ms);
    return () => clearInterval(timer);
  },
};

/** How long a worker may take to finish its last save before the lab goes to another tab anyway. */
const STOP_SAVES_LIMIT_MS = 3000;

/** Asks the worker to stop saving; resolves once its last save is written. */
function stopSaves(client: WorkerClient): Promise<void> {
  return new Promise((resolve) => {
    const id = client.nextId();
    const done = () => {
      unsubscribe();
      window.clearTimeout(timer);
      resolve();
    };
    const unsubscribe = client.subscribe((m) => {
      if (m.type === 'saves.stopped' && m.id === id) done();
    });
    const timer = window.setTimeout(done, STOP_SAVES_LIMIT_MS);
    client.send({ type: 'saves.stop', id });
  });
}

/** The header's lab picker: its values are `home`, `free-play` or a lab's id. */
const pickedRoute = (value: string): Route => (value === 'home' || value === 'free-play' ? { kind: value } : { kind: 'lab', id: value });

const lockName = (labId: string | undefined) => `cka-lab.lab.${labId ?? ':free-play'}`;

export function App() {
  const client = useMemo(() => {
    const created = new WorkerClient(createSessionWorker, { watchdog });
    if (testHooks) window.ckaLabTest = { freezeWorker: () => created.send({ type: 'test.freeze' }) };
    return created;
  }, []);
  const [labs, setLabs] = useState<LabEntry[] | undefined>();
  const [lab, setLab] = useState<LabView | undefined>();
  const [route, setRoute] = useState<Route>(() => routeOf(window.location.hash));
  const home = route.kind === 'home';
  const labId = route.kind === 'lab' ? route.id : undefined;
  const [notice, setNotice] = useState<string | undefined>();
  const [verdicts, setVerdicts] = useState<Record<string, StepVerdict>>({});
  const [reported, setScore] = useState<{ passed: number; total: number } | undefined>();
  const [reached, setReached] = useState<string | undefined>();
  const embed = new URLSearchParams(window.location.search).get('embed') === '1';
  /** Whether this tab has the lab (lab-lock.ts), for the lock of that name: a lab switch waits for its own lock. */
  const [owned, setOwned] = useState<{ name: string; ownership: LabOwnership; handedOver?: true }>({ name: '', ownership: 'pending' });
  const lock = useRef<LabLock | undefined>(undefined);
  const isOwner = owned.name === lockName(labId) && owned.ownership === 'owner';
  const elsewhere = owned.name === lockName(labId) && owned.ownership === 'elsewhere';

  useEffect(() => {
    const unsubscribe = client.subscribe((message) => {
      if (message.type === 'lab.list') setLabs(message.labs);
      if (message.type === 'session.ready') {
        setLab(message.lab);
        setVerdicts({});
        setScore(undefined);
        setReached(undefined);
      }
      if (message.type === 'lab.verdicts') {
        setVerdicts((old) => ({ ...old, ...Object.fromEntries(message.verdicts.map((v) => [v.stepId, v])) }));
        setScore(message.score);
        setReached(message.reached);
      }
      if (message.type === 'notice') setNotice(message.message);
    });
    const onHash = () => setRoute(routeOf(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => {
      unsubscribe();
      window.removeEventListener('hashchange', onHash);
    };
  }, [client]);

  useEffect(() => {
    rememberVisit(route);
    // Read again on each visit: the home page's scores change as the learner works in a lab.
    // Reading every lab takes the worker a while, so beside a session the picker's list waits for
    // its prompt (or for another tab to have the lab: then no session starts here).
    if (home || elsewhere) {
      client.send({ type: 'lab.list' });
      return;
    }
    const unsubscribe = client.subscribe((m) => {
      if (m.type !== 'session.ready') return;
      unsubscribe();
      client.send({ type: 'lab.list' });
    });
    return unsubscribe;
  }, [client, route, home, elsewhere]);

  useEffect(() => {
    const name = lockName(labId);
    // The home page runs no session: it takes no lab's lock.
    if (home) {
      setOwned({ name: '', ownership: 'pending' });
      return;
    }
    if (!('locks' in navigator) || typeof BroadcastChannel === 'undefined') {
      setOwned({ name, ownership: 'owner' });
      return;
    }
    const created = new LabLock(name, {
      locks: navigator.locks,
      channel: new BroadcastChannel('cka-lab.labs'),
      beforeRelease: () => stopSaves(client),
      onChange: (ownership) =>
        setOwned((old) => ({ name, ownership, ...(ownership === 'elsewhere' && old.name === name && old.ownership !== 'pending' ? { handedOver: true as const } : {}) })),
    });
    lock.current = created;
    created.start();
    // A watchdog restart starts the session again: a tab without the lab goes on not saving.
    const unsubscribe = client.subscribe((m) => {
      if (m.type === 'session.restarted' && created.ownership !== 'owner') void stopSaves(client);
    });
    return () => {
      unsubscribe();
      created.dispose();
    };
  }, [client, labId, home]);

  useEffect(() => {
    if (!isOwner || home) return;
    setNotice(undefined);
    client.send({ type: 'session.start', seed: Math.floor(Math.random() * 2 ** 31), startTimeMs: Date.now(), ...(labId ? { labId } : {}) });
  }, [client, labId, isOwner, home]);

  const score = lab ? (reported ?? { passed: 0, total: lab.steps.filter((s) => s.kind !== 'info').length }) : undefined;

  return (
    <div className={embed ? 'app embed' : 'app'}>
      <div className="app-header">
        <a className="app-home" href="#/" data-testid="home-link">
          cka-lab
        </a>
        <select aria-label="lab" value={route.kind === 'lab' ? route.id : route.kind} onChange={(e) => (window.location.hash = hashOf(pickedRoute(e.target.value)))}>
          <option value="home">Home: all labs</option>
          <option value="free-play">Free play (no lab)</option>
          {(labs ?? []).map((l) => (
            <option key={l.id} value={l.id}>
              {l.title}
            </option>
          ))}
        </select>
        {notice && !home && (
          <span className="notice" role="status">
            {notice}
          </span>
        )}
        {!home && (
          <span className="app-clock" inert={!isOwner}>
            <ClockControls client={client} />
          </span>
        )}
      </div>
      {home ? (
        <HomePage labs={labs} last={lastVisit()} />
      ) : (
        <>
          {elsewhere && (
            <div className="lab-elsewhere" role="alert" data-testid="lab-elsewhere">
              <span>
                {owned.handedOver
                  ? 'This lab is now open in another tab; this tab no longer saves your work.'
                  : 'This lab is open in another tab. Use it here, and the other tab stops saving.'}
              </span>
              <button data-testid="lab-use-here" onClick={() => lock.current?.takeOver()}>
                Use it here
              </button>
            </div>
          )}
          {/* Inert only once another tab has the lab: while the lock is pending, keys typed go to the terminal as typeahead. */}
          <div className={elsewhere ? 'app-body read-only' : 'app-body'} inert={elsewhere}>
            <LabLayout
              client={client}
              embed={embed}
              previews={lab?.previews ?? []}
              stepsLabel={lab && score ? `${lab.title}: ${score.passed} of ${score.total} passed` : ''}
              steps={
                lab ? (
                  <LabPanel
                    client={client}
                    lab={lab}
                    verdicts={verdicts}
                    score={score}
                    reached={reached}
                    onReset={() => {
                      // What the header said about the old save no longer applies.
                      setNotice(undefined);
                      client.send({ type: 'session.start', seed: Math.floor(Math.random() * 2 ** 31), startTimeMs: Date.now(), labId: lab.id, fresh: true });
                    }}
                  />
                ) : null
              }
            />
          </div>
        </>
      )}
    </div>
  );
}
