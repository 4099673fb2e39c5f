/**
 * Jobs (batch/v1): SetDefaults_Job, the strategy's generated selector (PrepareForCreate
 * generateSelectorIfNeeded), ValidateJob, printJob.
 */
import type { Job, JobCondition, JobSpec } from 'kubernetes-types/batch/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { humanDuration, translateTimestampSince } from '../../../lib/duration/human-duration.ts';
import { formatLabelSelector, labelSelectorAsRequirements, matchesLabels } from '../../../lib/label-selector/label-selector.ts';
import { stableStringify } from '../../store/deep-copy.ts';
import type { KubeObject } from '../client.ts';
import { type FieldError, goStringMap, goValue, invalid, notSupported, required } from '../field-error.ts';
import type { ResourceDefinition } from '../resource-definition.ts';
import { containerCells } from './container-cells.ts';
import { goLabelSelector } from './label-selector-text.ts';
import { isDNS1123Subdomain } from './name-validation.ts';
import { validateAnnotations, validateLabels, validateNonnegative, validateObjectMeta } from './object-meta-validation.ts';
import { defaultPodTemplate } from './pod-spec-defaults.ts';
import { validatePodSpec } from './pod-spec-validation.ts';
import { ageColumn, column, nameColumn, STANDARD_VERBS } from './table-columns.ts';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export const JOB_NAME_LABEL = 'batch.kubernetes.io/job-name';
export const CONTROLLER_UID_LABEL = 'batch.kubernetes.io/controller-uid';
const LEGACY_JOB_NAME_LABEL = 'job-name';
const LEGACY_CONTROLLER_UID_LABEL = 'controller-uid';
const MAX_INT32 = 2147483647;

/** Models pkg/apis/batch/v1/defaults.go SetDefaults_Job (the template through defaultPodTemplate). */
export function applyJobSpecDefaults(spec: Mutable<JobSpec>): void {
  if (spec.completions === undefined && spec.parallelism === undefined) spec.completions = 1;
  spec.parallelism ??= 1;
  spec.backoffLimit ??= spec.backoffLimitPerIndex !== undefined ? MAX_INT32 : 6;
  spec.completionMode ??= 'NonIndexed';
  spec.suspend ??= false;
  for (const rule of spec.podFailurePolicy?.rules ?? []) for (const pattern of rule.onPodConditions ?? []) (pattern as { status: string }).status ||= 'True';
  spec.podReplacementPolicy ??= spec.podFailurePolicy ? 'Failed' : 'TerminatingOrFailed';
  spec.manualSelector ??= false;
  defaultPodTemplate(spec.template as Mutable<PodTemplateSpec>);
}

/** Models pkg/registry/batch/job/strategy.go generateSelector: the job-name and controller-uid labels, both legacy and prefixed. */
function generateSelector(job: Mutable<Job>): void {
  const spec = job.spec as Mutable<JobSpec>;
  const template = (spec.template ??= {}) as Mutable<PodTemplateSpec>;
  const meta = (template.metadata ??= {}) as { labels?: Record<string, string> };
  const labels = (meta.labels ??= {});
  for (const key of [LEGACY_JOB_NAME_LABEL, JOB_NAME_LABEL]) labels[key] ??= job.metadata!.name!;
  for (const key of [LEGACY_CONTROLLER_UID_LABEL, CONTROLLER_UID_LABEL]) labels[key] ??= job.metadata!.uid!;
  const selector = (spec.selector ??= {}) as { matchLabels?: Record<string, string> };
  selector.matchLabels ??= {};
  selector.matchLabels[CONTROLLER_UID_LABEL] ??= job.metadata!.uid!;
}

function admitJob(obj: KubeObject): void {
  const job = obj as Mutable<Job>;
  const spec = (job.spec ??= { template: {} }) as Mutable<JobSpec>;
  if (!spec.manualSelector) generateSelector(job);
  // SetDefaults_Job copies the template's labels to a Job without labels; the stored object is
  // defaulted again when read back, so the generated labels end up on the Job too.
  const templateLabels = spec.template?.metadata?.labels;
  if (templateLabels && Object.keys(job.metadata?.labels ?? {}).length === 0) (job.metadata as { labels?: Record<string, string> }).labels = { ...templateLabels };
  job.status = {};
}

/** Models pkg/apis/batch/validation ValidateJobSpec and validateJobPodTemplateSpec (NonIndexed jobs). */
export function validateJobSpec(spec: JobSpec | undefined, path: string, isJobTemplate = false): FieldError[] {
  const errs: FieldError[] = [];
  errs.push(...validateNonnegative(spec?.parallelism, `${path}.parallelism`));
  errs.push(...validateNonnegative(spec?.completions, `${path}.completions`));
  errs.push(...validateNonnegative(spec?.activeDeadlineSeconds, `${path}.activeDeadlineSeconds`));
  errs.push(...validateNonnegative(spec?.backoffLimit, `${path}.backoffLimit`));
  errs.push(...validateNonnegative(spec?.ttlSecondsAfterFinished, `${path}.ttlSecondsAfterFinished`));
  const mode = spec?.completionMode;
  if (mode !== undefined && mode !== 'NonIndexed' && mode !== 'Indexed') errs.push(notSupported(`${path}.completionMode`, goValue(mode), ['NonIndexed', 'Indexed']));
  if (mode === 'Indexed' && spec?.completions === undefined) errs.push(required(`${path}.completions`, `when completion mode is Indexed`));
  const selector = spec?.selector;
  if (!isJobTemplate) {
    if (!selector) errs.push(required(`${path}.selector`));
    else {
      const requirements = labelSelectorAsRequirements(selector);
      const labels = spec?.template?.metadata?.labels;
      if (!requirements.ok) errs.push(invalid(`${path}.selector`, goLabelSelector(selector), 'invalid label selector'));
      else if (!matchesLabels(requirements.requirements, labels))
        errs.push(invalid(`${path}.template.metadata.labels`, goStringMap(labels), '`selector` does not match template `labels`'));
    }
  } else if (selector) errs.push({ type: 'FieldValueForbidden', field: `${path}.selector`, detail: '`selector` will be auto-generated' });
  const template = spec?.template;
  errs.push(...validateLabels(template?.metadata?.labels, `${path}.template.metadata.labels`));
  errs.push(...validateAnnotations(template?.metadata?.annotations, `${path}.template.metadata.annotations`));
  errs.push(...validatePodSpec(template?.spec, `${path}.template.spec`));
  const restartPolicy = template?.spec?.restartPolicy;
  if (restartPolicy !== 'OnFailure' && restartPolicy !== 'Never') {
    errs.push(
      restartPolicy
        ? notSupported(`${path}.template.spec.restartPolicy`, goValue(restartPolicy), ['OnFailure', 'Never'])
        : required(`${path}.template.spec.restartPolicy`, 'valid values: "OnFailure", "Never"'),
    );
  }
  if (spec?.podFailurePolicy && restartPolicy !== 'Never')
    errs.push(invalid(`${path}.template.spec.restartPolicy`, goValue(restartPolicy ?? ''), 'only "Never" is supported when podFailurePolicy is specified'));
  return errs;
}

function validateJob(obj: KubeObject): FieldError[] {
  const job = obj as Job;
  return [...validateObjectMeta(job.metadata, isDNS1123Subdomain), ...validateJobSpec(job.spec, 'spec')];
}

/** Models ValidateJobUpdate: what cannot change once the Job exists. */
function validateJobUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const spec = (obj as Job).spec;
  const oldSpec = (old as Job).spec;
  const errs: FieldError[] = [];
  const immutable = (field: keyof JobSpec, value: string) => {
    if (stableStringify(spec?.[field] ?? null) !== stableStringify(oldSpec?.[field] ?? null)) errs.push(invalid(`spec.${field}`, value, 'field is immutable'));
  };
  immutable('selector', goLabelSelector(spec?.selector));
  immutable('completionMode', goValue(spec?.completionMode ?? ''));
  immutable('podFailurePolicy', 'null');
  if (spec?.completionMode !== 'Indexed') immutable('completions', String(spec?.completions ?? 'null'));
  const started = (old as Job).status?.startTime !== undefined;
  // The template may change only while the Job is suspended and has never started.
  if (!(oldSpec?.suspend && !started) && stableStringify(spec?.template ?? null) !== stableStringify(oldSpec?.template ?? null)) {
    errs.push(invalid('spec.template', 'core.PodTemplateSpec{...}', 'field is immutable'));
  }
  return errs;
}

export function hasJobCondition(job: Job, type: string): boolean {
  return (job.status?.conditions ?? []).some((c: JobCondition) => c.type === type && c.status === 'True');
}

/** Models printers.go printJob's STATUS cell. */
function jobStatusCell(job: Job): string {
  if (hasJobCondition(job, 'Complete')) return 'Complete';
  if (hasJobCondition(job, 'Failed')) return 'Failed';
  if (job.metadata?.deletionTimestamp) return 'Terminating';
  if (hasJobCondition(job, 'Suspended')) return 'Suspended';
  if (hasJobCondition(job, 'FailureTarget')) return 'FailureTarget';
  if (hasJobCondition(job, 'SuccessCriteriaMet')) return 'SuccessCriteriaMet';
  return 'Running';
}

function jobCompletionsCell(job: Job): string {
  const succeeded = job.status?.succeeded ?? 0;
  if (job.spec?.completions !== undefined) return `${succeeded}/${job.spec.completions}`;
  const parallelism = job.spec?.parallelism ?? 0;
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

function jobDurationCell(job: Job, nowMs: number): string {
  const start = job.status?.startTime;
  if (!start) return '';
  const end = job.status?.completionTime ? Date.parse(job.status.completionTime) : nowMs;
  return humanDuration(end - Date.parse(start));
}

export const jobColumns = [
  nameColumn(),
  column('Status', 'Status of the job.'),
  column(
    'Completions',
    'The number of pods which reached phase Succeeded. The value increases monotonically for a given spec. However, it may decrease in reaction to scale down of elastic indexed jobs.',
  ),
  column('Duration', 'Time required to complete the job.'),
  ageColumn(),
  column('Containers', 'Names of each container in the template.', { priority: 1 }),
  column('Images', 'Images referenced by each container in the template.', { priority: 1 }),
  column(
    'Selector',
    'A label query over pods that should match the pod count. Normally, the system sets this field for you. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors',
    { priority: 1 },
  ),
];

export const jobDefinition: ResourceDefinition = {
  info: {
    group: 'batch',
    version: 'v1',
    name: 'jobs',
    singularName: 'job',
    kind: 'Job',
    namespaced: true,
    shortNames: [],
    verbs: [...STANDARD_VERBS],
    categories: ['all'],
    subresources: ['status'],
  },
  uidBeforeAdmission: true,
  applyDefaults: (obj) => {
    const job = obj as Mutable<Job>;
    applyJobSpecDefaults((job.spec ??= { template: {} }) as Mutable<JobSpec>);
    const templateLabels = job.spec?.template?.metadata?.labels;
    if (templateLabels && Object.keys(job.metadata?.labels ?? {}).length === 0) (job.metadata as { labels?: Record<string, string> }).labels = { ...templateLabels };
  },
  admitCreate: admitJob,
  validateCreate: validateJob,
  validateUpdate: (obj, old) => [...validateJob(obj), ...validateJobUpdate(obj, old)],
  hasSpecChange: (obj, old) => stableStringify(obj.spec) !== stableStringify(old.spec),
  tableColumns: jobColumns,
  tableRow: (obj, ctx) => {
    const job = obj as Job;
    const { names, images } = containerCells(job.spec?.template?.spec?.containers);
    return [
      job.metadata?.name ?? '',
      jobStatusCell(job),
      jobCompletionsCell(job),
      jobDurationCell(job, ctx.nowMs),
      translateTimestampSince(job.metadata?.creationTimestamp, ctx.nowMs),
      names,
      images,
      formatLabelSelector(job.spec?.selector),
    ];
  },
  fieldsForSelector: (obj) => ({ 'status.successful': String((obj as Job).status?.succeeded ?? 0) }),
};
