/**
 * The deprecated `--record` flag (cli-runtime genericclioptions.RecordFlags): pflag's deprecation
 * notice, and the `kubernetes.io/change-cause` annotation — the command line as kubectl rebuilds it —
 * added to every object the command writes.
 */
import type { ApiClient, ApiRequest, RawRequest } from '../engine/api/client.ts';
import { GLOBAL_FLAGS, type FlagSpec } from './flags.ts';

export const CHANGE_CAUSE = 'kubernetes.io/change-cause';

/** The commands whose RecordFlags v1.35 still registers. */
export const RECORD_COMMANDS: ReadonlySet<string> = new Set([
  'annotate',
  'apply',
  'autoscale',
  'create',
  'edit',
  'expose',
  'label',
  'patch',
  'run',
  'scale',
  'set image',
  'set resources',
  'set selector',
  'set serviceaccount',
]);

export const RECORD_FLAG: FlagSpec = { name: 'record', kind: 'bool' };

export const RECORD_DEPRECATION = 'Flag --record has been deprecated, --record will be removed in the future\n';

/**
 * Models record_flags.go parseCommandArguments: the command path, its arguments, then every flag
 * as given, in order, spelled `--long-name=value`.
 */
export function changeCause(commandPath: string, argv: string[], specs: FlagSpec[]): string {
  const all = [...specs, ...GLOBAL_FLAGS];
  const args: string[] = [];
  let flags = '';
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === '--') {
      args.push(...argv.slice(i + 1));
      break;
    }
    const long = /^--([^=]+)(?:=([\s\S]*))?$/.exec(token);
    const short = long ? undefined : /^-([^-])(?:=?([\s\S]+))?$/.exec(token);
    const match = long ?? short;
    if (!match) {
      args.push(token);
      continue;
    }
    const spec = long ? all.find((f) => f.name === match[1]) : all.find((f) => f.short === match[1]);
    let value = match[2];
    if (value === undefined) value = spec?.kind === 'bool' ? 'true' : (argv[++i] ?? '');
    flags += ` --${spec?.name ?? match[1]}=${value}`;
  }
  return `kubectl ${commandPath}${args.length ? ` ${args.join(' ')}` : ''}${flags}`;
}

function withAnnotation(body: unknown, cause: string): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  const record = body as { metadata?: { annotations?: Record<string, string | null> } };
  return { ...record, metadata: { ...record.metadata, annotations: { ...record.metadata?.annotations, [CHANGE_CAUSE]: cause } } };
}

/**
 * Adds the change cause to what the command writes. A write to the scale subresource is followed,
 * as scale.go does, by a merge patch of the annotation onto the object itself.
 */
export function withChangeCause(api: ApiClient, cause: string): ApiClient {
  const isWrite = (req: ApiRequest) => !req.streams && (req.verb === 'create' || req.verb === 'update' || req.verb === 'patch');
  return {
    async request<T>(req: ApiRequest) {
      if (!isWrite(req) || (req.subresource && req.subresource !== 'scale')) return api.request<T>(req);
      if (req.subresource === 'scale') {
        const res = await api.request<T>(req);
        if (!res.ok) return res;
        const { subresource: _, body: __, ...target } = req;
        await api.request({ ...target, verb: 'patch', patchType: 'application/merge-patch+json', body: { metadata: { annotations: { [CHANGE_CAUSE]: cause } } } });
        return res;
      }
      return api.request<T>({ ...req, body: withAnnotation(req.body, cause) });
    },
    watch: (req, onEvent) => api.watch(req, onEvent),
    discover: () => api.discover(),
    ...(api.openApiV3 ? { openApiV3: (path: string) => api.openApiV3!(path) } : {}),
    serverVersion: () => api.serverVersion(),
    ...(api.raw ? { raw: (req: RawRequest) => api.raw!(req) } : {}),
  };
}
