/** Plain base and utility images: their behaviour is the shell tools they ship. */
import type { AppContext, ImageSpec } from './image.ts';
import { BUSYBOX_TOOLS, COREUTILS_TOOLS } from './tool-sets.ts';
import { NGINX_CONF, NGINX_DEFAULT_CONF } from './nginx-config.ts';

const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export const busybox: ImageSpec = {
  repository: 'docker.io/library/busybox',
  tags: ['latest', '1.28', '1.36', '1.36.1', 'stable'],
  entrypoint: [],
  cmd: ['sh'],
  env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' },
  workingDir: '/',
  binaries: BUSYBOX_TOOLS,
  userland: 'busybox',
  sizeBytes: 2_166_802,
  stopsOnSigterm: false,
};

export const ubuntu: ImageSpec = {
  repository: 'docker.io/library/ubuntu',
  tags: ['latest', '20.04', '22.04', '24.04', 'focal', 'jammy', 'noble'],
  entrypoint: [],
  cmd: ['/bin/bash'],
  env: { PATH: DEFAULT_PATH },
  workingDir: '/',
  binaries: COREUTILS_TOOLS,
  userland: 'gnu',
  sizeBytes: 29_754_290,
  stopsOnSigterm: false,
};

/** The Docker lesson's image (`FROM ubuntu`, ENTRYPOINT sleep, CMD 5): built on the nodes, never pushed. */
export const ubuntuSleeper: ImageSpec = {
  repository: 'docker.io/library/ubuntu-sleeper',
  tags: ['latest'],
  entrypoint: ['sleep'],
  cmd: ['5'],
  env: { PATH: DEFAULT_PATH },
  workingDir: '/',
  binaries: COREUTILS_TOOLS,
  userland: 'gnu',
  sizeBytes: 29_754_290,
  stopsOnSigterm: false,
  pullable: false,
};

export const alpine: ImageSpec = {
  repository: 'docker.io/library/alpine',
  tags: ['latest', '3.18', '3.19', '3.20'],
  entrypoint: [],
  cmd: ['/bin/sh'],
  env: { PATH: DEFAULT_PATH },
  workingDir: '/',
  binaries: BUSYBOX_TOOLS,
  userland: 'busybox',
  sizeBytes: 3_623_807,
  stopsOnSigterm: false,
};

export const alpineCurl: ImageSpec = {
  repository: 'docker.io/byrnedo/alpine-curl',
  tags: ['latest'],
  entrypoint: ['curl'],
  cmd: [],
  env: { PATH: DEFAULT_PATH },
  workingDir: '/',
  binaries: [...BUSYBOX_TOOLS, 'curl'],
  userland: 'busybox',
  sizeBytes: 5_612_046,
  stopsOnSigterm: false,
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** nginx's error-log time: `2026/11/22 22:00:00`. */
function nginxTime(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10).replace(/-/g, '/')} ${iso.slice(11, 19)}`;
}

/** nginx's access-log time: `22/Nov/2026:22:00:00 +0000`. */
function nginxAccessTime(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getUTCDate()).padStart(2, '0')}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${d.toISOString().slice(11, 19)} +0000`;
}

/** The official image: entrypoint scripts, then nginx with one worker per CPU (16 on every node). */
async function nginxApp(ctx: AppContext, viaEntrypoint: boolean): Promise<number> {
  if (viaEntrypoint) {
    for (const line of [
      '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
      '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
      '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
      '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
      '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
      '/docker-entrypoint.sh: Configuration complete; ready for start up',
    ]) {
      ctx.log(line);
    }
  }
  // Before 1.19 the image's nginx.conf logged at `warn`: a quiet start.
  const version = ctx.env.NGINX_VERSION ?? '1.27.3';
  const [major, minor] = version.split('.').map(Number) as [number, number];
  const quiet = major === 1 && minor < 19;
  const notice = (message: string) => {
    if (!quiet) ctx.logError(`${nginxTime(ctx.now())} [notice] 1#1: ${message}`);
  };
  notice('using the "epoll" event method');
  notice(`nginx/${version}`);
  notice('built by gcc 12.2.0 (Debian 12.2.0-14) ');
  notice('OS: Linux 5.15.0-1083-gcp');
  notice('getrlimit(RLIMIT_NOFILE): 1048576:1048576');
  notice('start worker processes');
  for (let i = 0; i < 16; i++) notice(`start worker process ${29 + i}`);
  ctx.serve(80, (request) => {
    const found = request.pathname === '/' || request.pathname === '/index.html';
    const body = found ? NGINX_PAGE : nginx404(version);
    const status = found ? 200 : 404;
    ctx.log(
      `${request.remoteAddress} - - [${nginxAccessTime(ctx.now())}] "${request.method} ${request.path} HTTP/1.1" ${status} ${body.length} "-" "${request.headers['user-agent'] ?? '-'}" "-"`,
    );
    if (!found)
      ctx.logError(
        `${nginxTime(ctx.now())} [error] 29#29: *1 open() "/usr/share/nginx/html${request.pathname}" failed (2: No such file or directory), client: ${request.remoteAddress}, server: localhost, request: "${request.method} ${request.path} HTTP/1.1", host: "${request.headers.host ?? ''}"`,
      );
    return { status, body, contentType: 'text/html' };
  });
  await ctx.terminated;
  notice('signal 3 (SIGQUIT) received, shutting down');
  return 0;
}

const nginx404 = (version: string) => `<html>
<head><title>404 Not Found</title></head>
<body>
<center><h1>404 Not Found</h1></center>
<hr><center>nginx/${version}</center>
</body>
</html>
`;

const NGINX_PAGE = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

export const nginx: ImageSpec = {
  repository: 'docker.io/library/nginx',
  tags: ['latest', 'alpine', '1.14.2', '1.16', '1.17', '1.18', '1.19', '1.20', '1.21', '1.22', '1.23', '1.24', '1.25', '1.26', '1.27', 'stable', 'mainline'],
  entrypoint: ['/docker-entrypoint.sh'],
  cmd: ['nginx', '-g', 'daemon off;'],
  env: { PATH: DEFAULT_PATH, NGINX_VERSION: '1.27.3' },
  workingDir: '/',
  binaries: [...COREUTILS_TOOLS, 'curl', 'nginx'],
  userland: 'gnu',
  apps: {
    '/docker-entrypoint.sh': (ctx) => nginxApp(ctx, true),
    nginx: (ctx) => nginxApp(ctx, false),
  },
  files: { '/usr/share/nginx/html/index.html': NGINX_PAGE, '/etc/nginx/nginx.conf': NGINX_CONF, '/etc/nginx/conf.d/default.conf': NGINX_DEFAULT_CONF, '/var/log/nginx/': '' },
  tagEntrypoint: { '1.14.2': [], '1.16': [], '1.17': [], '1.18': [] },
  tagEnv: { '1.14.2': { NGINX_VERSION: '1.14.2' }, '1.16': { NGINX_VERSION: '1.16.1' }, '1.17': { NGINX_VERSION: '1.17.10' }, '1.18': { NGINX_VERSION: '1.18.0' } },
  sizeBytes: 72_955_450,
  stopsOnSigterm: true,
};

/** Redis' log time: `22 Nov 2026 22:00:00.123`. */
function redisTime(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getUTCDate()).padStart(2, '0')} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${d.toISOString().slice(11, 23)}`;
}

async function redisApp(ctx: AppContext): Promise<number> {
  const line = (role: 'C' | 'M', level: '*' | '#', message: string) => ctx.log(`1:${role} ${redisTime(ctx.now())} ${level} ${message}`);
  const version = ctx.env.REDIS_VERSION ?? '7.4.1';
  line(
    'C',
    '#',
    "WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.",
  );
  line('C', '*', 'oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo');
  line('C', '*', `Redis version=${version}, bits=64, commit=00000000, modified=0, pid=1, just started`);
  line('C', '#', 'Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf');
  await ctx.sleep(1);
  line('M', '*', 'monotonic clock: POSIX clock_gettime');
  line('M', '*', 'Running mode=standalone, port=6379.');
  line('M', '*', 'Server initialized');
  line('M', '*', 'Ready to accept connections tcp');
  // Not HTTP: a client speaking HTTP gets the protocol error Redis sends.
  ctx.serve(6379, () => ({ status: 400, body: "-ERR unknown command 'GET', with args beginning with: '/' \r\n", contentType: 'text/plain' }));
  await ctx.terminated;
  ctx.log(`1:signal-handler (${Math.floor(ctx.now() / 1000)}) Received SIGTERM scheduling shutdown...`);
  line('M', '*', 'User requested shutdown...');
  line('M', '*', 'Saving the final RDB snapshot before exiting.');
  line('M', '*', 'DB saved on disk');
  line('M', '#', 'Redis is now ready to exit, bye bye...');
  return 0;
}

export const redis: ImageSpec = {
  repository: 'docker.io/library/redis',
  tags: ['latest', 'alpine', '6', '7', '7.2', '7.4'],
  entrypoint: ['docker-entrypoint.sh'],
  cmd: ['redis-server'],
  env: { PATH: DEFAULT_PATH, REDIS_VERSION: '7.4.1' },
  workingDir: '/data',
  binaries: COREUTILS_TOOLS,
  userland: 'gnu',
  apps: { 'docker-entrypoint.sh': redisApp, 'redis-server': redisApp },
  sizeBytes: 45_000_000,
  stopsOnSigterm: true,
};

export const pause: ImageSpec = {
  repository: 'registry.k8s.io/pause',
  tags: ['3.8', '3.9', '3.10'],
  entrypoint: ['/pause'],
  cmd: [],
  env: {},
  workingDir: '/',
  binaries: [],
  userland: 'gnu',
  apps: {
    '/pause': async (ctx) => {
      await ctx.terminated;
      return 0;
    },
  },
  sizeBytes: 311_286,
  stopsOnSigterm: true,
};
