/** `kubectl create job|cronjob|serviceaccount|token` (staging/src/k8s.io/kubectl/pkg/cmd/create). */
import type { ApiResource, KubeObject } from '../../engine/api/client.ts';
import { parseGoDuration } from '../../lib/duration/go-duration.ts';
import { formatStatus, KubectlError } from '../errors.ts';
import { stringFlag, stringsFlag } from '../flags.ts';
import { cronJobFor, jobFor, jobFromCronJob, serviceAccountFor } from '../generators.ts';
import type { Invocation, KubectlCommand } from '../kubectl-command.ts';
import { getObject } from '../object-client.ts';
import { allowMissingKeys, checkOutputFormat, PRINT_FLAGS, printGeneratedObject } from '../printers/generated-object-printer.ts';
import { parseResourceArgs } from '../resource-args.ts';
import { OUTPUT_FLAGS, requireName, submit } from './generator-commands.ts';

/** Models create_job.go Run with --from: the one object named, which must be a CronJob. */
async function fetchCronJob(inv: Invocation, from: string): Promise<KubeObject> {
  const [target] = parseResourceArgs([from], inv.mapper);
  if (!target || target.names.length !== 1) throw new KubectlError('error: from must be an existing cronjob');
  const res = await getObject(inv.api, target.resource, inv.namespace, target.names[0]!);
  if (!res.ok) throw new KubectlError(formatStatus(res.body));
  if (res.body.kind !== 'CronJob') throw new KubectlError(`error: unknown object type *${target.resource.version}.${target.resource.kind}`);
  return res.body;
}

export const createJobCommand: KubectlCommand = {
  path: 'create job',
  flags: [...OUTPUT_FLAGS, { name: 'image', kind: 'string' }, { name: 'from', kind: 'string' }],
  async run(inv) {
    const name = requireName(inv, 'create job');
    const image = stringFlag(inv.flags, 'image') ?? '';
    const from = stringFlag(inv.flags, 'from') ?? '';
    const command = inv.flags.dashArgs ?? [];
    if ((!image && !from) || (image && from)) throw new KubectlError('error: either --image or --from must be specified');
    if (command.length && from) throw new KubectlError('error: cannot specify --from and command');
    const job = image ? jobFor(name, image, command) : jobFromCronJob(name, await fetchCronJob(inv, from));
    return submit(inv, inv.mapper.resolve('jobs.batch')!, job, (m) => `error: failed to create job: ${m}`);
  },
};

export const createCronJobCommand: KubectlCommand = {
  path: 'create cronjob',
  flags: [...OUTPUT_FLAGS, { name: 'image', kind: 'string', required: true }, { name: 'schedule', kind: 'string', required: true }, { name: 'restart', kind: 'string' }],
  async run(inv) {
    const name = requireName(inv, 'create cronjob');
    const restart = stringFlag(inv.flags, 'restart') || 'OnFailure';
    const cronJob = cronJobFor(name, stringFlag(inv.flags, 'image') ?? '', stringFlag(inv.flags, 'schedule') ?? '', restart, inv.flags.dashArgs ?? []);
    return submit(inv, inv.mapper.resolve('cronjobs.batch')!, cronJob, (m) => `error: failed to create cronjob: ${m}`);
  },
};

export const createServiceAccountCommand: KubectlCommand = {
  path: 'create serviceaccount',
  flags: OUTPUT_FLAGS,
  async run(inv) {
    const name = requireName(inv, 'create serviceaccount');
    return submit(inv, inv.mapper.resolve('serviceaccounts')!, serviceAccountFor(name), (m) => `error: failed to create serviceaccount: ${m}`);
  },
};

const BOUND_OBJECT_KINDS: Record<string, string> = { Node: 'v1', Pod: 'v1', Secret: 'v1' };
const TOKEN_REQUESTS: ApiResource = {
  group: 'authentication.k8s.io',
  version: 'v1',
  name: 'tokenrequests',
  singularName: 'tokenrequest',
  kind: 'TokenRequest',
  namespaced: true,
  shortNames: [],
  verbs: ['create'],
  categories: [],
  subresources: [],
};

/** Models create_token.go Validate. */
function tokenDurationSeconds(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const parsed = parseGoDuration(text);
  if (!parsed.ok) throw new KubectlError(`error: invalid argument "${text}" for "--duration" flag: ${parsed.message}\nSee 'kubectl create token --help' for usage.`);
  if (parsed.ms < 0) throw new KubectlError('error: --duration must be greater than or equal to 0');
  if (parsed.ms % 1000 !== 0) throw new KubectlError('error: --duration cannot be expressed in units less than seconds');
  return parsed.ms > 0 ? parsed.ms / 1000 : undefined;
}

export const createTokenCommand: KubectlCommand = {
  path: 'create token',
  flags: [
    ...PRINT_FLAGS,
    { name: 'audience', kind: 'strings' },
    { name: 'duration', kind: 'string' },
    { name: 'bound-object-kind', kind: 'string' },
    { name: 'bound-object-name', kind: 'string' },
    { name: 'bound-object-uid', kind: 'string' },
  ],
  async run(inv) {
    const name = requireName(inv, 'create token');
    const output = stringFlag(inv.flags, 'output');
    checkOutputFormat(output);
    const expirationSeconds = tokenDurationSeconds(stringFlag(inv.flags, 'duration'));
    const audiences = stringsFlag(inv.flags, 'audience');
    if (audiences.some((a) => a === '')) throw new KubectlError('error: --audience must not be an empty string');
    const boundKind = stringFlag(inv.flags, 'bound-object-kind') ?? '';
    const boundName = stringFlag(inv.flags, 'bound-object-name') ?? '';
    const boundUid = stringFlag(inv.flags, 'bound-object-uid') ?? '';
    if (!boundKind) {
      if (boundName) throw new KubectlError('error: --bound-object-name can only be set if --bound-object-kind is provided');
      if (boundUid) throw new KubectlError('error: --bound-object-uid can only be set if --bound-object-kind is provided');
    } else {
      if (!(boundKind in BOUND_OBJECT_KINDS)) throw new KubectlError(`error: supported --bound-object-kind values are ${Object.keys(BOUND_OBJECT_KINDS).join(', ')}`);
      if (!boundName) throw new KubectlError('error: --bound-object-name is required if --bound-object-kind is provided');
    }
    const spec: Record<string, unknown> = { audiences: audiences.length ? audiences : null };
    if (expirationSeconds !== undefined) spec.expirationSeconds = expirationSeconds;
    if (boundKind) spec.boundObjectRef = { kind: boundKind, apiVersion: BOUND_OBJECT_KINDS[boundKind], name: boundName, ...(boundUid ? { uid: boundUid } : {}) };
    const res = await inv.api.request({
      verb: 'create',
      group: '',
      version: 'v1',
      resource: 'serviceaccounts',
      namespace: inv.namespace,
      name,
      subresource: 'token',
      body: { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', metadata: {}, spec },
    });
    if (!res.ok) throw new KubectlError(`error: failed to create token: ${res.body.message}`);
    if (output) {
      inv.out(printGeneratedObject(TOKEN_REQUESTS, res.body, output, { allowMissingKeys: allowMissingKeys(inv.flags) }));
      return 0;
    }
    const token = (res.body as { status?: { token?: string } }).status?.token ?? '';
    // kubectl ends the token with a newline only on a terminal (term.IsTerminal(o.Out)); the
    // simulated shell knows only whether stdin is one, which stands in for it (issue 13).
    inv.out(inv.ctx.stdinIsTerminal ? `${token}\n` : token);
    return 0;
  },
};
