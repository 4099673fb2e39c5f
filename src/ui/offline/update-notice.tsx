import { useEffect, useState } from 'react';
import { browserServiceWorkers, startOfflineApp, type OfflineState } from './offline-app.ts';
import './update-notice.css';

/** Where the built service worker is served: beside index.html, wherever the app is hosted. */
const SERVICE_WORKER_URL = `${import.meta.env.BASE_URL}sw.js`;

/**
 * Registers the offline copy once (production builds only), once the page's first screen is up
 * (after-first-screen.ts), and offers a newer build when one waits.
 */
export function UpdateNotice({ firstScreen }: { firstScreen: Promise<void> }) {
  const [state, setState] = useState<OfflineState>({ kind: 'installing' });
  useEffect(() => {
    if (import.meta.env.PROD) void firstScreen.then(() => startOfflineApp(browserServiceWorkers, SERVICE_WORKER_URL, setState));
  }, [firstScreen]);
  return (
    <div className="update-notice" data-testid="offline-state" data-state={state.kind} role="status">
      {state.kind === 'update-waiting' && (
        <>
          A new version of cka-lab is ready. Your cluster, files and progress come back after the reload. <button onClick={state.apply}>Reload to update</button>
        </>
      )}
    </div>
  );
}
