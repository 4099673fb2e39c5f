/**
 * Grades a lab step by step. A step that passed stays passed — the learner clicked Check and moved
 * on, as in the real lab — so a later task that changes the cluster never fails an earlier one.
 */
import type { ApiClient } from '../engine/api/client.ts';
import type { FileSystem } from '../lib/file-system.ts';
import { runCheck } from './checks/run-check.ts';
import { jsonPathValues } from './checks/jsonpath-value.ts';
import { ObjectReader } from './object-reader.ts';
import type { Capture, Lab, Progress, Step, StepVerdict } from './schema.ts';

export class Grader {
  readonly lab: Lab;
  readonly #reader: ObjectReader;
  readonly #fs: FileSystem;
  #progress: Progress;
  readonly #verdicts = new Map<string, StepVerdict>();

  constructor(lab: Lab, deps: { api: ApiClient; fs: FileSystem }) {
    this.lab = lab;
    this.#reader = new ObjectReader(deps.api);
    this.#fs = deps.fs;
    this.#progress = { labId: lab.id, passed: [], answers: {}, captures: {} };
  }

  /** Takes the captures the lab declares at its start (e.g. the uid of the starting deployment). */
  async start(): Promise<void> {
    await this.#capture(this.lab.setup.captures ?? {});
  }

  gradedSteps(): Step[] {
    return this.lab.steps.filter((s) => s.kind !== 'info');
  }

  answer(stepId: string, text: string): StepVerdict {
    const step = this.lab.steps.find((s) => s.id === stepId);
    if (!step || step.kind !== 'question') return this.#record({ stepId, status: 'fail', why: `no question named "${stepId}"` });
    this.#progress.answers[stepId] = text;
    const given = text.trim();
    const accepted = (step.answers ?? []).some((a) => a.trim().toLowerCase() === given.toLowerCase()) || (step.pattern !== undefined && new RegExp(step.pattern, 'i').test(given));
    if (accepted) {
      this.#markPassed(stepId);
      return this.#record({ stepId, status: 'pass', why: `answered "${given}"` });
    }
    if (this.#progress.passed.includes(stepId)) return this.#verdicts.get(stepId)!;
    return this.#record({ stepId, status: 'fail', why: `answered "${given}", which is not right` });
  }

  /** Checks one step, or every graded step. Steps already passed are not checked again. */
  async check(stepId?: string): Promise<StepVerdict[]> {
    const steps = stepId ? this.lab.steps.filter((s) => s.id === stepId) : this.gradedSteps();
    const verdicts: StepVerdict[] = [];
    for (const step of steps) verdicts.push(await this.#checkStep(step));
    return verdicts;
  }

  progress(): Progress {
    return JSON.parse(JSON.stringify(this.#progress)) as Progress;
  }

  restore(progress: Progress): void {
    if (progress.labId !== this.lab.id) return;
    this.#progress = JSON.parse(JSON.stringify(progress)) as Progress;
    for (const id of this.#progress.passed) this.#verdicts.set(id, { stepId: id, status: 'pass', why: 'passed earlier' });
  }

  score(): { passed: number; total: number } {
    const graded = this.gradedSteps();
    return { passed: graded.filter((s) => this.#progress.passed.includes(s.id)).length, total: graded.length };
  }

  async #checkStep(step: Step): Promise<StepVerdict> {
    if (this.#progress.passed.includes(step.id)) return this.#verdicts.get(step.id) ?? { stepId: step.id, status: 'pass', why: 'passed earlier' };
    if (step.kind === 'question') {
      const given = this.#progress.answers[step.id];
      return this.#record({ stepId: step.id, status: given === undefined ? 'pending' : 'fail', why: given === undefined ? 'not answered yet' : `answered "${given.trim()}", which is not right` });
    }
    if (step.kind === 'info') return { stepId: step.id, status: 'pass', why: 'nothing to check' };
    const ctx = { reader: this.#reader, fs: this.#fs, captures: this.#progress.captures };
    for (const check of step.checks ?? []) {
      const result = await runCheck(check, ctx);
      if (!result.ok) return this.#record({ stepId: step.id, status: 'fail', why: result.why });
    }
    this.#markPassed(step.id);
    await this.#capture(step.capture ?? {});
    return this.#record({ stepId: step.id, status: 'pass', why: 'all checks passed' });
  }

  #markPassed(stepId: string): void {
    if (!this.#progress.passed.includes(stepId)) this.#progress.passed.push(stepId);
  }

  #record(verdict: StepVerdict): StepVerdict {
    this.#verdicts.set(verdict.stepId, verdict);
    return verdict;
  }

  async #capture(captures: Record<string, Capture>): Promise<void> {
    for (const [name, capture] of Object.entries(captures)) {
      const obj = await this.#reader.get(capture);
      if (obj) this.#progress.captures[name] = jsonPathValues(capture.path, obj).join(' ');
    }
  }
}

export function formatVerdictLine(verdict: StepVerdict): string {
  return `step ${verdict.stepId} ${verdict.status} ${verdict.why}`;
}

export function formatScoreLine(score: { passed: number; total: number }): string {
  return `score ${score.passed}/${score.total}`;
}
