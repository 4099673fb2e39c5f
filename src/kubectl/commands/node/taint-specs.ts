/**
 * `KEY[=VALUE]:EFFECT` to add and `KEY[:EFFECT]-` to remove, and how a node's taints change:
 * what the operation prints (tainted, untainted, modified). Models pkg/cmd/taint/utils.go.
 */
import { isQualifiedName, isValidLabelValue } from '../../../lib/label-selector/label-validation.ts';

export interface Taint {
  key: string;
  value?: string;
  effect: string;
  timeAdded?: string;
}

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** A spec's error, worded as parseTaint's. */
export class TaintSpecError extends Error {}

function parseTaint(spec: string): Taint {
  const parts = spec.split(':');
  let key: string;
  let value = '';
  let effect = '';
  if (parts.length === 1) key = parts[0]!;
  else if (parts.length === 2) {
    effect = parts[1]!;
    if (!EFFECTS.includes(effect)) throw new TaintSpecError(`invalid taint effect: ${effect}, unsupported taint effect`);
    const kv = parts[0]!.split('=');
    if (kv.length > 2) throw new TaintSpecError(`invalid taint spec: ${spec}`);
    key = kv[0]!;
    if (kv.length === 2) {
      value = kv[1]!;
      const errs = isValidLabelValue(value);
      if (errs.length) throw new TaintSpecError(`invalid taint spec: ${spec}, ${errs.join('; ')}`);
    }
  } else throw new TaintSpecError(`invalid taint spec: ${spec}`);
  const errs = isQualifiedName(key);
  if (errs.length) throw new TaintSpecError(`invalid taint spec: ${spec}, ${errs.join('; ')}`);
  return { key, ...(value ? { value } : {}), effect };
}

/** parseTaints: the taints to add and to remove, in the order given. */
export function parseTaints(specs: string[]): { add: Taint[]; remove: Taint[] } {
  const add: Taint[] = [];
  const remove: Taint[] = [];
  for (const spec of specs) {
    if (spec.endsWith('-')) {
      const taint = parseTaint(spec.slice(0, -1));
      remove.push({ key: taint.key, effect: taint.effect });
      continue;
    }
    const taint = parseTaint(spec);
    if (!taint.effect) throw new TaintSpecError(`invalid taint spec: ${spec}`);
    if (add.some((t) => t.key === taint.key && t.effect === taint.effect))
      throw new TaintSpecError(`duplicated taints with the same key and effect: {${taint.key} ${taint.value ?? ''} ${taint.effect} <nil>}`);
    add.push(taint);
  }
  return { add, remove };
}

/** Validate: a key both added and removed (with the same effect, or any when none is named). */
export function conflictingTaints(add: Taint[], remove: Taint[]): string[] {
  const conflicts: string[] = [];
  for (const a of add) for (const r of remove) if (a.key === r.key && (!r.effect || a.effect === r.effect)) conflicts.push(`${r.key}=${r.effect}`);
  return conflicts;
}

/** Taint.ToString: `key=value:effect`, dropping the empty parts. */
export function taintString(t: Taint): string {
  return `${t.key}${t.value ? `=${t.value}` : ''}${t.effect ? `:${t.effect}` : ''}`;
}

const matches = (a: Taint, b: Taint) => a.key === b.key && a.effect === b.effect;

/** checkIfTaintsAlreadyExists: the keys of `add` the node already has with the same effect. */
export function existingKeys(current: Taint[], add: Taint[]): string {
  return add.flatMap((t) => current.filter((c) => matches(t, c)).map(() => t.key)).join(',');
}

/** reorganizeTaints: the node's new taints, the operation to print, and the removals that found nothing. */
export function reorganizeTaints(current: Taint[], overwrite: boolean, add: Taint[], remove: Taint[]): { operation: string; taints: Taint[]; errors: string[] } {
  let taints = [...add];
  for (const old of current) if (!taints.some((t) => matches(t, old))) taints.push(old);
  const added = current.length !== taints.length;
  const errors: string[] = [];
  let removed = false;
  for (const r of remove) {
    const before = taints.length;
    taints = taints.filter((t) => (r.effect ? !matches(r, t) : t.key !== r.key));
    removed = taints.length !== before;
    if (!removed) errors.push(`taint ${JSON.stringify(taintString(r))} not found`);
  }
  const operation = (added && removed) || overwrite ? 'modified' : added ? 'tainted' : 'untainted';
  return { operation, taints, errors };
}
