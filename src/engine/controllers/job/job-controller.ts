/**
 * Runs each Job's pods to completion: creates up to parallelism pods, counts Succeeded and Failed
 * ones, and finishes the Job with SuccessCriteriaMet+Complete or FailureTarget+Failed
 * (BackoffLimitExceeded, DeadlineExceeded, PodFailurePolicy); deletes finished Jobs after
 * ttlSecondsAfterFinished (the TTL-after-finished controller's part).
 * Models pkg/controller/job/job_controller.go syncJob / manageJob, NonIndexed completion.
 * Deviation (issue 13): no batch.kubernetes.io/job-tracking finalizer; the controller remembers
 * the pods it counted instead, and Indexed jobs run as NonIndexed.
 */
import type { Job, JobCondition, JobStatus } from 'kubernetes-types/batch/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/client.ts';
import { formatTimestamp, parseTimestamp } from '../../api/timestamps.ts';
import { objectKey, splitKey, watchResource } from '../../client/informer.ts';
import { core } from '../../client/informer-factory.ts';
import { controlledBy, CONTROLLER_INDEX, controllerIndexFunc } from '../../client/index-funcs.ts';
import type { Lister } from '../../client/lister.ts';
import { WorkQueue } from '../../client/work-queue.ts';
import { stableStringify } from '../../store/deep-copy.ts';
import type { ControllerContext } from '../controller-context.ts';
import { controllerRefOf, isPodReady } from '../pod-conditions.ts';
import {
  condition,
  findCondition,
  isPodFinished,
  isPodTerminating,
  matchPodFailurePolicy,
  pastBackoffLimitOnFailure,
  podFailureBackoffMs,
  podFromJobTemplate,
} from './job-pods.ts';

const PODS = { group: '', version: 'v1', resource: 'pods' } as const;
const JOBS = { group: 'batch', version: 'v1', resource: 'jobs' } as const;

const BACKOFF_MESSAGE = 'Job has reached the specified backoff limit';
const DEADLINE_MESSAGE = 'Job was active longer than specified deadline';
const COMPLETIONS_MESSAGE = 'Reached expected number of succeeded pods';

/** What the job-tracking finalizer would have kept: the pods already counted, per Job uid. */
interface Tally {
  succeeded: Set<string>;
  failed: Set<string>;
  lastFailureMs: number;
}

export class JobController {
  readonly #ctx: ControllerContext;
  readonly #queue: WorkQueue;
  readonly #jobs: Lister<Job>;
  readonly #pods: Lister<Pod>;
  readonly #tallies = new Map<string, Tally>();

  constructor(ctx: ControllerContext) {
    this.#ctx = ctx;
    this.#queue = new WorkQueue(ctx.clock, (key) => this.syncJob(key));
    this.#jobs = ctx.informers.lister<Job>(JOBS);
    this.#pods = ctx.informers.informerFor<Pod>(core('pods'), { [CONTROLLER_INDEX]: controllerIndexFunc }).lister;
  }

  start(): void {
    watchResource(this.#ctx.server, JOBS, (type, job) => {
      if (type === 'DELETED') this.#tallies.delete(job.metadata!.uid!);
      else this.#queue.add(objectKey(job));
    });
    watchResource(this.#ctx.server, PODS, (_type, pod) => {
      const ref = controllerRefOf(pod as Pod);
      if (ref?.kind === 'Job') this.#queue.add(`${pod.metadata!.namespace}/${ref.name}`);
    });
  }

  syncJob(key: string): void {
    const { namespace, name } = splitKey(key);
    const job = this.#jobs.get(namespace, name);
    if (!job || job.metadata?.deletionTimestamp) return;
    const nowMs = this.#ctx.clock.now();
    if (findCondition(job, 'Complete') || findCondition(job, 'Failed')) {
      this.#cleanupFinishedJob(job, nowMs);
      return;
    }
    const uid = job.metadata!.uid!;
    const tally = this.#tallies.get(uid) ?? { succeeded: new Set<string>(), failed: new Set<string>(), lastFailureMs: 0 };
    this.#tallies.set(uid, tally);
    const pods = this.#pods.byIndex(CONTROLLER_INDEX, controlledBy(uid)).filter((p) => p.metadata?.namespace === namespace);
    const status: JobStatus & { terminating?: number; uncountedTerminatedPods?: object } = { ...(job.status ?? {}) };
    const conditions: JobCondition[] = [...(status.conditions ?? [])];
    const nowIso = formatTimestamp(nowMs);
    let failureTarget = conditions.find((c) => c.type === 'FailureTarget' && c.status === 'True');
    let successMet = conditions.find((c) => c.type === 'SuccessCriteriaMet' && c.status === 'True');

    for (const pod of pods) {
      const podUid = pod.metadata!.uid!;
      if (pod.status?.phase === 'Succeeded' && !tally.succeeded.has(podUid)) tally.succeeded.add(podUid);
      if (pod.status?.phase === 'Failed' && !tally.failed.has(podUid)) {
        const match = job.spec?.podFailurePolicy ? matchPodFailurePolicy(job, pod) : undefined;
        if (match?.action === 'Ignore') {
          tally.failed.add(podUid);
          continue;
        }
        tally.failed.add(podUid);
        status.failed = (status.failed ?? 0) + 1;
        tally.lastFailureMs = nowMs;
        if (match?.action === 'FailJob' && !failureTarget) {
          failureTarget = condition('FailureTarget', 'PodFailurePolicy', match.message!, nowIso);
          conditions.push(failureTarget);
        }
      }
    }
    status.succeeded = tally.succeeded.size;
    const active = pods.filter((p) => !isPodFinished(p) && !p.metadata?.deletionTimestamp);
    const suspended = job.spec?.suspend === true;

    if (!suspended && !status.startTime) status.startTime = nowIso;
    const completions = job.spec?.completions;
    if (!failureTarget && !successMet) {
      const reachedCompletions = completions !== undefined ? status.succeeded >= completions : status.succeeded > 0 && active.length === 0;
      if (reachedCompletions) {
        successMet = condition('SuccessCriteriaMet', 'CompletionsReached', COMPLETIONS_MESSAGE, nowIso);
        conditions.push(successMet);
      } else if ((status.failed ?? 0) > (job.spec?.backoffLimit ?? 6) || pastBackoffLimitOnFailure(job, pods)) {
        failureTarget = condition('FailureTarget', 'BackoffLimitExceeded', BACKOFF_MESSAGE, nowIso);
        conditions.push(failureTarget);
      } else if (this.#pastActiveDeadline(job, status, nowMs)) {
        failureTarget = condition('FailureTarget', 'DeadlineExceeded', DEADLINE_MESSAGE, nowIso);
        conditions.push(failureTarget);
      }
    }

    const recorder = this.#ctx.recorder('job-controller');
    if (failureTarget || successMet) {
      this.#deletePods(job, active);
    } else if (suspended) {
      this.#deletePods(job, active);
    } else {
      this.#manageJob(job, active.length, status.succeeded, tally, nowMs);
    }
    if (!failureTarget && !successMet) this.#syncSuspended(job, conditions, suspended, nowIso, status);

    const fresh = this.#pods.byIndex(CONTROLLER_INDEX, controlledBy(uid)).filter((p) => p.metadata?.namespace === namespace);
    const stillActive = fresh.filter((p) => !isPodFinished(p) && !p.metadata?.deletionTimestamp);
    const terminating = fresh.filter(isPodTerminating).length;
    // The terminal condition waits for the pods being deleted (JobPodReplacementPolicy).
    if (terminating === 0 && stillActive.length === 0) {
      if (successMet) {
        conditions.push(condition('Complete', successMet.reason!, successMet.message!, nowIso));
        status.completionTime = nowIso;
        recorder.record(job as KubeObject, 'Normal', 'Completed', 'Job completed');
      } else if (failureTarget) {
        conditions.push(condition('Failed', failureTarget.reason!, failureTarget.message!, nowIso));
        recorder.record(job as KubeObject, 'Warning', failureTarget.reason!, failureTarget.message!);
      }
    }
    const finished = conditions.some((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
    const next: Record<string, unknown> = {
      ...status,
      active: finished ? 0 : stillActive.length,
      ready: finished ? 0 : stillActive.filter(isPodReady).length,
      terminating,
      uncountedTerminatedPods: {},
      ...(conditions.length ? { conditions } : {}),
    };
    for (const field of ['active', 'succeeded', 'failed'] as const) if (next[field] === 0) delete next[field];
    if (stableStringify(next) !== stableStringify(job.status ?? {})) {
      this.#ctx.server.handle({ verb: 'update', ...JOBS, subresource: 'status', namespace: namespace!, name, body: { ...job, status: next } });
    }
    if (finished) this.#queue.add(key);
    else if (!failureTarget && !successMet) this.#requeueForDeadline(job, next as JobStatus, nowMs);
  }

  #pastActiveDeadline(job: Job, status: JobStatus, nowMs: number): boolean {
    const deadline = job.spec?.activeDeadlineSeconds;
    const start = parseTimestamp(status.startTime);
    return deadline !== undefined && start !== undefined && nowMs - start >= deadline * 1000;
  }

  #requeueForDeadline(job: Job, status: JobStatus, nowMs: number): void {
    const deadline = job.spec?.activeDeadlineSeconds;
    const start = parseTimestamp(status.startTime);
    if (deadline === undefined || start === undefined || job.spec?.suspend) return;
    const remainingMs = start + deadline * 1000 - nowMs;
    if (remainingMs > 0) this.#queue.addAfter(objectKey(job as KubeObject), remainingMs);
  }

  /** Models manageJob: create pods up to the wanted number, after the failure back-off. */
  #manageJob(job: Job, active: number, succeeded: number, tally: Tally, nowMs: number): void {
    const parallelism = job.spec?.parallelism ?? 1;
    const completions = job.spec?.completions;
    // A work queue (no completions) lets running pods finish once one has succeeded, but starts no more.
    let wantActive = completions !== undefined ? Math.min(parallelism, completions - succeeded) : succeeded > 0 ? active : parallelism;
    wantActive = Math.max(0, wantActive);
    const missing = wantActive - active;
    const recorder = this.#ctx.recorder('job-controller');
    if (missing < 0) {
      const extra = this.#pods.byIndex(CONTROLLER_INDEX, controlledBy(job.metadata!.uid!)).filter((p) => !isPodFinished(p) && !p.metadata?.deletionTimestamp);
      this.#deletePods(job, extra.slice(0, -missing));
      return;
    }
    if (missing === 0) return;
    const waitMs = tally.lastFailureMs + podFailureBackoffMs(tally.failed.size) - nowMs;
    if (tally.failed.size > 0 && waitMs > 0) {
      this.#queue.addAfter(objectKey(job as KubeObject), waitMs);
      return;
    }
    for (let i = 0; i < missing; i++) {
      const created = this.#ctx.server.handle({ verb: 'create', ...PODS, namespace: job.metadata!.namespace!, body: podFromJobTemplate(job) });
      if (created.ok) recorder.record(job as KubeObject, 'Normal', 'SuccessfulCreate', `Created pod: ${(created.body as Pod).metadata!.name}`);
      else {
        recorder.record(job as KubeObject, 'Warning', 'FailedCreate', `Error creating: ${created.body.message}`);
        return;
      }
    }
  }

  #deletePods(job: Job, pods: Pod[]): void {
    const recorder = this.#ctx.recorder('job-controller');
    for (const pod of pods) {
      const deleted = this.#ctx.server.handle({ verb: 'delete', ...PODS, namespace: pod.metadata!.namespace!, name: pod.metadata!.name! });
      if (deleted.ok) recorder.record(job as KubeObject, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata!.name}`);
    }
  }

  /** The Suspended condition, and its events, as the job's suspend flag flips. */
  #syncSuspended(job: Job, conditions: JobCondition[], suspended: boolean, nowIso: string, status: JobStatus): void {
    const index = conditions.findIndex((c) => c.type === 'Suspended');
    const current = index >= 0 ? conditions[index]! : undefined;
    const recorder = this.#ctx.recorder('job-controller');
    if (suspended && current?.status !== 'True') {
      const next = { type: 'Suspended', status: 'True', lastProbeTime: nowIso, lastTransitionTime: nowIso, reason: 'JobSuspended', message: 'Job suspended' };
      if (index >= 0) conditions[index] = next;
      else conditions.push(next);
      delete status.startTime;
      recorder.record(job as KubeObject, 'Normal', 'Suspended', 'Job suspended');
    } else if (!suspended && current?.status === 'True') {
      conditions[index] = { type: 'Suspended', status: 'False', lastProbeTime: nowIso, lastTransitionTime: nowIso, reason: 'JobResumed', message: 'Job resumed' };
      recorder.record(job as KubeObject, 'Normal', 'Resumed', 'Job resumed');
    }
    if (suspended) delete status.startTime;
  }

  /** Models pkg/controller/ttlafterfinished: delete the finished Job once its TTL has passed. */
  #cleanupFinishedJob(job: Job, nowMs: number): void {
    const ttl = job.spec?.ttlSecondsAfterFinished;
    if (ttl === undefined) return;
    const finishedAt = parseTimestamp(job.status?.completionTime) ?? parseTimestamp(job.status?.conditions?.find((c) => c.type === 'Failed')?.lastTransitionTime) ?? nowMs;
    const remainingMs = finishedAt + ttl * 1000 - nowMs;
    if (remainingMs > 0) {
      this.#queue.addAfter(objectKey(job as KubeObject), remainingMs);
      return;
    }
    this.#ctx.server.handle({ verb: 'delete', ...JOBS, namespace: job.metadata!.namespace!, name: job.metadata!.name!, query: { propagationPolicy: 'Background' } });
  }
}
