/// <reference lib="webworker" />
/**
 * The Web Worker entry. The home page asks only for the catalogue of labs, answered here without
 * the session's chunk (the cluster, kubectl, the shell: most of the worker's script), which is
 * loaded on the first message that needs it, or behind the catalogue for the lab picked next.
 */
import type { FromWorker, ToWorker } from '../protocol/messages.ts';
import { labCatalogue } from './lab-view.ts';
import { INTERNAL_FAULT, SESSION_NOT_LOADED } from './worker-faults.ts';

declare const self: DedicatedWorkerGlobalScope;

type ServeSession = typeof import('./serve-session.ts');

const post = (message: FromWorker) => self.postMessage(message);

let loading: Promise<ServeSession> | undefined;

function loadSessionChunk(): Promise<ServeSession> {
  loading ??= import('./serve-session.ts').catch((error: unknown) => {
    // A chunk that failed to arrive is fetched again by the next message that needs it.
    loading = undefined;
    throw error;
  });
  return loading;
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  switch (message.type) {
    case 'ping':
      post({ type: 'pong', id: message.id });
      return;
    case 'lab.list':
      void labCatalogue()
        .then((labs) => post({ type: 'lab.list', labs }))
        .catch((error: unknown) => {
          console.error('cka-lab: the worker failed on', message.type, error);
          post({ type: 'error', message: INTERNAL_FAULT });
        })
        .finally(() => setTimeout(() => void loadSessionChunk().catch(() => undefined)));
      return;
    default:
      // Messages are handed over in the order they came: each waits on the same import.
      void loadSessionChunk().then(
        ({ serveSession }) => serveSession(message),
        (error: unknown) => {
          console.error('cka-lab: the session chunk could not be loaded for', message.type, error);
          post({ type: 'error', message: SESSION_NOT_LOADED });
        },
      );
  }
};
