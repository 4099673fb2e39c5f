import { Workbox } from 'workbox-window';

/** What the page knows about its offline copy: nothing yet, ready offline, or a newer build waiting. */
export type OfflineState = { kind: 'unsupported' | 'installing' | 'ready' } | { kind: 'update-waiting'; apply: () => void };

export type ServiceWorkerHost = {
  /** Registers the worker at `url`; a browser without service workers answers undefined. */
  register(url: string): ServiceWorkerRegistrar | undefined;
  reload(): void;
};

/** The part of workbox-window's `Workbox` this module uses, so tests can stand in for it. */
export type ServiceWorkerRegistrar = Pick<Workbox, 'addEventListener' | 'register' | 'messageSkipWaiting'>;

export const browserServiceWorkers: ServiceWorkerHost = {
  register: (url) => ('serviceWorker' in navigator ? new Workbox(url) : undefined),
  reload: () => window.location.reload(),
};

/**
 * Keeps the built app (labs included) in the cache after its first load, so a reload offline still
 * starts a lab. A newer build does not take over a page in use: it waits until the learner chooses
 * to reload, or until every tab of the app is closed, as a browser does for any service worker.
 */
export function startOfflineApp(host: ServiceWorkerHost, url: string, onChange: (state: OfflineState) => void): void {
  const worker = host.register(url);
  if (!worker) {
    onChange({ kind: 'unsupported' });
    return;
  }
  onChange({ kind: 'installing' });
  worker.addEventListener('waiting', () => {
    onChange({
      kind: 'update-waiting',
      apply: () => {
        // The page reloads only once the new worker controls it, so the reload gets the new build.
        worker.addEventListener('controlling', () => host.reload());
        worker.messageSkipWaiting();
      },
    });
  });
  worker.addEventListener('activated', (event) => {
    if (!event.isUpdate) onChange({ kind: 'ready' });
  });
  worker.register().then(
    (registration) => {
      if (registration?.active) onChange({ kind: 'ready' });
    },
    // A refused registration (private mode, storage denied) leaves an app that works online only.
    () => onChange({ kind: 'unsupported' }),
  );
}
