/**
 * `kubectl version [--client] [-o yaml|json]`.
 * Models staging/src/k8s.io/kubectl/pkg/cmd/version/version.go (v1.35): the client's own build,
 * the server's from GET /version, and the skew warning (skew_warning.go) on stderr afterwards.
 */
import type { VersionInfo } from '../../engine/api/client.ts';
import { boolFlag, stringFlag } from '../flags.ts';
import { formatStatus, isApiConnectionError, KubectlError } from '../errors.ts';
import type { KubectlCommand } from '../kubectl-command.ts';
import { toYaml } from '../printers/yaml-printer.ts';

/** The build of the kubectl this one reproduces, as `kubectl version --client -o json` prints it. */
export const CLIENT_VERSION: VersionInfo = {
  major: '1',
  minor: '35',
  gitVersion: 'v1.35.2',
  gitCommit: 'fdc9d74cbf2da6754ebf81d56f80ae2948cd6425',
  gitTreeState: 'clean',
  buildDate: '2026-02-26T20:05:34Z',
  goVersion: 'go1.25.7',
  compiler: 'gc',
  platform: 'linux/amd64',
};

const KUSTOMIZE_VERSION = 'v5.7.1';

/** Go's apimachinery version.Info field order; empty omitempty fields are dropped. */
const INFO_FIELDS = [
  'major',
  'minor',
  'emulationMajor',
  'emulationMinor',
  'minCompatibilityMajor',
  'minCompatibilityMinor',
  'gitVersion',
  'gitCommit',
  'gitTreeState',
  'buildDate',
  'goVersion',
  'compiler',
  'platform',
] as const;
const OMIT_EMPTY = new Set<string>(['emulationMajor', 'emulationMinor', 'minCompatibilityMajor', 'minCompatibilityMinor']);

export const versionCommand: KubectlCommand = {
  path: 'version',
  flags: [
    { name: 'client', kind: 'bool' },
    { name: 'output', short: 'o', kind: 'string' },
  ],
  discovery: false,
  async run(inv) {
    if (inv.args.length) throw new KubectlError(`error: extra arguments: [${inv.args.join(' ')}]`);
    const output = stringFlag(inv.flags, 'output') ?? '';
    if (output !== '' && output !== 'yaml' && output !== 'json') throw new KubectlError("error: --output must be 'yaml' or 'json'");

    let server: VersionInfo | undefined;
    let serverError: string | undefined;
    if (!boolFlag(inv.flags, 'client')) {
      try {
        const res = await inv.api.serverVersion();
        if (res.ok) server = inGoOrder(res.body);
        else serverError = formatStatus(res.body);
      } catch (error) {
        if (!isApiConnectionError(error)) throw error;
        serverError = error.message;
      }
    }

    const info = { clientVersion: inGoOrder(CLIENT_VERSION), kustomizeVersion: KUSTOMIZE_VERSION, ...(server ? { serverVersion: server } : {}) };
    if (output === 'json') inv.out(`${JSON.stringify(info, null, 2)}\n`);
    // sigs.k8s.io/yaml output already ends in a newline; Fprintln adds another.
    else if (output === 'yaml') inv.out(`${toYaml(info)}\n`);
    else inv.out(`Client Version: ${CLIENT_VERSION.gitVersion}\nKustomize Version: ${KUSTOMIZE_VERSION}\n${server ? `Server Version: ${server.gitVersion}\n` : ''}`);

    if (server) {
      const skew = versionSkewWarning(CLIENT_VERSION.gitVersion, server.gitVersion);
      if (skew.error) throw new KubectlError(`error: ${skew.error}`);
      if (skew.warning) inv.err(`Warning: ${skew.warning}\n`);
    }
    if (serverError !== undefined) throw new KubectlError(serverError);
    return 0;
  },
};

function inGoOrder(info: VersionInfo): VersionInfo {
  const fields = info as unknown as Record<string, unknown>;
  const ordered: Record<string, string> = {};
  for (const key of INFO_FIELDS) {
    const value = fields[key];
    const text = typeof value === 'string' ? value : '';
    if (text !== '' || !OMIT_EMPTY.has(key)) ordered[key] = text;
  }
  return ordered as unknown as VersionInfo;
}

/** Models skew_warning.go getVersionSkewWarning: more than one minor apart, or another major. */
export function versionSkewWarning(client: string, server: string): { warning?: string; error?: string } {
  const c = parseSemantic(client);
  if (!c) return { error: `client version error: could not parse "${client}" as version` };
  const s = parseSemantic(server);
  if (!s) return { error: `server version error: could not parse "${server}" as version` };
  if (c.major !== s.major || Math.abs(c.minor - s.minor) > 1) {
    return { warning: `version difference between client (${c.major}.${c.minor}) and server (${s.major}.${s.minor}) exceeds the supported minor version skew of +/-1` };
  }
  return {};
}

/** apimachinery's version.ParseSemantic: an optional leading v, then MAJOR.MINOR.PATCH and extras. */
function parseSemantic(text: string): { major: number; minor: number } | undefined {
  const m = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/.exec(text.trim());
  return m ? { major: Number(m[1]), minor: Number(m[2]) } : undefined;
}
