/**
 * kelseyhightower/hello: a Go server (`hello -http=0.0.0.0:80 -health=0.0.0.0:81`) answering JSON on
 * port 80 and health checks on port 81, logging every request. Behaviour from labs-catalogue §16.4.
 */
import type { AppContext, HttpRequest, ImageSpec } from './image.ts';
import { BUSYBOX_TOOLS } from './tool-sets.ts';

/** Go's log.Println prefix: `2026/11/22 22:00:00 `. */
function goLogTime(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10).replace(/-/g, '/')} ${iso.slice(11, 19)}`;
}

/** time.RFC1123 in UTC: `Sun, 22 Nov 2026 22:00:00 UTC`. */
function rfc1123(ms: number): string {
  return new Date(ms).toUTCString().replace(/GMT$/, 'UTC');
}

function flagValue(args: string[], name: string, fallback: string): string | undefined {
  let value = fallback;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!.replace(/^--?/, '-');
    if (arg.startsWith(`-${name}=`)) value = arg.slice(name.length + 2);
    else if (arg === `-${name}`) {
      if (args[i + 1] === undefined) return undefined;
      value = args[++i]!;
    }
  }
  return value;
}

function portOf(address: string): number {
  return Number(address.slice(address.lastIndexOf(':') + 1)) || 80;
}

/** The binary of one build; the version is compiled in. */
export const helloApp =
  (version: string) =>
  async (ctx: AppContext): Promise<number> => {
    const args = ctx.argv.slice(1);
    const httpAddr = flagValue(args, 'http', '0.0.0.0:80');
    const healthAddr = flagValue(args, 'health', '0.0.0.0:81');
    if (!httpAddr || !healthAddr) {
      ctx.logError(`flag needs an argument: -${httpAddr ? 'health' : 'http'}`);
      return 2;
    }
    const log = (line: string) => ctx.log(`${goLogTime(ctx.now())} ${line}`);
    const logRequest = (request: HttpRequest) =>
      ctx.log(
        `${request.remoteAddress}:${40000 + Math.floor(ctx.random() * 20000)} - - [${rfc1123(ctx.now())}] "${request.method} ${request.pathname} HTTP/1.1" ${request.headers['user-agent'] ?? ''}`,
      );
    log('Starting server...');
    log(`Health service listening on ${healthAddr}`);
    log(`HTTP service listening on ${httpAddr}`);
    const json = (status: number, body: unknown) => ({ status, body: `${JSON.stringify(body)}\n`, contentType: 'application/json' });
    const notFound = { status: 404, body: '404 page not found\n', contentType: 'text/plain; charset=utf-8' };
    ctx.serve(portOf(healthAddr), (request) => {
      logRequest(request);
      return request.pathname === '/healthz' || request.pathname === '/readiness' ? { status: 200, body: '' } : notFound;
    });
    ctx.serve(portOf(httpAddr), (request) => {
      logRequest(request);
      switch (request.pathname) {
        case '/':
          return json(200, { message: 'Hello' });
        case '/version':
          return json(200, { version });
        case '/secure':
          return request.headers.authorization ? json(200, { message: 'Hello' }) : { status: 401, body: 'authorization failed\n', contentType: 'text/plain; charset=utf-8' };
        default:
          return notFound;
      }
    });
    await ctx.terminated;
    log('Captured terminated. Exiting...');
    return 0;
  };

export const hello: ImageSpec = {
  repository: 'docker.io/kelseyhightower/hello',
  tags: ['1.0.0', '2.0.0'],
  entrypoint: ['hello'],
  cmd: [],
  env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' },
  workingDir: '/',
  binaries: BUSYBOX_TOOLS,
  userland: 'busybox',
  apps: { hello: helloApp('1.0.0') },
  sizeBytes: 2_989_212,
  stopsOnSigterm: true,
  tagApps: { '2.0.0': { hello: helloApp('2.0.0') } },
};
