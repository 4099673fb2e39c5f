/**
 * What Deployments and ReplicaSets share (pkg/apis/apps/validation): the selector rules and
 * ValidatePodTemplateSpecForReplicaSet.
 */
import { stableStringify } from '../../store/deep-copy.ts';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { type FieldError, goStringMap, goValue, invalid, notSupported, required } from '../field-error.ts';
import { labelSelectorAsRequirements, matchesLabels } from '../../../lib/label-selector/label-selector.ts';
import { goLabelSelector, isEmptySelector } from './label-selector-text.ts';
import { isQualifiedName } from './name-validation.ts';
import { validateAnnotations, validateLabels } from './object-meta-validation.ts';
import { validatePodSpec } from './pod-spec-validation.ts';

const SELECTOR_OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

export function validateLabelSelector(selector: LabelSelector, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (selector.matchExpressions ?? []).forEach((req, i) => {
    const idx = `${path}.matchExpressions[${i}]`;
    if (!SELECTOR_OPERATORS.includes(req.operator)) errs.push(notSupported(`${idx}.operator`, goValue(req.operator), SELECTOR_OPERATORS));
    else if ((req.operator === 'In' || req.operator === 'NotIn') && (req.values ?? []).length === 0) {
      errs.push(required(`${idx}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
    } else if ((req.operator === 'Exists' || req.operator === 'DoesNotExist') && (req.values ?? []).length > 0) {
      errs.push({ type: 'FieldValueForbidden', field: `${idx}.values`, detail: "may not be specified when `operator` is 'Exists' or 'DoesNotExist'" });
    }
    for (const msg of isQualifiedName(req.key)) errs.push(invalid(`${idx}.key`, goValue(req.key), msg));
  });
  errs.push(...validateLabels(selector.matchLabels, `${path}.matchLabels`));
  return errs;
}

/** The selector checks of ValidateDeploymentSpec / ValidateReplicaSetSpec. */
export function validateWorkloadSelector(selector: LabelSelector | undefined, path: string): FieldError[] {
  if (!selector) return [required(path)];
  const errs = validateLabelSelector(selector, path);
  if (isEmptySelector(selector)) {
    // Upstream says "deployment" for ReplicaSets too.
    errs.push(invalid(path, goLabelSelector(selector), 'empty selector is invalid for deployment'));
  }
  return errs;
}

export function validatePodTemplateSpecForReplicaSet(template: PodTemplateSpec | undefined, selector: LabelSelector | undefined, path: string): FieldError[] {
  if (!template) return [required(path)];
  const errs: FieldError[] = [];
  const labels = template.metadata?.labels;
  const selectorIsEmpty = selector !== undefined && isEmptySelector(selector);
  // LabelSelectorAsSelector: a nil selector is labels.Nothing() and matches no template.
  const requirements = labelSelectorAsRequirements(selector);
  if (!requirements.ok) return [invalid(path.replace(/template$/, 'selector'), goLabelSelector(selector), 'invalid label selector')];
  if (!selectorIsEmpty && !matchesLabels(requirements.requirements, labels)) {
    errs.push(invalid(`${path}.metadata.labels`, goStringMap(labels), '`selector` does not match template `labels`'));
  }
  errs.push(...validateLabels(labels, `${path}.metadata.labels`));
  errs.push(...validateAnnotations(template.metadata?.annotations, `${path}.metadata.annotations`));
  errs.push(...validatePodSpec(template.spec, `${path}.spec`));
  const restartPolicy = template.spec?.restartPolicy;
  if (restartPolicy !== 'Always') errs.push(notSupported(`${path}.spec.restartPolicy`, goValue(restartPolicy ?? ''), ['Always']));
  if (template.spec?.activeDeadlineSeconds !== undefined) {
    errs.push(invalid(`${path}.spec.activeDeadlineSeconds`, String(template.spec.activeDeadlineSeconds), 'activeDeadlineSeconds in ReplicaSet is not Supported'));
  }
  return errs;
}

/** ValidateImmutableField for spec.selector on update (apps/v1). */
export function validateSelectorUnchanged(selector: LabelSelector | undefined, old: LabelSelector | undefined): FieldError[] {
  if (stableStringify(selector ?? null) === stableStringify(old ?? null)) return [];
  return [invalid('spec.selector', goLabelSelector(selector), 'field is immutable')];
}
