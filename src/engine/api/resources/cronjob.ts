/** CronJobs (batch/v1): SetDefaults_CronJob, ValidateCronJobCreate/Update, printCronJob. */
import type { CronJob, CronJobSpec, JobTemplateSpec } from 'kubernetes-types/batch/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { parseCronSchedule } from '../../../lib/cron/cron-schedule.ts';
import { translateTimestampSince } from '../../../lib/duration/human-duration.ts';
import { formatLabelSelector } from '../../../lib/label-selector/label-selector.ts';
import { stableStringify } from '../../store/deep-copy.ts';
import type { KubeObject } from '../client.ts';
import { type FieldError, goValue, invalid, notSupported, required } from '../field-error.ts';
import type { ResourceDefinition } from '../resource-definition.ts';
import { containerCells } from './container-cells.ts';
import { validateJobSpec } from './job.ts';
import { isDNS1123Subdomain } from './name-validation.ts';
import { validateAnnotations, validateLabels, validateNonnegative, validateObjectMeta } from './object-meta-validation.ts';
import { defaultPodTemplate } from './pod-spec-defaults.ts';
import { ageColumn, column, nameColumn, STANDARD_VERBS } from './table-columns.ts';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Job names are `<cronjob>-<minutes>`: 11 characters are kept for the suffix (validation.go ValidateCronJobName). */
const MAX_CRONJOB_NAME_LENGTH = 52;

function validateCronJobName(name: string): string[] {
  const errs = isDNS1123Subdomain(name);
  if (name.length > MAX_CRONJOB_NAME_LENGTH) errs.push(`must be no more than ${MAX_CRONJOB_NAME_LENGTH} characters`);
  return errs;
}

/** Models validation.go validateScheduleFormat (with allowTZInSchedule false). */
function validateSchedule(schedule: string, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const parsed = parseCronSchedule(schedule);
  if (!parsed.ok) errs.push(invalid(path, goValue(schedule), parsed.message));
  if (schedule.includes('TZ')) errs.push(invalid(path, goValue(schedule), 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'));
  return errs;
}

/** The zones the controller can compute in: UTC and its aliases (deviation, issue 13: no tz database). */
const KNOWN_ZONES = new Set(['UTC', 'Etc/UTC', 'Etc/GMT', 'GMT', 'Etc/Zulu', 'Zulu', 'Universal', 'Etc/Universal']);

function validateCronJobSpec(spec: CronJobSpec | undefined): FieldError[] {
  const errs: FieldError[] = [];
  if (!spec?.schedule) errs.push(required('spec.schedule'));
  else errs.push(...validateSchedule(spec.schedule, 'spec.schedule'));
  if (spec?.timeZone !== undefined && !KNOWN_ZONES.has(spec.timeZone)) {
    errs.push(invalid('spec.timeZone', goValue(spec.timeZone), spec.timeZone === '' ? 'timeZone must be nil or non-empty string' : 'unknown time zone ' + spec.timeZone));
  }
  errs.push(...validateNonnegative(spec?.startingDeadlineSeconds, 'spec.startingDeadlineSeconds'));
  const policy = spec?.concurrencyPolicy;
  if (!policy) errs.push(required('spec.concurrencyPolicy'));
  else if (!['Allow', 'Forbid', 'Replace'].includes(policy)) errs.push(notSupported('spec.concurrencyPolicy', goValue(policy), ['Allow', 'Forbid', 'Replace']));
  errs.push(...validateNonnegative(spec?.successfulJobsHistoryLimit, 'spec.successfulJobsHistoryLimit'));
  errs.push(...validateNonnegative(spec?.failedJobsHistoryLimit, 'spec.failedJobsHistoryLimit'));
  const template = spec?.jobTemplate;
  errs.push(...validateLabels(template?.metadata?.labels, 'spec.jobTemplate.metadata.labels'));
  errs.push(...validateAnnotations(template?.metadata?.annotations, 'spec.jobTemplate.metadata.annotations'));
  errs.push(...validateJobSpec(template?.spec, 'spec.jobTemplate.spec', true));
  return errs;
}

function validateCronJob(obj: KubeObject): FieldError[] {
  const cronJob = obj as CronJob;
  return [...validateObjectMeta(cronJob.metadata, validateCronJobName), ...validateCronJobSpec(cronJob.spec)];
}

const JOB_SELECTOR_DESCRIPTION =
  'A label query over pods that should match the pod count. Normally, the system sets this field for you. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors';

export const cronJobColumns = [
  nameColumn(),
  column('Schedule', 'The schedule in Cron format, see https://en.wikipedia.org/wiki/Cron.'),
  column(
    'Timezone',
    'The time zone name for the given schedule, see https://en.wikipedia.org/wiki/List_of_tz_database_time_zones. If not specified, this will default to the time zone of the kube-controller-manager process. The set of valid time zone names and the time zone offset is loaded from the system-wide time zone database by the API server during CronJob validation and the controller manager during execution. If no system-wide time zone database can be found a bundled version of the database is used instead. If the time zone name becomes invalid during the lifetime of a CronJob or due to a change in host configuration, the controller will stop creating new new Jobs and will create a system event with the reason UnknownTimeZone. More information can be found in https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#time-zones',
  ),
  column('Suspend', 'This flag tells the controller to suspend subsequent executions, it does not apply to already started executions.  Defaults to false.', { type: 'boolean' }),
  column('Active', 'A list of pointers to currently running jobs.', { type: 'integer' }),
  column('Last Schedule', 'Information when was the last time the job was successfully scheduled.'),
  ageColumn(),
  column('Containers', 'Names of each container in the template.', { priority: 1 }),
  column('Images', 'Images referenced by each container in the template.', { priority: 1 }),
  column('Selector', JOB_SELECTOR_DESCRIPTION, { priority: 1 }),
];

export const cronJobDefinition: ResourceDefinition = {
  info: {
    group: 'batch',
    version: 'v1',
    name: 'cronjobs',
    singularName: 'cronjob',
    kind: 'CronJob',
    namespaced: true,
    shortNames: ['cj'],
    verbs: [...STANDARD_VERBS],
    categories: ['all'],
    subresources: ['status'],
  },
  applyDefaults: (obj) => {
    const spec = ((obj as Mutable<CronJob>).spec ??= { schedule: '', jobTemplate: {} }) as Mutable<CronJobSpec>;
    spec.concurrencyPolicy ||= 'Allow';
    spec.suspend ??= false;
    spec.successfulJobsHistoryLimit ??= 3;
    spec.failedJobsHistoryLimit ??= 1;
    const jobTemplate = (spec.jobTemplate ??= {}) as Mutable<JobTemplateSpec>;
    const meta = (jobTemplate.metadata ??= {}) as { creationTimestamp?: string | null };
    if (meta.creationTimestamp === undefined) meta.creationTimestamp = null;
    if (jobTemplate.spec) defaultPodTemplate(jobTemplate.spec.template as Mutable<PodTemplateSpec>);
  },
  admitCreate: (obj) => {
    obj.status = {};
  },
  validateCreate: validateCronJob,
  validateUpdate: validateCronJob,
  hasSpecChange: (obj, old) => stableStringify(obj.spec) !== stableStringify(old.spec),
  tableColumns: cronJobColumns,
  tableRow: (obj, ctx) => {
    const cronJob = obj as CronJob;
    const template = cronJob.spec?.jobTemplate?.spec;
    const { names, images } = containerCells(template?.template?.spec?.containers);
    const suspend = cronJob.spec?.suspend;
    return [
      cronJob.metadata?.name ?? '',
      cronJob.spec?.schedule ?? '',
      cronJob.spec?.timeZone ?? '<none>',
      suspend === undefined ? '<unset>' : suspend ? 'True' : 'False',
      (cronJob.status?.active ?? []).length,
      cronJob.status?.lastScheduleTime ? translateTimestampSince(cronJob.status.lastScheduleTime, ctx.nowMs) : '<none>',
      translateTimestampSince(cronJob.metadata?.creationTimestamp, ctx.nowMs),
      names,
      images,
      template?.selector ? formatLabelSelector(template.selector) : '',
    ];
  },
};
