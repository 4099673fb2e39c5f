/**
 * The shared second half of `set env` and `set resources`: change each object's pod spec in a
 * copy, send the two-way strategic merge patch between before and after (nothing when they are
 * equal), and print what kubectl prints.
 * Models staging/src/k8s.io/kubectl/pkg/cmd/set/helper.go CalculatePatches and the Run loops.
 */
import type { PodSpec } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../engine/api/client.ts';
import { copyJson } from '../../../lib/deep-json/deep-json.ts';
import { createTwoWayMergePatch } from '../../../lib/strategic-merge/three-way-merge-patch.ts';
import { patchSchemaFor } from '../../../lib/strategic-merge/patch-schema.ts';
import type { DryRunStrategy } from '../../dry-run.ts';
import type { Invocation } from '../../kubectl-command.ts';
import { printChanged, type LocalObject } from '../../local-objects.ts';
import { patchObject } from '../../object-client.ts';
import { notPodTemplate, podSpecOf } from './pod-spec-of.ts';

/** Changes `spec` in place; returns the object's error (printed after its name), if any. */
export type PodSpecChange = (target: LocalObject, spec: PodSpec) => Promise<string | undefined> | string | undefined;

export interface PatchOptions {
  verb: string;
  dryRun: DryRunStrategy;
  /** `set env --list`: the change only prints; nothing is sent and no error is reported. */
  listOnly?: boolean;
  /** Errors gathered while changing, printed before the patch errors (set resources' missing containers). */
  earlyErrors?: () => string[];
  patchError: (message: string) => string;
}

export async function applyPodTemplateChanges(inv: Invocation, targets: LocalObject[], change: PodSpecChange, options: PatchOptions): Promise<number> {
  const planned: ({ error: string } | { target: LocalObject; after: KubeObject; patch: Record<string, unknown> })[] = [];
  for (const target of targets) {
    const after = copyJson(target.obj) as KubeObject;
    const spec = podSpecOf(after);
    const name = `${target.resource.name}/${target.obj.metadata?.name}`;
    const failure = spec ? await change(target, spec) : notPodTemplate(target.resource.name, target.obj);
    if (failure) {
      planned.push({ error: spec ? `error: ${name} ${failure}` : `error: ${failure}` });
      continue;
    }
    const patch = createTwoWayMergePatch(target.obj, after, patchSchemaFor(target.obj.apiVersion ?? '', target.obj.kind ?? ''));
    planned.push({ target, after, patch });
  }
  if (options.listOnly) return 0;
  const allErrors = options.earlyErrors?.() ?? [];
  const local = inv.flags.values.get('local') === true;
  for (const step of planned) {
    if ('error' in step) {
      allErrors.push(step.error);
      continue;
    }
    const { target, after, patch } = step;
    if (Object.keys(patch).length === 0) continue;
    if (local || options.dryRun === 'client') {
      printChanged(inv, { resource: target.resource, obj: after }, options.verb, { typed: true, dryRun: options.dryRun });
      continue;
    }
    const name = target.obj.metadata?.name ?? '';
    const namespace = target.obj.metadata?.namespace ?? inv.namespace;
    const patched = await patchObject(inv.api, target.resource, namespace, name, patch, 'application/strategic-merge-patch+json', options.dryRun === 'server');
    if (!patched.ok) {
      allErrors.push(`error: ${options.patchError(patched.body.message ?? '')}`);
      continue;
    }
    printChanged(inv, { resource: target.resource, obj: patched.body }, options.verb, { typed: true, dryRun: options.dryRun });
  }
  // checkErr ends each message with exactly one newline.
  for (const error of allErrors) inv.err(`${error.replace(/\n+$/, '')}\n`);
  return allErrors.length > 0 ? 1 : 0;
}
