import { useEffect, useMemo, useState } from 'react';
import type { LabSummary, LabView } from '../../protocol/messages.ts';
import type { StepVerdict } from '../../labs/schema.ts';
import { WorkerClient } from '../../protocol/worker-client.ts';
import { ClockControls } from '../clock/clock-controls.tsx';
import { EditorPane } from '../editor/editor-pane.tsx';
import { LabPanel } from '../lab-panel/lab-panel.tsx';
import { TerminalPane } from '../terminal/terminal-pane.tsx';

declare global {
  interface Window {
    /** End-to-end tests only (`?test-hooks=1`): freezes the worker to exercise the watchdog. */
    ckaLabTest?: { freezeWorker(): void };
  }
}

const testHooks = new URLSearchParams(window.location.search).get('test-hooks') === '1';

// Vite bundles a worker only from a literal `new Worker(new URL(…), {static options})`.
const createWorker = () =>
  testHooks
    ? new Worker(new URL('../../worker/session-worker.ts', import.meta.url), { type: 'module', name: 'session test-hooks' })
    : new Worker(new URL('../../worker/session-worker.ts', import.meta.url), { type: 'module', name: 'session' });

const watchdog = {
  now: () => performance.now(),
  every: (ms: number, run: () => void) => {
    const timer = setInterval(run, ms);
    return () => clearInterval(timer);
  },
};

function labFromHash(): string | undefined {
  return /^#\/labs\/([a-z0-9-]+)/.exec(window.location.hash)?.[1];
}

export function App() {
  const client = useMemo(() => {
    const created = new WorkerClient(createWorker, { watchdog });
    if (testHooks) window.ckaLabTest = { freezeWorker: () => created.send({ type: 'test.freeze' }) };
    return created;
  }, []);
  const [labs, setLabs] = useState<LabSummary[]>([]);
  const [lab, setLab] = useState<LabView | undefined>();
  const [labId, setLabId] = useState<string | undefined>(labFromHash());
  const [notice, setNotice] = useState<string | undefined>();
  const [verdicts, setVerdicts] = useState<Record<string, StepVerdict>>({});
  const [score, setScore] = useState<{ passed: number; total: number } | undefined>();
  const [reached, setReached] = useState<string | undefined>();
  const embed = new URLSearchParams(window.location.search).get('embed') === '1';

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
    client.send({ type: 'lab.list' });
    const onHash = () => setLabId(labFromHash());
    window.addEventListener('hashchange', onHash);
    return () => {
      unsubscribe();
      window.removeEventListener('hashchange', onHash);
    };
  }, [client]);

  useEffect(() => {
    setNotice(undefined);
    client.send({ type: 'session.start', seed: Math.floor(Math.random() * 2 ** 31), startTimeMs: Date.now(), ...(labId ? { labId } : {}) });
  }, [client, labId]);

  return (
    <div className={embed ? 'app embed' : 'app'}>
      <div className="app-header">
        <span>cka-lab — controlplane</span>
        <select aria-label="lab" value={labId ?? ''} onChange={(e) => (window.location.hash = e.target.value ? `#/labs/${e.target.value}` : '')}>
          <option value="">Free play (no lab)</option>
          {labs.map((l) => (
            <option key={l.id} value={l.id}>
              {l.title}
            </option>
          ))}
        </select>
        {notice && (
          <span className="notice" role="status">
            {notice}
          </span>
        )}
        <ClockControls client={client} />
      </div>
      <div className="app-body">
        <TerminalPane client={client} />
        <EditorPane client={client} />
        {lab && (
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
        )}
      </div>
    </div>
  );
}
