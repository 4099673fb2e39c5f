import { useEffect } from 'react';
import type { WorkerClient } from '../../protocol/worker-client.ts';
import { afterTypingPause, type KeySource } from './after-typing-pause.ts';

export const loadMonacoView = () => import('./monaco-view.tsx');

/** How long the learner stops typing before Monaco loads in the background. */
const MONACO_AFTER_PAUSE_MS = 1500;
const windowKeys: KeySource = (onKey) => {
  window.addEventListener('keydown', onKey, true);
  return () => window.removeEventListener('keydown', onKey, true);
};

/**
 * Monaco (about 1 MB gzip) loads once the first prompt is up and the learner pauses typing, so
 * neither the prompt nor the first command's keys wait for its evaluation. A file opened before
 * loads it at once (lazy).
 */
export function useMonacoPreload(client: WorkerClient): void {
  useEffect(() => {
    let cancelPause: (() => void) | undefined;
    const unsubscribe = client.subscribe((m) => {
      if (m.type !== 'session.ready') return;
      unsubscribe();
      const idle = window.requestIdleCallback ?? ((run: () => void) => window.setTimeout(run, 200));
      cancelPause = afterTypingPause(windowKeys, window, MONACO_AFTER_PAUSE_MS, () => idle(() => void loadMonacoView()));
    });
    return () => {
      unsubscribe();
      cancelPause?.();
    };
  }, [client]);
}
