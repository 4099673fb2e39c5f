/** The app preview's request: an HTTP GET from the controlplane host, as `curl` there would send it. */
import type { Session } from './session.ts';

export const PREVIEW_TIMEOUT_MS = 2000;

export function previewRequest(session: Session, url: string) {
  return session.cluster.nodes.network.httpGet('host', url, { timeoutMs: PREVIEW_TIMEOUT_MS });
}
