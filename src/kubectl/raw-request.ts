/**
 * `--raw URI` on get, create, replace and delete: one request to the path, its body copied to
 * stdout as the server wrote it (a watch's as it streams, until Ctrl-C). Models pkg/rawhttp/raw.go and the commands' Validate checks.
 */
import type { RawRequest, RawStream, Status } from '../engine/api/client.ts';
import { resolvePath } from '../lib/resolve-path.ts';
import { formatStatus, KubectlError } from './errors.ts';
import { boolFlag, stringFlag, stringsFlag } from './flags.ts';
import type { Invocation } from './kubectl-command.ts';

/** rest.DefaultKubernetesUserAgent of kubectl v1.35.2. */
const USER_AGENT = 'kubectl/v1.35.2 (linux/amd64) kubernetes/fdc9d74';

export const RAW_FLAG = { name: 'raw', kind: 'string' as const };

/** The `--raw` value, or undefined when it is absent or empty (kubectl tests `len(o.Raw) > 0`). */
export function rawUri(inv: Invocation): string | undefined {
  const raw = stringFlag(inv.flags, 'raw');
  return raw ? raw : undefined;
}

/** url.ParseRequestURI: an absolute path, or an absolute URI whose path and query are sent. */
function requestPath(raw: string): string {
  if (raw.startsWith('/')) return raw;
  const absolute = /^[A-Za-z][A-Za-z0-9+.-]*:/.exec(raw);
  if (!absolute) throw new KubectlError(`error: --raw must be a valid URL path: parse ${JSON.stringify(raw)}: invalid URI for request`);
  const rest = raw.slice(absolute[0].length);
  if (!rest.startsWith('//')) return rest.startsWith('/') ? rest : `/${rest}`;
  const slash = rest.indexOf('/', 2);
  const query = rest.indexOf('?', 2);
  if (slash >= 0 && (query < 0 || slash < query)) return rest.slice(slash);
  return query >= 0 ? `/${rest.slice(query)}` : '/';
}

/**
 * The checks create, replace and delete share (create requires exactly one file; delete takes
 * none or one), in the order kubectl makes them.
 */
export function validateRawFiles(inv: Invocation, options: { fileRequired: boolean }): void {
  const files = stringsFlag(inv.flags, 'filename');
  if (options.fileRequired ? files.length !== 1 : files.length > 1) throw new KubectlError('error: --raw can only use a single local file or stdin');
  if (files[0]?.startsWith('http://') || files[0]?.startsWith('https://')) throw new KubectlError('error: --raw cannot read from a url');
  if (boolFlag(inv.flags, 'recursive')) throw new KubectlError('error: --raw and --recursive are mutually exclusive');
}

export function validateRawOutput(inv: Invocation, raw: string): void {
  if (stringFlag(inv.flags, 'output')) throw new KubectlError('error: --raw and --output are mutually exclusive');
  requestPath(raw);
}

/** Sends the request and copies the answer to stdout; a failure is the server's Status, as CheckErr prints it. */
export async function sendRaw(inv: Invocation, method: RawRequest['method'], raw: string, file?: string): Promise<number> {
  if (!inv.api.raw) throw new KubectlError('error: the server does not allow this method on the requested resource');
  let body: string | undefined;
  if (file === '-') body = inv.ctx.stdin;
  else if (file !== undefined) {
    const path = resolvePath(inv.ctx.cwd, file);
    if (!inv.ctx.fs.exists(path)) throw new KubectlError(`error: open ${file}: no such file or directory`);
    if (inv.ctx.fs.stat(path).kind === 'directory') throw new KubectlError(`error: read ${file}: is a directory`);
    body = inv.ctx.fs.readFile(path);
  }
  const path = requestPath(raw);
  const stream = method === 'GET' ? watchStream(inv, path) : undefined;
  const answer = await inv.api.raw({ method, path, userAgent: USER_AGENT, ...(body !== undefined ? { body } : {}), ...(stream ? { stream } : {}) });
  if (answer.code >= 200 && answer.code < 300) {
    inv.out(answer.body);
    // Ctrl-C kills kubectl in the middle of the copy (SIGINT's 130).
    return inv.ctx.interrupt.interrupted ? 130 : 0;
  }
  throw new KubectlError(formatStatus(statusOf(answer.code, answer.body)));
}

/**
 * A watch's body, copied to stdout as it arrives (rawhttp's io.Copy of the stream) until Ctrl-C
 * or the request's `timeoutSeconds`, which the server keeps on the virtual clock.
 */
function watchStream(inv: Invocation, path: string): RawStream {
  return {
    write: (text) => inv.out(text),
    until: async () => {
      if (inv.ctx.interrupt.interrupted) return;
      const timeout = /[?&]timeoutSeconds=(\d+)(?:&|$)/.exec(path);
      let stop: (() => void) | undefined;
      const interrupted = new Promise<void>((resolve) => (stop = inv.ctx.interrupt.onInterrupt(resolve)));
      try {
        await Promise.race([interrupted, ...(timeout ? [inv.ctx.time.sleep(Number(timeout[1]) * 1000, inv.ctx.interrupt).catch(() => undefined)] : [])]);
      } finally {
        stop?.();
      }
    },
  };
}

/** The Status in an error answer; a body that is none is client-go's generic error for the code. */
function statusOf(code: number, body: string): Status {
  try {
    const parsed = JSON.parse(body) as Partial<Status>;
    if (parsed.kind === 'Status') return parsed as Status;
  } catch {
    // Not JSON: the generic error below.
  }
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: `an error on the server (${JSON.stringify(body)}) has prevented the request from succeeding`,
    reason: 'InternalError',
    code,
  };
}

/** `get --raw`: GetOptions Complete then Validate, then RawGet. */
export async function getRaw(inv: Invocation, raw: string): Promise<number> {
  if (inv.args.length > 0) throw new KubectlError('error: arguments may not be passed when --raw is specified');
  if (boolFlag(inv.flags, 'watch') || boolFlag(inv.flags, 'watch-only') || stringFlag(inv.flags, 'selector'))
    throw new KubectlError('error: --raw may not be specified with other flags that filter the server request or alter the output');
  validateRawOutput(inv, raw);
  return sendRaw(inv, 'GET', raw);
}
