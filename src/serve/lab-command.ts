/**
 * The lab endpoint of a served lab (`/.cka-lab/lab`): what the headless player's `@answer` and
 * `@check` lines do, over HTTP, so a solution script played with the real kubectl is graded and
 * reaches the steps whose `setup` creates more objects. POST `{"answer":{"step":ID,"text":T}}` or
 * `{"check":ID}` (`{"check":null}` checks every step); the answer is the verdict lines.
 */
import { parseJsonObject } from './json-body.ts';
import type { ScriptGrader } from '../session/headless-player.ts';

export type LabRequest = { answer: { step: string; text: string } } | { check: string | null };

export function parseLabRequest(body: string): LabRequest | undefined {
  const parsed = parseJsonObject(body);
  if (!parsed) return undefined;
  const request = parsed as { answer?: { step?: unknown; text?: unknown }; check?: unknown };
  if (request.answer && typeof request.answer.step === 'string' && typeof request.answer.text === 'string') {
    return { answer: { step: request.answer.step, text: request.answer.text } };
  }
  if ('check' in request && (request.check === null || typeof request.check === 'string')) return { check: request.check };
  return undefined;
}

export async function labCommand(grader: ScriptGrader | undefined, method: string, body: string): Promise<{ code: number; body: unknown }> {
  if (!grader) return { code: 404, body: { message: 'no lab is served (start with --lab ID)' } };
  if (method !== 'POST') return { code: 405, body: { message: 'use POST' } };
  const request = parseLabRequest(body);
  if (!request) return { code: 400, body: { message: 'expected {"answer":{"step":ID,"text":TEXT}} or {"check":ID|null}' } };
  if ('answer' in request) {
    await grader.answer(request.answer.step, request.answer.text);
    return { code: 200, body: { lines: [] } };
  }
  return { code: 200, body: { lines: await grader.checkLines(request.check ?? undefined) } };
}
