/**
 * `pods/<name>/attach` over the remotecommand WebSocket protocol: the session joins the
 * container's main process through the ApiClient's pods/attach. A shell waiting on an open stdin
 * (`kubectl run -it … -- sh`) takes what is typed, and the container ends when it exits; any other
 * process only shows what it writes from now on.
 */
import type { WebSocket } from 'ws';
import type { ApiClient } from '../engine/api/client.ts';
import { runExecSession, type Preflight, type StreamAction } from './exec-session.ts';

type AttachAction = Extract<StreamAction, { kind: 'attach' }>;

export function runAttachSession(ws: WebSocket, protocol: string, api: ApiClient, action: AttachAction, preflight: Extract<Preflight, { ok: true }>): void {
  runExecSession(ws, protocol, api, { ...action, container: preflight.container });
}
