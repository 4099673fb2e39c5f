/** describe for Jobs, CronJobs and ServiceAccounts: pkg/describe/describe.go describeJob, describeCronJob, describeServiceAccount. */
import type { CronJob, Job } from 'kubernetes-types/batch/v1';
import type { ServiceAccount } from 'kubernetes-types/core/v1';
import type { ApiClient, KubeObject } from '../../../engine/api/client.ts';
import { humanDuration } from '../../../lib/duration/human-duration.ts';
import { formatLabelSelector } from '../../../lib/label-selector/label-selector.ts';
import { SHOW_EVENTS, writeEvents } from './events-section.ts';
import { writePodTemplate } from './pod-template-text.ts';
import { PrefixWriter, rfc1123z, writeAnnotations, writeLabels } from './prefix-writer.ts';

function writeController(w: PrefixWriter, obj: KubeObject): void {
  const owner = obj.metadata?.ownerReferences?.find((o) => o.controller);
  if (owner) w.line(0, `Controlled By:\t${owner.kind}/${owner.name}`);
}

export async function describeJob(api: ApiClient, obj: KubeObject, nowMs: number, settings = SHOW_EVENTS): Promise<string> {
  const job = obj as Job;
  const spec = job.spec;
  const status = job.status ?? {};
  const w = new PrefixWriter();
  w.line(0, `Name:\t${job.metadata?.name}`);
  w.line(0, `Namespace:\t${job.metadata?.namespace}`);
  w.line(0, `Selector:\t${spec?.selector ? formatLabelSelector(spec.selector) : ''}`);
  writeLabels(w, 'Labels', job.metadata?.labels);
  writeAnnotations(w, 'Annotations', job.metadata?.annotations);
  writeController(w, obj);
  if (spec?.parallelism !== undefined) w.line(0, `Parallelism:\t${spec.parallelism}`);
  w.line(0, `Completions:\t${spec?.completions ?? '<unset>'}`);
  if (spec?.completionMode) w.line(0, `Completion Mode:\t${spec.completionMode}`);
  if (spec?.suspend !== undefined) w.line(0, `Suspend:\t${spec.suspend}`);
  if (spec?.backoffLimit !== undefined) w.line(0, `Backoff Limit:\t${spec.backoffLimit}`);
  if (spec?.ttlSecondsAfterFinished !== undefined) w.line(0, `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}`);
  if (status.startTime) w.line(0, `Start Time:\t${rfc1123z(status.startTime)}`);
  if (status.completionTime) w.line(0, `Completed At:\t${rfc1123z(status.completionTime)}`);
  if (status.startTime && status.completionTime) w.line(0, `Duration:\t${humanDuration(Date.parse(status.completionTime) - Date.parse(status.startTime))}`);
  if (spec?.activeDeadlineSeconds !== undefined) w.line(0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s`);
  const counts = `${status.succeeded ?? 0} Succeeded / ${status.failed ?? 0} Failed`;
  w.line(0, `Pods Statuses:\t${status.active ?? 0} Active${status.ready === undefined ? '' : ` (${status.ready} Ready)`} / ${counts}`);
  if (spec?.completionMode === 'Indexed') w.line(0, `Completed Indexes:\t${status.completedIndexes || '<none>'}`);
  writePodTemplate(w, spec?.template ?? {});
  await writeEvents(w, api, obj, nowMs, settings);
  return w.toString();
}

export async function describeCronJob(api: ApiClient, obj: KubeObject, nowMs: number, settings = SHOW_EVENTS): Promise<string> {
  const cronJob = obj as CronJob;
  const spec = cronJob.spec;
  const w = new PrefixWriter();
  const unset = (value: number | undefined, suffix = '') => (value === undefined ? '<unset>' : `${value}${suffix}`);
  w.line(0, `Name:\t${cronJob.metadata?.name}`);
  w.line(0, `Namespace:\t${cronJob.metadata?.namespace}`);
  writeLabels(w, 'Labels', cronJob.metadata?.labels);
  writeAnnotations(w, 'Annotations', cronJob.metadata?.annotations);
  w.line(0, `Schedule:\t${spec?.schedule ?? ''}`);
  w.line(0, `Concurrency Policy:\t${spec?.concurrencyPolicy ?? ''}`);
  w.line(0, `Suspend:\t${spec?.suspend === undefined ? '<unset>' : spec.suspend ? 'True' : 'False'}`);
  w.line(0, `Successful Job History Limit:\t${unset(spec?.successfulJobsHistoryLimit)}`);
  w.line(0, `Failed Job History Limit:\t${unset(spec?.failedJobsHistoryLimit)}`);
  w.line(0, `Starting Deadline Seconds:\t${unset(spec?.startingDeadlineSeconds, 's')}`);
  // describeJobTemplate
  const jobSpec = spec?.jobTemplate?.spec;
  w.line(0, `Selector:\t${jobSpec?.selector ? formatLabelSelector(jobSpec.selector) : '<unset>'}`);
  w.line(0, `Parallelism:\t${unset(jobSpec?.parallelism)}`);
  w.line(0, `Completions:\t${unset(jobSpec?.completions)}`);
  if (jobSpec?.activeDeadlineSeconds !== undefined) w.line(0, `Active Deadline Seconds:\t${jobSpec.activeDeadlineSeconds}s`);
  writePodTemplate(w, jobSpec?.template ?? {});
  w.line(0, `Last Schedule Time:\t${cronJob.status?.lastScheduleTime ? rfc1123z(cronJob.status.lastScheduleTime) : '<unset>'}`);
  const active = cronJob.status?.active ?? [];
  w.line(0, `Active Jobs:\t${active.length ? active.map((ref) => ref.name).join(', ') : '<none>'}`);
  await writeEvents(w, api, obj, nowMs, settings);
  return w.toString();
}

export async function describeServiceAccount(api: ApiClient, obj: KubeObject, nowMs: number, settings = SHOW_EVENTS): Promise<string> {
  const sa = obj as ServiceAccount;
  const w = new PrefixWriter();
  w.line(0, `Name:\t${sa.metadata?.name}`);
  w.line(0, `Namespace:\t${sa.metadata?.namespace}`);
  writeLabels(w, 'Labels', sa.metadata?.labels);
  writeAnnotations(w, 'Annotations', sa.metadata?.annotations);
  const pullSecrets = (sa.imagePullSecrets ?? []).map((s) => s.name ?? '');
  if (pullSecrets.length === 0) w.line(0, 'Image pull secrets:\t<none>');
  pullSecrets.forEach((name, i) => w.line(0, `${i === 0 ? 'Image pull secrets:' : '                   '}\t${name}`));
  await writeEvents(w, api, obj, nowMs, settings);
  return w.toString();
}
