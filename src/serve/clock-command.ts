/**
 * The harness's clock endpoint (`/.cka-lab/clock`): GET tells the virtual time and whether it is
 * paused; POST `{"pause":true}`, `{"resume":true}` or `{"advanceMs":N}` holds, releases or steps it,
 * so a parity test sees the same AGE column on every run.
 */
import { parseJsonObject } from './json-body.ts';
import type { ClockDriver } from './clock-driver.ts';

export type ClockRequest = { pause: true } | { resume: true } | { advanceMs: number };

export function parseClockRequest(body: string): ClockRequest | undefined {
  const parsed = parseJsonObject(body);
  if (!parsed) return undefined;
  const request = parsed as { pause?: unknown; resume?: unknown; advanceMs?: unknown };
  if (request.pause === true) return { pause: true };
  if (request.resume === true) return { resume: true };
  if (typeof request.advanceMs === 'number' && Number.isFinite(request.advanceMs) && request.advanceMs >= 0) return { advanceMs: request.advanceMs };
  return undefined;
}

export async function clockCommand(clock: ClockDriver, method: string, body: string, nowMs: () => number): Promise<{ code: number; body: unknown }> {
  const state = () => ({ nowMs: nowMs(), now: new Date(nowMs()).toISOString(), paused: clock.paused });
  if (method === 'GET') return { code: 200, body: state() };
  if (method !== 'POST') return { code: 405, body: { message: 'use GET or POST' } };
  const request = parseClockRequest(body);
  if (!request) return { code: 400, body: { message: 'expected {"pause":true}, {"resume":true} or {"advanceMs":N}' } };
  if ('pause' in request) await clock.pause();
  else if ('resume' in request) await clock.resume();
  else await clock.advance(request.advanceMs);
  return { code: 200, body: state() };
}
