/**
 * When a bad `--request-timeout` is reported. client-go parses it in the factory's ToRESTConfig,
 * so it fails a command as soon as the command builds a client, mapper or builder. Most commands
 * do that first in Complete; the ones below check the shape of their arguments before, and a
 * usage error of theirs wins. `--local` edits never build a client at all.
 * Measured against kubectl v1.35.2 (each command without its arguments and `--request-timeout=5x`).
 */
import type { ApiClient } from '../../engine/api/client.ts';
import { KubectlError } from '../errors.ts';
import { boolFlag, stringsFlag, type ParsedFlags } from '../flags.ts';
import { INVALID_TIMEOUT } from './request-timeout.ts';

type UsageCheck = (args: string[], flags: ParsedFlags) => boolean;

const noResources: UsageCheck = (args, flags) => args.length === 0 && !hasFiles(flags);
const notOneName: UsageCheck = (args) => args.length !== 1;
const noNode: UsageCheck = (args) => args.length === 0;

function hasFiles(flags: ParsedFlags): boolean {
  return stringsFlag(flags, 'filename').length > 0 || stringsFlag(flags, 'kustomize').length > 0;
}

/** label/annotate's Complete: resources, then at least one `key=value` or `key-`. */
const noUpdates: UsageCheck = (args, flags) => (args.length === 0 && !hasFiles(flags)) || !args.some((a) => a.includes('=') || a.endsWith('-'));

const GENERATORS = [
  'configmap',
  'cronjob',
  'deployment',
  'job',
  'namespace',
  'poddisruptionbudget',
  'priorityclass',
  'quota',
  'secret docker-registry',
  'secret generic',
  'secret tls',
  'service clusterip',
  'service externalname',
  'service loadbalancer',
  'service nodeport',
  'serviceaccount',
  'token',
];

/** Each command's usage errors raised before it builds a client (its Complete and Validate). */
const USAGE_BEFORE_CLIENT: Record<string, UsageCheck> = {
  get: noResources,
  describe: noResources,
  edit: noResources,
  delete: noResources,
  logs: (args) => args.length === 0 || args.length > 2,
  create: (_args, flags) => !hasFiles(flags),
  ...Object.fromEntries(GENERATORS.map((name) => [`create ${name}`, notOneName])),
  patch: (_args, flags) => !flags.values.has('patch') && !flags.values.has('patch-file'),
  label: noUpdates,
  annotate: noUpdates,
  'set image': noResources,
  'set resources': noResources,
  'set selector': (args, flags) => args.length < 2 && !hasFiles(flags),
  'set serviceaccount': (args) => args.length === 0,
  'rollout history': noResources,
  'rollout undo': noResources,
  'rollout restart': noResources,
  'rollout pause': noResources,
  'rollout resume': noResources,
  'port-forward': (args) => args.length < 2,
  diff: (_args, flags) => !hasFiles(flags),
  cordon: noNode,
  uncordon: noNode,
  drain: noNode,
};

const LOCAL_EDITS = new Set(['label', 'annotate', 'patch', 'set image', 'set resources', 'set selector', 'set serviceaccount']);

/**
 * `before`: the timeout fails the command before it runs; `on-request`: the command's own usage
 * error comes first, and the timeout fails its first request should it get that far; `never`.
 */
export function timeoutCheck(path: string, args: string[], flags: ParsedFlags): 'before' | 'on-request' | 'never' {
  if (LOCAL_EDITS.has(path) && boolFlag(flags, 'local')) return 'never';
  return USAGE_BEFORE_CLIENT[path]?.(args, flags) ? 'on-request' : 'before';
}

/** The client of a command whose usage came first: its first request meets the bad timeout. */
export function failingOnRequest(api: ApiClient): ApiClient {
  const fail = (): never => {
    throw new KubectlError(INVALID_TIMEOUT);
  };
  return {
    request: fail,
    watch: fail,
    discover: () => api.discover(),
    ...(api.openApiV3 ? { openApiV3: (path: string) => api.openApiV3!(path) } : {}),
    serverVersion: () => api.serverVersion(),
    raw: fail,
  };
}
