/**
 * Creates a Job for every time a CronJob's schedule comes due on the virtual clock, named
 * `<cronjob>-<scheduled minutes since the epoch>`, honouring suspend, startingDeadlineSeconds and
 * the concurrency policy, tracking active Jobs in status and pruning finished ones beyond the
 * history limits. Models pkg/controller/cronjob/cronjob_controllerv2.go syncCronJob and
 * cleanupFinishedJobs.
 */
import type { CronJob, Job } from 'kubernetes-types/batch/v1';
import type { ObjectReference } from 'kubernetes-types/core/v1';
import { nextActivation, parseCronSchedule, type CronSchedule } from '../../../lib/cron/cron-schedule.ts';
import type { KubeObject } from '../../api/client.ts';
import { formatTimestamp, parseTimestamp } from '../../api/timestamps.ts';
import { objectKey, splitKey, watchResource } from '../../client/informer.ts';
import { controlledBy, CONTROLLER_INDEX, controllerIndexFunc } from '../../client/index-funcs.ts';
import type { Lister } from '../../client/lister.ts';
import { WorkQueue } from '../../client/work-queue.ts';
import { stableStringify } from '../../store/deep-copy.ts';
import type { ControllerContext } from '../controller-context.ts';
import { controllerRefOf } from '../pod-conditions.ts';

const JOBS = { group: 'batch', version: 'v1', resource: 'jobs' } as const;
const CRONJOBS = { group: 'batch', version: 'v1', resource: 'cronjobs' } as const;
/** More missed start times than this and the controller warns (TooManyMissedTimes). */
const MAX_MISSED = 100;

type FinishedType = 'Complete' | 'Failed';

export function jobFinishedType(job: Job): FinishedType | undefined {
  for (const c of job.status?.conditions ?? []) if ((c.type === 'Complete' || c.type === 'Failed') && c.status === 'True') return c.type;
  return undefined;
}

/** Models utils.go mostRecentScheduleTime: the latest due time after `earliestMs` and at or before now, and how many were missed. */
export function mostRecentScheduleTime(schedule: CronSchedule, earliestMs: number, nowMs: number): { scheduledMs?: number; missed: number } {
  let scheduledMs: number | undefined;
  let missed = 0;
  for (let t = nextActivation(schedule, earliestMs); t !== undefined && t <= nowMs; t = nextActivation(schedule, t)) {
    scheduledMs = t;
    if (++missed > MAX_MISSED * 10) break;
  }
  return scheduledMs === undefined ? { missed: 0 } : { scheduledMs, missed };
}

export class CronJobController {
  readonly #ctx: ControllerContext;
  readonly #queue: WorkQueue;
  readonly #cronJobs: Lister<CronJob>;
  readonly #jobs: Lister<Job>;

  constructor(ctx: ControllerContext) {
    this.#ctx = ctx;
    this.#queue = new WorkQueue(ctx.clock, (key) => this.syncCronJob(key));
    this.#cronJobs = ctx.informers.lister<CronJob>(CRONJOBS);
    this.#jobs = ctx.informers.informerFor<Job>(JOBS, { [CONTROLLER_INDEX]: controllerIndexFunc }).lister;
  }

  start(): void {
    watchResource(this.#ctx.server, CRONJOBS, (type, cj) => {
      if (type !== 'DELETED') this.#queue.add(objectKey(cj));
    });
    watchResource(this.#ctx.server, JOBS, (_type, job) => {
      const ref = controllerRefOf(job as Job);
      if (ref?.kind === 'CronJob') this.#queue.add(`${job.metadata!.namespace}/${ref.name}`);
    });
  }

  syncCronJob(key: string): void {
    const { namespace, name } = splitKey(key);
    const cronJob = this.#cronJobs.get(namespace, name);
    if (!cronJob || cronJob.metadata?.deletionTimestamp) return;
    const nowMs = this.#ctx.clock.now();
    const recorder = this.#ctx.recorder('cronjob-controller');
    const jobs = this.#jobs.byIndex(CONTROLLER_INDEX, controlledBy(cronJob.metadata!.uid!)).filter((j) => j.metadata?.namespace === namespace);
    const status = { ...(cronJob.status ?? {}) };
    let active: ObjectReference[] = [...(status.active ?? [])];

    for (const job of jobs) {
      const listed = active.some((ref) => ref.uid === job.metadata?.uid);
      const finished = jobFinishedType(job);
      if (!listed && !finished) active.push(jobReference(job));
      else if (listed && finished) {
        active = active.filter((ref) => ref.uid !== job.metadata?.uid);
        recorder.record(cronJob as KubeObject, 'Normal', 'SawCompletedJob', `Saw completed job: ${job.metadata!.name}, condition: ${finished}`);
        if (finished === 'Complete' && job.status?.completionTime) {
          const last = parseTimestamp(status.lastSuccessfulTime);
          if (last === undefined || (parseTimestamp(job.status.completionTime) ?? 0) > last) status.lastSuccessfulTime = job.status.completionTime;
        }
      }
    }
    // A Job deleted behind the controller's back leaves the active list.
    active = active.filter((ref) => jobs.some((j) => j.metadata?.uid === ref.uid));

    const parsed = parseCronSchedule(cronJob.spec?.schedule ?? '');
    if (!cronJob.spec?.suspend && parsed.ok) {
      const earliestMs = parseTimestamp(status.lastScheduleTime) ?? parseTimestamp(cronJob.metadata?.creationTimestamp) ?? nowMs;
      const { scheduledMs, missed } = mostRecentScheduleTime(parsed.schedule, earliestMs, nowMs);
      if (missed > MAX_MISSED)
        recorder.record(cronJob as KubeObject, 'Warning', 'TooManyMissedTimes', 'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew');
      const deadline = cronJob.spec?.startingDeadlineSeconds;
      const tooLate = scheduledMs !== undefined && deadline !== undefined && scheduledMs + deadline * 1000 < nowMs;
      if (scheduledMs !== undefined && tooLate) {
        recorder.record(cronJob as KubeObject, 'Warning', 'MissSchedule', `Missed scheduled time to start a job: ${new Date(scheduledMs).toUTCString().replace('GMT', '+0000')}`);
      } else if (scheduledMs !== undefined) {
        const policy = cronJob.spec?.concurrencyPolicy ?? 'Allow';
        if (policy === 'Forbid' && active.length > 0) {
          recorder.record(cronJob as KubeObject, 'Normal', 'JobAlreadyActive', 'Not starting job because prior execution is running and concurrency policy is Forbid');
        } else {
          if (policy === 'Replace') {
            for (const ref of active) {
              const deleted = this.#ctx.server.handle({ verb: 'delete', ...JOBS, namespace: namespace!, name: ref.name!, query: { propagationPolicy: 'Background' } });
              if (deleted.ok) recorder.record(cronJob as KubeObject, 'Normal', 'SuccessfulDelete', `Deleted job ${ref.name}`);
            }
            active = [];
          }
          const created = this.#ctx.server.handle({ verb: 'create', ...JOBS, namespace: namespace!, body: jobFromTemplate(cronJob, scheduledMs) });
          if (created.ok) {
            const job = created.body as Job;
            recorder.record(cronJob as KubeObject, 'Normal', 'SuccessfulCreate', `Created job ${job.metadata!.name}`);
            active.push(jobReference(job));
          } else if (created.body.reason !== 'AlreadyExists') {
            recorder.record(cronJob as KubeObject, 'Warning', 'FailedCreate', `Error creating job: ${created.body.message}`);
          }
        }
        status.lastScheduleTime = formatTimestamp(scheduledMs);
      }
      const nextMs = nextActivation(parsed.schedule, Math.max(nowMs, parseTimestamp(status.lastScheduleTime) ?? 0));
      if (nextMs !== undefined) this.#queue.addAfter(key, nextMs - nowMs);
    }

    const next: Record<string, unknown> = { ...status };
    if (active.length) next.active = active;
    else delete next.active;
    if (stableStringify(next) !== stableStringify(cronJob.status ?? {})) {
      this.#ctx.server.handle({ verb: 'update', ...CRONJOBS, subresource: 'status', namespace: namespace!, name, body: { ...cronJob, status: next } });
    }
    this.#cleanupFinishedJobs(cronJob, jobs);
  }

  /** Models cleanupFinishedJobs / removeOldestJobs: keep the newest N of each outcome. */
  #cleanupFinishedJobs(cronJob: CronJob, jobs: Job[]): void {
    const recorder = this.#ctx.recorder('cronjob-controller');
    const limits: [FinishedType, number | undefined][] = [
      ['Complete', cronJob.spec?.successfulJobsHistoryLimit],
      ['Failed', cronJob.spec?.failedJobsHistoryLimit],
    ];
    for (const [type, limit] of limits) {
      if (limit === undefined) continue;
      const finished = jobs.filter((j) => jobFinishedType(j) === type && !j.metadata?.deletionTimestamp).sort(byStartTime);
      for (const job of finished.slice(0, Math.max(0, finished.length - limit))) {
        const deleted = this.#ctx.server.handle({
          verb: 'delete',
          ...JOBS,
          namespace: job.metadata!.namespace!,
          name: job.metadata!.name!,
          query: { propagationPolicy: 'Background' },
        });
        if (deleted.ok) recorder.record(cronJob as KubeObject, 'Normal', 'SuccessfulDelete', `Deleted job ${job.metadata!.name}`);
      }
    }
  }
}

function byStartTime(a: Job, b: Job): number {
  const start = (j: Job) => parseTimestamp(j.status?.startTime) ?? parseTimestamp(j.metadata?.creationTimestamp) ?? 0;
  return start(a) - start(b) || (a.metadata!.name! < b.metadata!.name! ? -1 : 1);
}

function jobReference(job: Job): ObjectReference {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    name: job.metadata!.name!,
    namespace: job.metadata!.namespace!,
    resourceVersion: job.metadata!.resourceVersion!,
    uid: job.metadata!.uid!,
  };
}

/** Models utils.go getJobFromTemplate2. */
export function jobFromTemplate(cronJob: CronJob, scheduledMs: number): KubeObject {
  const template = JSON.parse(JSON.stringify(cronJob.spec?.jobTemplate ?? {}));
  const annotations = { ...(template.metadata?.annotations ?? {}), 'batch.kubernetes.io/cronjob-scheduled-timestamp': formatTimestamp(scheduledMs) };
  const metadata: Record<string, unknown> = {
    name: `${cronJob.metadata!.name}-${Math.floor(scheduledMs / 60_000)}`,
    ...(template.metadata?.labels ? { labels: template.metadata.labels } : {}),
    annotations,
    ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: cronJob.metadata!.name!, uid: cronJob.metadata!.uid!, controller: true, blockOwnerDeletion: true }],
  };
  return { apiVersion: 'batch/v1', kind: 'Job', metadata, spec: template.spec ?? {} };
}
