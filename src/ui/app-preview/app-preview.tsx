import { useEffect, useState } from 'react';
import type { WorkerClient } from '../../protocol/worker-client.ts';

const ERRORS: Record<string, string> = {
  'connection-refused': 'connection refused — no ready pod behind this address',
  'unknown-host': 'unknown host',
  timeout: 'timed out',
  'no-route': 'no route to host',
};

/** What a service serves, as the lab's "Webapp Portal" tab shows it; refreshed every two seconds. */
export function AppPreview({ client, defaultTarget }: { client: WorkerClient; defaultTarget: string }) {
  const [target, setTarget] = useState(defaultTarget);
  const [page, setPage] = useState<{ html?: string; error?: string }>({});
  useEffect(() => {
    let latest = 0;
    const unsubscribe = client.subscribe((m) => {
      if (m.type !== 'http.response' || m.id !== latest) return;
      setPage(m.error ? { error: ERRORS[m.error] ?? m.error } : { html: m.body ?? '' });
    });
    const poll = () => {
      latest = client.nextId();
      client.send({ type: 'http.get', id: latest, url: `http://${target}/` });
    };
    poll();
    const timer = setInterval(poll, 2000);
    return () => {
      clearInterval(timer);
      unsubscribe();
    };
  }, [client, target]);
  return (
    <div className="app-preview" data-testid="app-preview">
      <input aria-label="address" value={target} onChange={(e) => setTarget(e.target.value)} />
      {page.error ? <div className="app-preview-error">{page.error}</div> : <iframe title="app preview" sandbox="" srcDoc={page.html ?? ''} />}
    </div>
  );
}
