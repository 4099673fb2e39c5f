/**
 * Grades a lab step by step. A step that passed stays passed — the learner clicked Check and moved
 * on, as in the real lab — so a later task that changes the cluster never fails an earlier one.
 *
 * A step is reached once every graded step before it has passed, or when the learner answers or
 * checks it or a later step (skipping ahead); reaching a step creates the objects its `setup`
 * names, as the real lab does when it shows the next question.
 */
import type { ApiClient } from '../engine/api/client.ts';
import type { FileSystem } from '../lib/file-system.ts';
import { celBindings, celEvaluator } from './checks/cel.ts';
import { runCheck } from './checks/run-check.ts';
import type { ImageDefaultsLookup } from './checks/effective-argv.ts';
import { jsonPathValues } from './checks/jsonpath-value.ts';
import { ObjectReader } from './object-reader.ts';
import { createManifests } from './setup-lab.ts';
import type { AnswerCheck, Capture, LoadedLab, Progress, Step, StepVerdict } from './schema.ts';

export class Grader {
  readonly lab: LoadedLab;
  readonly #api: ApiClient;
  readonly #reader: ObjectReader;
  readonly #fs: FileSystem;
  readonly #images: ImageDefaultsLookup | undefined;
  #progress: Progress;
  readonly #verdicts = new Map<string, StepVerdict>();
  /** Steps whose setup ran in this cluster; not persisted, since a reload rebuilds the cluster. */
  readonly #opened = new Set<string>();

  constructor(lab: LoadedLab, deps: { api: ApiClient; fs: FileSystem; images?: ImageDefaultsLookup }) {
    this.lab = lab;
    this.#api = deps.api;
    this.#reader = new ObjectReader(deps.api);
    this.#fs = deps.fs;
    this.#images = deps.images;
    this.#progress = { labId: lab.id, passed: [], answers: {}, captures: {} };
  }

  /** Takes the captures the lab declares at its start (e.g. the uid of the starting deployment). */
  async start(): Promise<void> {
    await this.#capture(this.lab.setup.captures ?? {});
    await this.#openReachedSteps();
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
      return this.#record({ stepId, status: 'pass', why: `answered "${given}"`, ...explanationOf(step, given) });
    }
    if (this.#progress.passed.includes(stepId)) return this.#verdicts.get(stepId)!;
    if (step.accept) return this.#record({ stepId, status: 'pending', why: `answered "${given}"; check the step to grade it against the cluster` });
    return this.#record({ stepId, status: 'fail', why: `answered "${given}", which is not right`, ...explanationOf(step, given) });
  }

  /**
   * Checks one step (the learner acted on it: this also reaches it) or every graded step. Steps
   * already passed are not checked again. Steps reached meanwhile get their setup.
   */
  async check(stepId?: string): Promise<StepVerdict[]> {
    const steps = stepId ? this.lab.steps.filter((s) => s.id === stepId) : this.gradedSteps();
    const verdicts: StepVerdict[] = [];
    for (const step of steps) verdicts.push(await this.#checkStep(step));
    await this.#openReachedSteps(stepId);
    return verdicts;
  }

  progress(): Progress {
    return JSON.parse(JSON.stringify(this.#progress)) as Progress;
  }

  /** Takes saved progress onto a fresh cluster: the steps it had reached get their setup again. */
  async restore(progress: Progress): Promise<void> {
    if (progress.labId !== this.lab.id) return;
    this.#progress = JSON.parse(JSON.stringify(progress)) as Progress;
    for (const id of this.#progress.passed) this.#verdicts.set(id, { stepId: id, status: 'pass', why: 'passed earlier' });
    const touched = new Set([...this.#progress.passed, ...Object.keys(this.#progress.answers), ...(this.#progress.reached ? [this.#progress.reached] : [])]);
    const furthest = this.lab.steps
      .map((s) => s.id)
      .filter((id) => touched.has(id))
      .pop();
    await this.#openReachedSteps(furthest);
  }

  /** The verdict last given for each step: after a replay, the same the learner saw before the reload. */
  verdicts(): StepVerdict[] {
    return [...this.#verdicts.values()];
  }

  /** The furthest step the learner has reached: the lab panel shows every step up to it. */
  reachedStep(): string | undefined {
    return this.#progress.reached;
  }

  score(): { passed: number; total: number } {
    const graded = this.gradedSteps();
    return { passed: graded.filter((s) => this.#progress.passed.includes(s.id)).length, total: graded.length };
  }

  async #checkStep(step: Step): Promise<StepVerdict> {
    if (this.#progress.passed.includes(step.id)) return this.#verdicts.get(step.id) ?? { stepId: step.id, status: 'pass', why: 'passed earlier' };
    if (step.kind === 'question') {
      const given = this.#progress.answers[step.id];
      if (given === undefined) return this.#record({ stepId: step.id, status: 'pending', why: 'not answered yet' });
      if (step.accept && (await this.#accepts(step.accept, given.trim()))) {
        this.#markPassed(step.id);
        return this.#record({ stepId: step.id, status: 'pass', why: `answered "${given.trim()}"`, ...explanationOf(step, given.trim()) });
      }
      return this.#record({ stepId: step.id, status: 'fail', why: `answered "${given.trim()}", which is not right`, ...explanationOf(step, given.trim()) });
    }
    if (step.kind === 'info') return { stepId: step.id, status: 'pass', why: 'nothing to check' };
    const ctx = { reader: this.#reader, fs: this.#fs, captures: this.#progress.captures, ...(this.#images ? { images: this.#images } : {}) };
    for (const check of step.checks ?? []) {
      const result = await runCheck(check, ctx);
      if (!result.ok) return this.#record({ stepId: step.id, status: 'fail', why: result.why });
    }
    this.#markPassed(step.id);
    await this.#capture(step.capture ?? {});
    return this.#record({ stepId: step.id, status: 'pass', why: 'all checks passed' });
  }

  async #accepts(accept: AnswerCheck, answer: string): Promise<boolean> {
    const bindings = { ...(await celBindings(accept, this.#reader, this.#progress.captures)), answer };
    const evaluate = await celEvaluator();
    try {
      return evaluate(accept.expression, bindings as never) === true;
    } catch {
      // An answer the expression cannot read (`int("two")`) is simply not right.
      return false;
    }
  }

  async #openReachedSteps(touched?: string): Promise<void> {
    const steps = this.lab.steps;
    const firstOpen = steps.findIndex((s) => s.kind !== 'info' && !this.#progress.passed.includes(s.id));
    const reached = Math.max(firstOpen < 0 ? steps.length - 1 : firstOpen, touched ? steps.findIndex((s) => s.id === touched) : -1);
    const before = this.#progress.reached ? steps.findIndex((s) => s.id === this.#progress.reached) : -1;
    if (reached > before && steps[reached]) this.#progress.reached = steps[reached].id;
    for (const step of steps.slice(0, reached + 1)) {
      if (this.#opened.has(step.id)) continue;
      this.#opened.add(step.id);
      const manifests = this.lab.stepManifestTexts[step.id];
      if (!manifests) continue;
      const errors = (await createManifests(manifests, this.#api)).filter((e) => !e.endsWith('already exists'));
      if (errors.length > 0) throw new Error(`step ${step.id} could not be set up:\n${errors.join('\n')}`);
    }
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

/** The lab's explanation of the option the learner chose, matched as answers are (case aside). */
function explanationOf(step: Step, given: string): { explanation?: string } {
  const choice = step.choices?.find((c) => c.text.trim().toLowerCase() === given.toLowerCase());
  return choice ? { explanation: choice.explanation } : {};
}

export function formatVerdictLine(verdict: StepVerdict): string {
  return `step ${verdict.stepId} ${verdict.status} ${verdict.why}`;
}

export function formatScoreLine(score: { passed: number; total: number }): string {
  return `score ${score.passed}/${score.total}`;
}
