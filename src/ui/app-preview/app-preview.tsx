import { useEffect, useState } from 'react';
import type { Preview } from '../../labs/schema.ts';
import type { WorkerClient } from '../../protocol/worker-client.ts';
import { ADDRESS_PATTERN, previewDocument, previewUrl } from './preview-document.ts';

const ERRORS: Record<string, string> = {
  'connection-refused': 'connection refused — no ready pod behind this address',
  'unknown-host': 'unknown host',
  timeout: 'timed out',
  'no-route': 'no route to host',
};

/**
 * What a service serves, as the real lab's tabs ("Webapp Portal", "Kibana") show it: one tab per
 * preview the lab names, and an address the learner can type (`node01:30080`, `node01:30080/version`). Refreshed every
 * two seconds, so a rollout shows as it happens.
 */
export function AppPreview({ client, previews }: { client: WorkerClient; previews: Preview[] }) {
  const [target, setTarget] = useState(previews[0]?.address ?? '');
  const [page, setPage] = useState<{ html?: string; error?: string }>({});
  useEffect(() => {
    if (!ADDRESS_PATTERN.test(target)) {
      setPage({ error: 'Type an address as node:port[/path], e.g. node01:30080' });
      return;
    }
    let latest = 0;
    const unsubscribe = client.subscribe((m) => {
      if (m.type !== 'http.response' || m.id !== latest) return;
      setPage(m.error ? { error: ERRORS[m.error] ?? m.error } : { html: previewDocument(m.body ?? '', m.contentType) });
    });
    const poll = () => {
      latest = client.nextId();
      client.send({ type: 'http.get', id: latest, url: previewUrl(target) });
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
      <div className="app-preview-tabs">
        {/* A tab list holds tabs only; the address box sits beside it. */}
        <div role="tablist" aria-label="previews">
          {previews.map((p) => (
            <button key={p.address} role="tab" aria-selected={p.address === target} data-testid="app-preview-tab" onClick={() => setTarget(p.address)}>
              {p.title}
            </button>
          ))}
        </div>
        <input aria-label="address" data-testid="app-preview-address" value={target} placeholder="node01:30080" onChange={(e) => setTarget(e.target.value.trim())} />
      </div>
      {page.error ? (
        <div className="app-preview-error">{page.error}</div>
      ) : (
        // In a box the learner can drag taller: a Discover page of log lines needs more room than a colour page.
        <div className="app-preview-frame">
          <iframe title="app preview" sandbox="" srcDoc={page.html ?? ''} />
        </div>
      )}
    </div>
  );
}
