/**
 * curl 8.x for the controlplane host and curl-carrying images: `-s`, `-S`, `-m SEC`, `-o FILE`,
 * `-i`, `-I`, `-w '%{http_code}'`, `-f`. Error lines follow curl's `curl: (N) …` wording.
 */
import type { ContainerNetwork } from '../../engine/kubelet/tool-runner.ts';
import type { Command, CommandContext } from '../../shell/command.ts';
import { parseUrl, secondsToMs } from './parse-url.ts';

export function createCurl(network: ContainerNetwork): Command {
  return {
    name: 'curl',
    async run(ctx: CommandContext): Promise<number> {
      let silent = false;
      let showError = false;
      let failOnError = false;
      let includeHeaders = false;
      let headOnly = false;
      let output: string | undefined;
      let writeOut: string | undefined;
      let timeoutMs = 300_000;
      const urls: string[] = [];
      const args = ctx.argv.slice(1);
      for (let i = 0; i < args.length; i++) {
        const arg = args[i]!;
        if (arg === '--max-time' || arg === '-m' || arg === '--connect-timeout') timeoutMs = secondsToMs(args[++i] ?? '') ?? timeoutMs;
        else if (arg === '-o' || arg === '--output') output = args[++i];
        else if (arg === '-w' || arg === '--write-out') writeOut = args[++i];
        else if (arg === '--silent') silent = true;
        else if (arg === '--show-error') showError = true;
        else if (arg === '--fail') failOnError = true;
        else if (arg === '--include') includeHeaders = true;
        else if (arg === '--head') headOnly = true;
        else if (/^-[sSfiIvkL]+$/.test(arg)) {
          silent ||= arg.includes('s');
          showError ||= arg.includes('S');
          failOnError ||= arg.includes('f');
          includeHeaders ||= arg.includes('i');
          headOnly ||= arg.includes('I');
        } else if (arg.startsWith('-') && arg.length > 1) {
          ctx.stderr.write(`curl: option ${arg}: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n`);
          return 2;
        } else urls.push(arg);
      }
      if (urls.length === 0) {
        ctx.stderr.write(`curl: try 'curl --help' or 'curl --manual' for more information\n`);
        return 2;
      }
      const fail = (code: number, message: string) => {
        if (!silent || showError) ctx.stderr.write(`curl: (${code}) ${message}\n`);
        return code;
      };
      let status = 0;
      for (const url of urls) {
        const parsed = parseUrl(url);
        if (!parsed) return fail(3, 'URL rejected: Malformed input to a URL function');
        if (parsed.scheme !== 'http' && parsed.scheme !== 'https') return fail(1, `Protocol "${parsed.scheme}" not supported`);
        const started = ctx.time.now();
        const result = await network.httpGet(url, { timeoutMs });
        const elapsed = ctx.time.now() - started;
        if (result.error === 'unknown-host') {
          status = fail(6, `Could not resolve host: ${parsed.host}`);
          continue;
        }
        if (result.error === 'empty-reply') {
          status = fail(52, 'Empty reply from server');
          continue;
        }
        if (result.error === 'timeout') {
          status = fail(28, `Connection timed out after ${elapsed} milliseconds`);
          continue;
        }
        if (result.error) {
          const [ip] = (result.address ?? parsed.host).split(':');
          status = fail(
            7,
            `Failed to connect to ${ip} port ${parsed.port} after ${elapsed} ms: ${result.error === 'no-route' ? 'Could not connect to server' : "Couldn't connect to server"}`,
          );
          continue;
        }
        const code = result.status ?? 200;
        if (failOnError && code >= 400) {
          status = fail(22, `The requested URL returned error: ${code}`);
          continue;
        }
        const body = headOnly ? '' : (result.body ?? '');
        const headers = `HTTP/1.1 ${code} ${code === 200 ? 'OK' : 'ERROR'}\r\nContent-Length: ${(result.body ?? '').length}\r\n\r\n`;
        const text = (includeHeaders || headOnly ? headers : '') + body;
        if (output && output !== '-') ctx.fs.writeFile(output.startsWith('/') ? output : `${ctx.cwd}/${output}`, text);
        else ctx.stdout.write(text);
        if (writeOut !== undefined) ctx.stdout.write(writeOut.replace(/%\{http_code\}/g, String(code)).replace(/\\n/g, '\n'));
      }
      return status;
    },
  };
}
