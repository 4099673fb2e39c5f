import { useEffect, useRef, useState } from 'react';
import type { LabEntry, LabView } from '../../protocol/messages.ts';
import type { StepVerdict } from '../../labs/schema.ts';
import { ClockControls } from '../clock/clock-controls.tsx';
import { HomePage } from '../home/home-page.tsx';
import { LabPanel } from '../lab-panel/lab-panel.tsx';
import { LabLayout } from '../layout/lab-layout.tsx';
import type { LabLock, LabOwnership } from './lab-lock.ts';
import { lockName, openLabLock, startSession, type EarlySession } from './early-session.ts';
import { stopSaves } from './stop-saves.ts';
import { hashOf, lastVisit, rememberVisit, routeOf, type Route } from './route.ts';

/** The header's lab picker: its values are `home`, `free-play` or a lab's id. */
const pickedRoute = (value: string): Route => (value === 'home' || value === 'free-play' ? { kind: value } : { kind: 'lab', id: value });

/** The page's frame around the session `early` started (early-session.ts). */
export function App({ early }: { early: EarlySession }) {
  const client = early.client;
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
      if (!early.takeListed()) client.send({ type: 'lab.list' });
      return;
    }
    const unsubscribe = client.subscribe((m) => {
      if (m.type !== 'session.ready') return;
      unsubscribe();
      client.send({ type: 'lab.list' });
    });
    return unsubscribe;
  }, [client, early, route, home, elsewhere]);

  useEffect(() => {
    const name = lockName(labId);
    // The home page runs no session: it takes no lab's lock.
    if (home) {
      setOwned({ name: '', ownership: 'pending' });
      return;
    }
    const onChange = (ownership: LabOwnership) =>
      setOwned((old) => ({ name, ownership, ...(ownership === 'elsewhere' && old.name === name && old.ownership !== 'pending' ? { handedOver: true as const } : {}) }));
    const adopted = early.adoptLock(name, onChange);
    const created = adopted ?? openLabLock(name, client, onChange);
    if (!created) {
      setOwned({ name, ownership: 'owner' });
      return;
    }
    if (adopted) onChange(adopted.ownership);
    lock.current = created;
    // A watchdog restart starts the session again: a tab without the lab goes on not saving.
    const unsubscribe = client.subscribe((m) => {
      if (m.type === 'session.restarted' && created.ownership !== 'owner') void stopSaves(client);
    });
    return () => {
      unsubscribe();
      created.dispose();
    };
  }, [client, early, labId, home]);

  useEffect(() => {
    if (!isOwner || home) return;
    setNotice(undefined);
    if (!early.takeStarted(lockName(labId))) startSession(client, labId);
  }, [client, early, labId, isOwner, home]);

  // Last, once every view of the first render has subscribed: what the early session said so far reaches them.
  useEffect(() => client.release(), [client]);

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
