/** Plain base and utility images: their behaviour is the shell tools they ship. */
import type { AppContext, ImageSpec } from './image.ts';
import { BUSYBOX_TOOLS, COREUTILS_TOOLS } from './tool-sets.ts';

const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export const busybox: ImageSpec = {
  repository: 'docker.io/library/busybox',
  tags: ['latest', '1.28', '1.36', '1.36.1', 'stable'],
  entrypoint: [],
  cmd: ['sh'],
  env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' },
  workingDir: '/',
  binaries: BUSYBOX_TOOLS,
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
  sizeBytes: 29_754_290,
  stopsOnSigterm: false,
};

export const alpine: ImageSpec = {
  repository: 'docker.io/library/alpine',
  tags: ['latest', '3.18', '3.19', '3.20'],
  entrypoint: [],
  cmd: ['/bin/sh'],
  env: { PATH: DEFAULT_PATH },
  workingDir: '/',
  binaries: BUSYBOX_TOOLS,
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
  sizeBytes: 5_612_046,
  stopsOnSigterm: false,
};

async function serveForever(ctx: AppContext, port: number, body: string, startLog: string[]): Promise<number> {
  for (const line of startLog) ctx.log(line);
  ctx.serve(port, () => ({ status: 200, body, contentType: 'text/html' }));
  await ctx.terminated;
  return 0;
}

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
  binaries: [...COREUTILS_TOOLS, 'curl'],
  apps: {
    '/docker-entrypoint.sh': (ctx) =>
      serveForever(ctx, 80, NGINX_PAGE, [
        '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
        '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
        '/docker-entrypoint.sh: Configuration complete; ready for start up',
      ]),
    nginx: (ctx) => serveForever(ctx, 80, NGINX_PAGE, []),
  },
  files: { '/usr/share/nginx/html/index.html': NGINX_PAGE },
  sizeBytes: 72_955_450,
  stopsOnSigterm: true,
};

export const redis: ImageSpec = {
  repository: 'docker.io/library/redis',
  tags: ['latest', 'alpine', '6', '7', '7.2', '7.4'],
  entrypoint: ['docker-entrypoint.sh'],
  cmd: ['redis-server'],
  env: { PATH: DEFAULT_PATH, REDIS_VERSION: '7.4.1' },
  workingDir: '/data',
  binaries: COREUTILS_TOOLS,
  apps: {
    'docker-entrypoint.sh': async (ctx) => {
      ctx.log('1:C 22 Nov 2026 22:00:00.000 * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo');
      ctx.log('1:M 22 Nov 2026 22:00:00.001 * Server initialized');
      ctx.log('1:M 22 Nov 2026 22:00:00.001 * Ready to accept connections tcp');
      await ctx.terminated;
      return 0;
    },
  },
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
  apps: { '/pause': async (ctx) => { await ctx.terminated; return 0; } },
  sizeBytes: 311_286,
  stopsOnSigterm: true,
};
