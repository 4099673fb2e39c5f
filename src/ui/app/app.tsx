import { TerminalPane } from '../terminal/terminal-pane.tsx';
import { WorkerClient } from '../../protocol/worker-client.ts';
import { useMemo } from 'react';

export function App() {
  const client = useMemo(() => new WorkerClient(new Worker(new URL('../../worker/session-worker.ts', import.meta.url), { type: 'module', name: 'session' })), []);
  return (
    <div className="app">
      <div className="app-header">cka-lab — controlplane</div>
      <TerminalPane client={client} />
    </div>
  );
}
