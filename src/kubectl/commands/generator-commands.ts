/** `kubectl run` and `kubectl create deployment|configmap|secret generic|namespace`. */
import { applyRunOverrides } from './run-overrides.ts';
import type { ApiResource, KubeObject } from '../../engine/api/client.ts';
import { resolvePath } from '../../lib/resolve-path.ts';
import { intFlag, stringFlag, stringsFlag, boolFlag } from '../flags.ts';
import { formatStatus, KubectlError } from '../errors.ts';
import { configMapFor, deploymentFor, namespaceFor, podFor, secretFor, serviceFor } from '../generators.ts';
import { inGoFieldOrder } from '../printers/go-field-order.ts';
import type { Invocation, KubectlCommand } from '../kubectl-command.ts';
import { kindPrefix } from '../resource-mapper.ts';
import { requestBase } from '../resource-args.ts';
import { printObjects } from '../printers/object-printer.ts';
import { CASCADE_FLAG, cascadeStrategy } from '../cascade-flag.ts';
import { FIELD_MANAGER_FLAG } from '../field-manager-names.ts';
import { withHashedName } from '../append-hash.ts';
import { fieldValidation, KUSTOMIZE_FLAG, VALIDATE_FLAG } from './manifest-targets.ts';
import { checkDurationFlag } from '../duration-flag.ts';
import { allowMissingKeys, checkOutputFormat, PRINT_FLAGS, printGeneratedObject } from '../printers/generated-object-printer.ts';
import { DRY_RUN_FLAG, dryRunStrategy } from '../dry-run.ts';
import { runAttached } from './run-attached.ts';

const KEY = /^[-._a-zA-Z0-9]+$/;
const KEY_RULE =
  "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * What the generators add: the namespace when `-n` was given (EnforceNamespace), and for the
 * create generators with --save-config the object itself, as compact JSON in Go field order, as
 * last-applied annotation (`run` prints none).
 */
function finishObject(inv: Invocation, obj: KubeObject, namespaced = true): KubeObject {
  const withNamespace = namespaced && inv.flags.values.has('namespace') ? { ...obj, metadata: { ...obj.metadata, namespace: inv.namespace } } : obj;
  if (!boolFlag(inv.flags, 'save-config') || obj.kind === 'Pod' || obj.kind === 'Service') return withNamespace;
  const annotations = { ...withNamespace.metadata?.annotations, [LAST_APPLIED]: `${JSON.stringify(inGoFieldOrder(withNamespace))}\n` };
  return { ...withNamespace, metadata: { ...withNamespace.metadata, annotations } };
}

/**
 * Sends the generated object, or prints it for --dry-run=client. `failure` is the command's own
 * wrapping of any server error (`fmt.Errorf("failed to create deployment: %v", err)`, Invalid
 * included); without one the Status is printed as cmdutil.CheckErr prints it.
 */
export async function submit(inv: Invocation, resource: ApiResource, generated: KubeObject, failure?: (message: string) => string, namespaced = true): Promise<number> {
  const validation = fieldValidation(inv);
  const obj = finishObject(inv, generated, namespaced);
  const output = stringFlag(inv.flags, 'output');
  checkOutputFormat(output);
  const dryRun = dryRunStrategy(inv.flags, inv.err, inv.ctx.time.now());
  if (dryRun === 'client') {
    inv.out(
      output ? printGeneratedObject(resource, obj, output, { allowMissingKeys: allowMissingKeys(inv.flags) }) : `${kindPrefix(resource)}/${obj.metadata?.name} created (dry run)\n`,
    );
    return 0;
  }
  const res = await inv.api.request({
    verb: 'create',
    ...requestBase(resource, inv.namespace),
    body: obj,
    query: { fieldValidation: validation, ...(dryRun === 'server' ? { dryRun: 'All' as const } : {}) },
  });
  if (!res.ok) {
    inv.err(failure ? `${failure(res.body.message)}\n` : `${formatStatus(res.body)}\n`);
    return 1;
  }
  if (output) inv.out(printObjects([{ target: { resource, names: [] }, obj: res.body }], output));
  else inv.out(`${kindPrefix(resource)}/${obj.metadata?.name} created${dryRun === 'server' ? ' (server dry run)' : ''}\n`);
  return 0;
}

/** `--append-hash` of create configmap and the create secret commands. */
export const APPEND_HASH_FLAG = { name: 'append-hash', kind: 'bool' as const };

export function hashedIfAsked(inv: Invocation, obj: KubeObject): KubeObject {
  return boolFlag(inv.flags, 'append-hash') ? withHashedName(obj) : obj;
}

export const OUTPUT_FLAGS = [DRY_RUN_FLAG, ...PRINT_FLAGS, { name: 'save-config', kind: 'bool' as const }, FIELD_MANAGER_FLAG, VALIDATE_FLAG];

/** Models cmd/create NameFromCommandArgs: exactly one NAME. */
export function requireName(inv: Invocation, command: string): string {
  const name = inv.args[0];
  if (inv.args.length !== 1 || !name) throw new KubectlError(`error: exactly one NAME is required, got ${inv.args.length}\nSee 'kubectl ${command} -h' for help and examples`);
  return name;
}

export const createDeploymentCommand: KubectlCommand = {
  path: 'create deployment',
  flags: [...OUTPUT_FLAGS, { name: 'image', kind: 'strings', required: true }, { name: 'replicas', short: 'r', kind: 'int' }, { name: 'port', kind: 'int' }],
  async run(inv) {
    const name = requireName(inv, 'create deployment');
    const images = stringsFlag(inv.flags, 'image');
    const command = inv.flags.dashArgs ?? [];
    if (images.length > 1 && command.length) throw new KubectlError('error: cannot specify multiple --image options and command');
    const obj = deploymentFor(name, images, intFlag(inv.flags, 'replicas') ?? 1, intFlag(inv.flags, 'port'), command);
    return submit(inv, inv.mapper.resolve('deployments')!, obj, (m) => `error: failed to create deployment: ${m}`);
  },
};

/** Models staging/src/k8s.io/kubectl/pkg/cmd/create/create_configmap.go handleConfigMapFrom* (and the secret's). */
function parseSources(inv: Invocation, kind: 'ConfigMap' | 'Secret', name: string): Record<string, string> {
  const data: Record<string, string> = {};
  const add = (key: string, value: string) => {
    if (!KEY.test(key)) {
      throw new KubectlError(
        kind === 'ConfigMap' ? `error: "${key}" is not a valid key name for a ConfigMap: ${KEY_RULE}` : `error: "${key}" is not valid key name for a Secret ${KEY_RULE}`,
      );
    }
    if (key in data) {
      throw new KubectlError(
        kind === 'ConfigMap'
          ? `error: cannot add key "${key}", another key by that name already exists in Data for ConfigMap "${name}"`
          : `error: cannot add key ${key}, another key by that name already exists`,
      );
    }
    data[key] = value;
  };
  const read = (file: string) => {
    const path = resolvePath(inv.ctx.cwd, file);
    if (!inv.ctx.fs.exists(path)) throw new KubectlError(`error: error reading ${file}: no such file or directory`);
    return path;
  };
  for (const source of stringsFlag(inv.flags, 'from-file')) {
    const eq = source.indexOf('=');
    const [key, file] = eq > 0 ? [source.slice(0, eq), source.slice(eq + 1)] : [undefined, source];
    const path = read(file);
    if (inv.ctx.fs.stat(path).kind === 'directory') {
      if (key !== undefined) throw new KubectlError('error: cannot give a key name for a directory path');
      // Every regular file directly in the directory becomes a key; subdirectories are skipped.
      for (const entry of inv.ctx.fs.readdir(path).sort()) {
        const child = `${path}/${entry}`;
        if (inv.ctx.fs.stat(child).kind === 'file') add(entry, inv.ctx.fs.readFile(child));
      }
    } else add(key ?? file.slice(file.lastIndexOf('/') + 1), inv.ctx.fs.readFile(path));
  }
  for (const literal of stringsFlag(inv.flags, 'from-literal')) {
    const eq = literal.indexOf('=');
    if (eq <= 0) throw new KubectlError(`error: invalid literal source ${literal}, expected key=value`);
    add(literal.slice(0, eq), literal.slice(eq + 1));
  }
  for (const file of stringsFlag(inv.flags, 'from-env-file')) {
    const path = read(file);
    if (inv.ctx.fs.stat(path).kind === 'directory') throw new KubectlError(`error: env ${kind === 'ConfigMap' ? 'config' : 'secret'} file cannot be a directory`);
    for (const line of inv.ctx.fs.readFile(path).split('\n')) {
      const trimmed = line.trim();
      if (!trimmed || trimmed.startsWith('#')) continue;
      const eq = trimmed.indexOf('=');
      add(eq < 0 ? trimmed : trimmed.slice(0, eq), eq < 0 ? '' : trimmed.slice(eq + 1));
    }
  }
  return data;
}

const SOURCE_FLAGS = [
  { name: 'from-literal', kind: 'strings' as const },
  { name: 'from-file', kind: 'csv' as const },
  { name: 'from-env-file', kind: 'csv' as const },
];

export const createConfigMapCommand: KubectlCommand = {
  path: 'create configmap',
  flags: [...OUTPUT_FLAGS, ...SOURCE_FLAGS, APPEND_HASH_FLAG],
  async run(inv) {
    const name = requireName(inv, 'create configmap');
    return submit(
      inv,
      inv.mapper.resolve('configmaps')!,
      hashedIfAsked(inv, configMapFor(name, parseSources(inv, 'ConfigMap', name))),
      (m) => `error: failed to create configmap: ${m}`,
    );
  },
};

export const createSecretGenericCommand: KubectlCommand = {
  path: 'create secret generic',
  flags: [...OUTPUT_FLAGS, ...SOURCE_FLAGS, APPEND_HASH_FLAG, { name: 'type', kind: 'string' }],
  async run(inv) {
    const name = requireName(inv, 'create secret generic');
    return submit(
      inv,
      inv.mapper.resolve('secrets')!,
      hashedIfAsked(inv, secretFor(name, parseSources(inv, 'Secret', name), stringFlag(inv.flags, 'type'))),
      (m) => `error: failed to create secret ${m}`,
    );
  },
};

export const createNamespaceCommand: KubectlCommand = {
  path: 'create namespace',
  flags: OUTPUT_FLAGS,
  async run(inv) {
    const name = requireName(inv, 'create namespace');
    return submit(inv, inv.mapper.resolve('namespaces')!, namespaceFor(name), undefined, false);
  },
};

/** `k=v` pairs of run's --labels and --annotations; one without `=` is `invalid(kv)`. */
function keyValues(pairs: string[], invalid: (kv: string) => string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const kv of pairs) {
    const eq = kv.indexOf('=');
    if (eq < 0) throw new KubectlError(invalid(kv));
    out[kv.slice(0, eq)] = kv.slice(eq + 1);
  }
  return out;
}

/**
 * `run --expose`: the Service first, then the Pod. A client dry run with -o prints both; YAML
 * puts two `---` lines between them, as kubectl v1.35.2 does.
 */
async function exposeAndRun(inv: Invocation, service: KubeObject, pod: KubeObject): Promise<number> {
  const output = stringFlag(inv.flags, 'output');
  checkOutputFormat(output);
  const services = inv.mapper.resolve('services')!;
  const pods = inv.mapper.resolve('pods')!;
  if (output && stringFlag(inv.flags, 'dry-run') === 'client') {
    const print = (resource: ApiResource, obj: KubeObject) => printGeneratedObject(resource, finishObject(inv, obj), output, { allowMissingKeys: allowMissingKeys(inv.flags) });
    inv.out(`${print(services, service)}${output === 'yaml' ? '---\n---\n' : ''}${print(pods, pod)}`);
    return 0;
  }
  const status = await submit(inv, services, service);
  return status === 0 ? submit(inv, pods, pod) : status;
}

export const runCommand: KubectlCommand = {
  path: 'run',
  flags: [
    ...OUTPUT_FLAGS,
    { name: 'image', kind: 'string', required: true },
    { name: 'labels', short: 'l', kind: 'string' },
    { name: 'env', kind: 'strings' },
    // A string flag that run converts itself (strconv.Atoi), hence its own error wording.
    { name: 'port', kind: 'string' },
    { name: 'command', kind: 'bool' },
    { name: 'restart', kind: 'string' },
    { name: 'image-pull-policy', kind: 'string' },
    { name: 'stdin', short: 'i', kind: 'bool' },
    { name: 'tty', short: 't', kind: 'bool' },
    { name: 'rm', kind: 'bool' },
    { name: 'attach', kind: 'bool' },
    { name: 'leave-stdin-open', kind: 'bool' },
    { name: 'quiet', short: 'q', kind: 'bool' },
    { name: 'pod-running-timeout', kind: 'string' },
    { name: 'annotations', kind: 'strings' },
    { name: 'expose', kind: 'bool' },
    { name: 'overrides', kind: 'string' },
    { name: 'override-type', kind: 'string' },
    { name: 'privileged', kind: 'bool' },
    // The delete flags run.go registers for --rm; removeCreatedObjects overrides all but --cascade.
    CASCADE_FLAG,
    { name: 'filename', short: 'f', kind: 'strings' },
    { name: 'recursive', short: 'R', kind: 'bool' },
    KUSTOMIZE_FLAG,
    { name: 'force', kind: 'bool' },
    { name: 'grace-period', kind: 'int' },
    { name: 'timeout', kind: 'string' },
    { name: 'wait', kind: 'bool' },
  ],
  async run(inv) {
    checkDurationFlag(inv, 'timeout', 'run');
    cascadeStrategy(inv);
    const name = inv.args[0];
    if (!name) throw new KubectlError("error: NAME is required for run\nSee 'kubectl run -h' for help and examples");
    const image = stringFlag(inv.flags, 'image')!;
    const interactive = boolFlag(inv.flags, 'stdin');
    const tty = boolFlag(inv.flags, 'tty');
    // --attach defaults to -i's value unless given.
    const attach = inv.flags.values.has('attach') ? boolFlag(inv.flags, 'attach') : interactive;
    if (tty && !interactive) throw new KubectlError("error: -i/--stdin is required for containers with -t/--tty=true\nSee 'kubectl run -h' for help and examples");
    if (boolFlag(inv.flags, 'expose') && !stringFlag(inv.flags, 'port'))
      throw new KubectlError("error: --port must be set when exposing a service\nSee 'kubectl run -h' for help and examples");
    // --restart defaults to Always, so run.go getRestartPolicy's OnFailure for -i is never reached.
    const restart = stringFlag(inv.flags, 'restart') ?? 'Always';
    if (!['Always', 'OnFailure', 'Never'].includes(restart)) throw new KubectlError(`error: invalid restart policy: ${restart}\nSee 'kubectl run -h' for help and examples`);
    if (!attach && boolFlag(inv.flags, 'rm')) throw new KubectlError("error: --rm should only be used for attached containers\nSee 'kubectl run -h' for help and examples");
    const dryRun = stringFlag(inv.flags, 'dry-run');
    if (attach && dryRun && dryRun !== 'none') {
      throw new KubectlError(
        "error: --dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)\nSee 'kubectl run -h' for help and examples",
      );
    }
    const pullPolicy = stringFlag(inv.flags, 'image-pull-policy');
    if (pullPolicy && !['Always', 'IfNotPresent', 'Never'].includes(pullPolicy))
      throw new KubectlError(`error: invalid image pull policy: ${pullPolicy}\nSee 'kubectl run -h' for help and examples`);
    const labelText = stringFlag(inv.flags, 'labels');
    const labels = labelText ? keyValues(labelText.split(','), (kv) => `error: unexpected label spec: ${kv}`) : undefined;
    const env = stringsFlag(inv.flags, 'env').map((kv) => {
      if (!kv.includes('=')) throw new KubectlError(`error: invalid env: ${kv}`);
      return { name: kv.slice(0, kv.indexOf('=')), value: kv.slice(kv.indexOf('=') + 1) };
    });
    const annotations = keyValues(stringsFlag(inv.flags, 'annotations'), (kv) => `error: invalid annotations format: ${kv}`);
    const portText = stringFlag(inv.flags, 'port');
    if (portText !== undefined && portText !== '' && !/^[+-]?\d+$/.test(portText))
      throw new KubectlError(`error: strconv.Atoi: parsing ${JSON.stringify(portText)}: invalid syntax`);
    const port = portText ? Number(portText) : undefined;
    const generated = podFor({
      name,
      image,
      ...(labels ? { labels } : {}),
      env,
      ...(port !== undefined ? { port } : {}),
      command: boolFlag(inv.flags, 'command'),
      args: [...inv.args.slice(1), ...(inv.flags.dashArgs ?? [])],
      restart,
      ...(pullPolicy ? { imagePullPolicy: pullPolicy } : {}),
      ...(Object.keys(annotations).length ? { annotations } : {}),
      stdin: interactive,
      stdinOnce: interactive && !boolFlag(inv.flags, 'leave-stdin-open'),
      tty,
      privileged: boolFlag(inv.flags, 'privileged'),
    });
    const pod = applyRunOverrides(generated, stringFlag(inv.flags, 'overrides'), stringFlag(inv.flags, 'override-type') ?? 'merge');
    if (boolFlag(inv.flags, 'expose')) return exposeAndRun(inv, serviceFor(name, port!, labels), pod);
    if (!attach) return submit(inv, inv.mapper.resolve('pods')!, pod);
    const created = await inv.api.request({ verb: 'create', group: '', version: 'v1', resource: 'pods', namespace: inv.namespace, body: finishObject(inv, pod) });
    if (!created.ok) {
      inv.err(`${formatStatus(created.body)}\n`);
      return 1;
    }
    return runAttached(inv, name, {
      stdin: interactive,
      tty,
      quiet: boolFlag(inv.flags, 'quiet'),
      remove: boolFlag(inv.flags, 'rm'),
      restart,
      leaveStdinOpen: boolFlag(inv.flags, 'leave-stdin-open'),
    });
  },
};
