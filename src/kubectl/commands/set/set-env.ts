/**
 * `kubectl set env RESOURCE/NAME KEY_1=VAL_1 … KEY_N-`: changes, removes, imports (`--from`) or
 * lists (`--list [--resolve]`) the environment of pod templates.
 * Models staging/src/k8s.io/kubectl/pkg/cmd/set/set_env.go RunEnv.
 */
import type { Container, EnvVar } from 'kubernetes-types/core/v1';
import { DRY_RUN_FLAG, dryRunStrategy } from '../../dry-run.ts';
import { KubectlError } from '../../errors.ts';
import { boolFlag, stringFlag, stringsFlag } from '../../flags.ts';
import type { Invocation, KubectlCommand } from '../../kubectl-command.ts';
import type { LocalObject } from '../../local-objects.ts';
import { PRINT_FLAGS } from '../../printers/generated-object-printer.ts';
import { selectContainers } from './container-selector.ts';
import { envVarRefString, keyToEnvName, overwriteError, parseEnv, splitEnvironmentFromResources, updateEnv } from './env-changes.ts';
import { envVarRefValue, ResourceStore } from './env-resolve.ts';
import { gatherTargets } from './pod-template-targets.ts';
import { applyPodTemplateChanges, type PodSpecChange } from './pod-template-patch.ts';

const MISSING = 'error: one or more resources must be specified as <resource> <name> or <resource>/<name>';

/** The variables `--from=configmap/x|secret/x` imports, one per key (with kubectl's warning for renamed keys). */
async function importedEnv(inv: Invocation, from: string, keys: string[]): Promise<EnvVar[]> {
  const sources = await gatherTargets(inv, boolFlag(inv.flags, 'local') ? [] : [from], MISSING);
  if (sources.errors.length > 0) throw new KubectlError(sources.errors.join('\n'));
  const env: EnvVar[] = [];
  for (const { obj } of sources.objects) {
    if (obj.kind !== 'ConfigMap' && obj.kind !== 'Secret') throw new KubectlError('error: unsupported resource specified in --from');
    const refKind = obj.kind === 'Secret' ? 'secretKeyRef' : 'configMapKeyRef';
    // Go ranges over the data map in random order; sorted keys keep the result reproducible.
    for (const key of Object.keys((obj as { data?: Record<string, string> }).data ?? {}).sort()) {
      if (keys.length > 0 && !keys.includes(key)) continue;
      const name = keyToEnvName(key);
      if (name !== key) inv.err(`Warning: key ${key} transferred to ${name}\n`);
      env.push({ name, valueFrom: { [refKind]: { key, name: obj.metadata?.name ?? '' } } });
    }
  }
  return env;
}

async function listContainerEnv(inv: Invocation, store: ResourceStore, target: LocalObject, container: Container): Promise<boolean> {
  inv.out(`# ${target.obj.kind} ${target.obj.metadata?.name}, container ${container.name}\n`);
  const resolveErrors = new Map<string, string[]>();
  for (const env of container.env ?? []) {
    if (!env.valueFrom) {
      inv.out(`${env.name}=${env.value ?? ''}\n`);
      continue;
    }
    if (boolFlag(inv.flags, 'resolve')) {
      const resolved = await envVarRefValue(store, env.valueFrom, target.obj, container);
      if ('value' in resolved) {
        inv.out(`${env.name}=${resolved.value}\n`);
        continue;
      }
      resolveErrors.set(resolved.error, [...(resolveErrors.get(resolved.error) ?? []), env.name]);
    }
    inv.out(`# ${env.name} from ${envVarRefString(env.valueFrom)}\n`);
  }
  const errors = [...resolveErrors].map(([error, names]) => `error retrieving reference for ${names.sort().join(', ')}: ${error}`).sort();
  for (const error of errors) inv.err(`${error}\n`);
  return errors.length > 0;
}

export const setEnvCommand: KubectlCommand = {
  path: 'set env',
  flags: [
    { name: 'all', kind: 'bool' },
    { name: 'containers', short: 'c', kind: 'string' },
    DRY_RUN_FLAG,
    { name: 'env', short: 'e', kind: 'strings' },
    { name: 'field-manager', kind: 'string' },
    { name: 'filename', short: 'f', kind: 'strings' },
    { name: 'from', kind: 'string' },
    { name: 'keys', kind: 'strings' },
    { name: 'kustomize', short: 'k', kind: 'string' },
    { name: 'list', kind: 'bool' },
    { name: 'local', kind: 'bool' },
    { name: 'overwrite', kind: 'bool' },
    { name: 'prefix', kind: 'string' },
    { name: 'recursive', short: 'R', kind: 'bool' },
    { name: 'resolve', kind: 'bool' },
    { name: 'selector', short: 'l', kind: 'string' },
    ...PRINT_FLAGS,
  ],
  async run(inv) {
    if (boolFlag(inv.flags, 'all') && stringFlag(inv.flags, 'selector')) throw new KubectlError('error: cannot set --all and --selector at the same time');
    const split = splitEnvironmentFromResources(inv.args);
    if (!split) throw new KubectlError(`error: all resources must be specified before environment changes: ${inv.args.join(' ')}`);
    const dryRun = dryRunStrategy(inv.flags, inv.err, inv.ctx.time.now());
    const local = boolFlag(inv.flags, 'local');
    if (local && dryRun === 'server') throw new KubectlError('error: cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
    if (stringsFlag(inv.flags, 'filename').length === 0 && split.resources.length === 0) throw new KubectlError(MISSING);
    const list = boolFlag(inv.flags, 'list');
    if (list && stringFlag(inv.flags, 'output')) throw new KubectlError('error: --list and --output may not be specified together');
    const keys = stringsFlag(inv.flags, 'keys').flatMap((k) => k.split(','));
    const from = stringFlag(inv.flags, 'from') ?? '';
    if (keys.length > 0 && !from) throw new KubectlError('error: when specifying --keys, a configmap or secret must be provided with --from');

    const parsed = parseEnv([...stringsFlag(inv.flags, 'env'), ...split.envArgs], inv.ctx.stdin);
    const env = from ? [...parsed.env, ...(await importedEnv(inv, from, keys))] : parsed.env;
    const prefix = stringFlag(inv.flags, 'prefix') ?? '';
    for (const e of env) e.name = `${prefix}${e.name}`;
    const targets = await gatherTargets(inv, split.resources, MISSING);
    if (targets.errors.length > 0) throw new KubectlError(targets.errors.join('\n'));

    const selector = stringFlag(inv.flags, 'containers') ?? '*';
    const overwrite = inv.flags.values.get('overwrite') !== false;
    const store = new ResourceStore(inv.api, inv.namespace);
    const change: PodSpecChange = async (target, spec) => {
      const containers = selectContainers(spec.containers, spec.initContainers, selector);
      if (containers.length === 0) {
        inv.err(`Warning: ${target.obj.kind}/${target.obj.metadata?.name} does not have any containers matching ${JSON.stringify(selector)}\n`);
        return;
      }
      let unresolved = false;
      for (const c of containers) {
        if (!overwrite) {
          const refused = overwriteError(c.env, env);
          if (refused) return refused;
        }
        const updated = updateEnv(c.env, env, parsed.remove);
        if (updated.length > 0) c.env = updated;
        else delete c.env;
        if (list && (await listContainerEnv(inv, store, target, c))) unresolved = true;
      }
      return unresolved ? 'failed to retrieve valueFrom references' : undefined;
    };
    return applyPodTemplateChanges(inv, targets.objects, change, {
      verb: 'env updated',
      dryRun,
      listOnly: list,
      patchError: (message) => `failed to patch env update to pod template: ${message}`,
    });
  },
};
