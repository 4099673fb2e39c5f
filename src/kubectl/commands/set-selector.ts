/**
 * `kubectl set selector (-f FILE | TYPE NAME) EXPRESSIONS`: replaces a Service's selector. Models
 * staging/src/k8s.io/kubectl/pkg/cmd/set/set_selector.go: the last argument is the selector,
 * parsed as metav1.ParseToLabelSelector parses it; only Services take one.
 */
import type { KubeObject } from '../../engine/api/client.ts';
import { parseLabelSelector, type Requirement } from '../../lib/label-selector/label-selector.ts';
import { DRY_RUN_FLAG, dryRunStrategy } from '../dry-run.ts';
import { formatStatus, KubectlError, MISSING_RESOURCES } from '../errors.ts';
import { stringFlag, stringsFlag } from '../flags.ts';
import type { KubectlCommand } from '../kubectl-command.ts';
import { isLocal, localObjects, printChanged, type LocalObject } from '../local-objects.ts';
import { getObject, patchObject } from '../object-client.ts';
import { PRINT_FLAGS } from '../printers/generated-object-printer.ts';
import { parseResourceArgs } from '../resource-args.ts';

const LOCAL_NEEDS_FILES =
  "error: you must specify resources by --filename when --local is set.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'";

interface ParsedSelector {
  matchLabels: Record<string, string>;
  matchExpressions: { key: string; operator: string; values: string[] }[];
}

const EXPRESSION_OPERATORS: Partial<Record<Requirement['operator'], string>> = { in: 'In', notin: 'NotIn', exists: 'Exists', '!': 'DoesNotExist' };

/** metav1.ParseToLabelSelector: equality into matchLabels, set operators into matchExpressions. */
export function parseToLabelSelector(text: string): ParsedSelector {
  const parsed = parseLabelSelector(text);
  if (!parsed.ok) throw new KubectlError(`error: couldn't parse the selector string "${text}": ${parsed.message.replace(/^unable to parse requirement: /, '')}`);
  const selector: ParsedSelector = { matchLabels: {}, matchExpressions: [] };
  for (const r of parsed.requirements ?? []) {
    if (r.operator === '=' || r.operator === '==') {
      selector.matchLabels[r.key] = r.values[0] ?? '';
      continue;
    }
    if (r.operator === 'gt' || r.operator === 'lt') throw new KubectlError(`error: "${r.operator}" isn't supported in label selectors`);
    const operator = EXPRESSION_OPERATORS[r.operator];
    if (!operator) throw new KubectlError(`error: "${r.operator}" is not a valid label selector operator`);
    selector.matchExpressions.push({ key: r.key, operator, values: r.values });
  }
  return selector;
}

/** updateSelectorForObject: the Service's new selector, or why it cannot have one. */
function newSelector(obj: KubeObject, selector: ParsedSelector): Record<string, string> {
  if (obj.kind !== 'Service') throw new KubectlError('error: setting a selector is only supported for Services');
  if (selector.matchExpressions.length > 0) {
    // Go's %v of []LabelSelectorRequirement.
    const shown = selector.matchExpressions.map((e) => `{${e.key} ${e.operator} [${e.values.join(' ')}]}`).join(' ');
    throw new KubectlError(`error: match expression [${shown}] not supported on this object`);
  }
  return selector.matchLabels;
}

function withSelector(obj: KubeObject, selector: Record<string, string>, resourceVersion: string | undefined): KubeObject {
  const copy = JSON.parse(JSON.stringify(obj)) as KubeObject & { spec?: { selector?: Record<string, string> } };
  copy.spec = { ...copy.spec };
  if (Object.keys(selector).length > 0) copy.spec.selector = { ...selector };
  else delete copy.spec.selector;
  if (resourceVersion) copy.metadata = { ...copy.metadata, resourceVersion };
  return copy;
}

export const setSelectorCommand: KubectlCommand = {
  path: 'set selector',
  flags: [
    { name: 'all', kind: 'bool' },
    { name: 'record', kind: 'bool' },
    { name: 'resource-version', kind: 'string' },
    { name: 'field-manager', kind: 'string' },
    DRY_RUN_FLAG,
    { name: 'local', kind: 'bool' },
    { name: 'filename', short: 'f', kind: 'strings' },
    { name: 'recursive', short: 'R', kind: 'bool' },
    ...PRINT_FLAGS,
  ],
  async run(inv) {
    const refs = inv.args.slice(0, -1);
    const selectorText = inv.args.at(-1);
    const selector = selectorText === undefined ? undefined : parseToLabelSelector(selectorText);
    if (!selector) throw new KubectlError('error: one selector is required');
    const dryRun = dryRunStrategy(inv.flags, inv.err, inv.ctx.time.now());
    const resourceVersion = stringFlag(inv.flags, 'resource-version') || undefined;
    const files = stringsFlag(inv.flags, 'filename');
    if (isLocal(inv)) {
      if (refs.length > 0) throw new KubectlError(LOCAL_NEEDS_FILES);
      for (const local of await localObjects(inv, LOCAL_NEEDS_FILES)) {
        const changed: LocalObject = { ...local, obj: withSelector(local.obj, newSelector(local.obj, selector), resourceVersion) };
        printChanged(inv, changed, 'selector updated', { typed: true });
      }
      return 0;
    }
    // Without --local, `-f` objects are read back from the server by kind and name.
    const targets =
      files.length > 0
        ? (await localObjects(inv, MISSING_RESOURCES)).map((o) => ({
            resource: o.resource,
            namespace: o.obj.metadata?.namespace ?? inv.namespace,
            name: o.obj.metadata?.name ?? '',
          }))
        : parseResourceArgs(refs, inv.mapper).flatMap((t) => t.names.map((name) => ({ resource: t.resource, namespace: inv.namespace, name })));
    if (targets.length === 0) throw new KubectlError(MISSING_RESOURCES);
    let status = 0;
    for (const { resource, namespace, name } of targets) {
      const res = await getObject(inv.api, resource, namespace, name);
      if (!res.ok) {
        inv.err(`${formatStatus(res.body)}\n`);
        status = 1;
        continue;
      }
      const next = newSelector(res.body, selector);
      if (dryRun === 'client') {
        printChanged(inv, { resource, obj: withSelector(res.body, next, resourceVersion) }, 'selector updated', { typed: true, dryRun });
        continue;
      }
      // A strategic merge patch of the map: keys no longer selected are set to null.
      const old = (res.body as { spec?: { selector?: Record<string, string> } }).spec?.selector ?? {};
      const patchSelector: Record<string, string | null> = { ...next };
      for (const key of Object.keys(old)) if (!(key in next)) patchSelector[key] = null;
      const patch = { ...(resourceVersion ? { metadata: { resourceVersion } } : {}), spec: { selector: patchSelector } };
      const patched = await patchObject(inv.api, resource, namespace, name, patch, 'application/strategic-merge-patch+json', dryRun === 'server');
      if (!patched.ok) {
        inv.err(`${formatStatus(patched.body)}\n`);
        status = 1;
        continue;
      }
      printChanged(inv, { resource, obj: patched.body }, 'selector updated', { typed: true, dryRun });
    }
    return status;
  },
};
