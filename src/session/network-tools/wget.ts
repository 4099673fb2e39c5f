/**
 * busybox wget, as found in busybox and alpine images: `-q`, `-O FILE` (`-` = stdout), `-T SEC`,
 * `-S`. Messages follow busybox 1.36 (`wget: can't connect to remote host (10.96.0.10): Connection
 * refused`, `wget: bad address 'x'`, `wget: download timed out`).
 */
import type { ContainerNetwork } from '../../engine/kubelet/tool-runner.ts';
import type { Command, CommandContext } from '../../shell/command.ts';
import { parseUrl, secondsToMs } from './parse-url.ts';

const USAGE = `BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.

Usage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]
	[--post-data STR | --post-file FILE] [-Y on/off]
	[-P DIR] [-U AGENT] [-T SEC] URL...

Retrieve files via HTTP or FTP
`;

export function createWget(network: ContainerNetwork): Command {
  return {
    name: 'wget',
    async run(ctx: CommandContext): Promise<number> {
      let quiet = false;
      let output: string | undefined;
      let timeoutMs = 900_000;
      const urls: string[] = [];
      const args = ctx.argv.slice(1);
      for (let i = 0; i < args.length; i++) {
        const arg = args[i]!;
        if (arg === '-q') quiet = true;
        else if (arg === '-O') output = args[++i];
        else if (arg.startsWith('-O')) output = arg.slice(2);
        else if (arg === '-T') timeoutMs = secondsToMs(args[++i] ?? '') ?? timeoutMs;
        else if (arg.startsWith('-T')) timeoutMs = secondsToMs(arg.slice(2)) ?? timeoutMs;
        else if (/^-[qS]+$/.test(arg)) quiet ||= arg.includes('q');
        else if (/^-qO-?$/.test(arg)) {
          quiet = true;
          output = arg.endsWith('-') ? '-' : args[++i];
        } else if (arg.startsWith('-') && arg !== '-') {
          // Flags combined with -O, e.g. -qO-
          const m = /^-([qS]*)O(.*)$/.exec(arg);
          if (!m) {
            ctx.stderr.write(`wget: unrecognized option '${arg}'\n${USAGE}`);
            return 1;
          }
          quiet ||= m[1]!.includes('q');
          output = m[2] ? m[2] : args[++i];
        } else urls.push(arg);
      }
      if (urls.length === 0) {
        ctx.stderr.write(USAGE);
        return 1;
      }
      let status = 0;
      for (const url of urls) {
        const parsed = parseUrl(url);
        if (!parsed) {
          ctx.stderr.write(`wget: bad address '${url}'\n`);
          status = 1;
          continue;
        }
        const target = output ?? (parsed.path === '/' ? 'index.html' : parsed.path.slice(parsed.path.lastIndexOf('/') + 1));
        const address = network.resolve(parsed.host)?.address ?? parsed.host;
        if (!quiet) ctx.stderr.write(`Connecting to ${parsed.host}${parsed.port === 80 ? '' : `:${parsed.port}`} (${address}:${parsed.port})\n`);
        const result = await network.httpGet(url, { timeoutMs });
        if (result.error === 'unknown-host') {
          ctx.stderr.write(`wget: bad address '${parsed.host}${parsed.port === 80 ? '' : `:${parsed.port}`}'\n`);
          status = 1;
          continue;
        }
        if (result.error === 'empty-reply') {
          // Busybox wget reading a connection closed before any status line.
          ctx.stderr.write('wget: error getting response: Connection reset by peer\n');
          status = 1;
          continue;
        }
        if (result.error === 'timeout') {
          ctx.stderr.write('wget: download timed out\n');
          status = 1;
          continue;
        }
        if (result.error) {
          ctx.stderr.write(
            `wget: can't connect to remote host (${(result.address ?? address).split(':')[0]}): ${result.error === 'no-route' ? 'Host is unreachable' : 'Connection refused'}\n`,
          );
          status = 1;
          continue;
        }
        if ((result.status ?? 200) >= 400) {
          ctx.stderr.write(`wget: server returned error: HTTP/1.1 ${result.status} ${reasonPhrase(result.status!)}\n`);
          status = 1;
          continue;
        }
        const body = result.body ?? '';
        if (target === '-') {
          if (!quiet) ctx.stderr.write('writing to stdout\n');
          ctx.stdout.write(body);
          if (!quiet) ctx.stderr.write(`-                    100% |********************************| ${String(body.length).padStart(5)}  0:00:00 ETA\nwritten to stdout\n`);
        } else {
          const path = target.startsWith('/') ? target : `${ctx.cwd === '/' ? '' : ctx.cwd}/${target}`;
          ctx.fs.writeFile(path, body);
          if (!quiet)
            ctx.stderr.write(
              `saving to '${target}'\n${target.padEnd(20)} 100% |********************************| ${String(body.length).padStart(5)}  0:00:00 ETA\n'${target}' saved\n`,
            );
        }
      }
      return status;
    },
  };
}

function reasonPhrase(status: number): string {
  const phrases: Record<number, string> = { 400: 'BAD REQUEST', 403: 'FORBIDDEN', 404: 'NOT FOUND', 500: 'INTERNAL SERVER ERROR', 502: 'BAD GATEWAY', 503: 'SERVICE UNAVAILABLE' };
  return phrases[status] ?? 'ERROR';
}
