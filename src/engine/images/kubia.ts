/**
 * luksa/kubia (Kubernetes in Action): a Node.js server on 8080 that names the pod it runs in.
 * `latest` says "You've hit <hostname>"; v1, v2 and v4 say "This is vN running in pod <hostname>";
 * v3 answers HTTP 500 from its fifth request on (the book's broken release). Behaviour from
 * labs-catalogue §18.1; the page text is the app's.
 */
import type { AppContext, ImageSpec } from './image.ts';
import { COREUTILS_TOOLS } from './tool-sets.ts';

/** The app.js of one build: `version` is undefined for `latest`. */
export const kubiaApp =
  (version: string | undefined) =>
  async (ctx: AppContext): Promise<number> => {
    // argv: node app.js
    if (ctx.argv[1] !== 'app.js') {
      ctx.logError(`module.js:471\n    throw err;\n    ^\n\nError: Cannot find module '/${ctx.argv[1] ?? ''}'`);
      return 1;
    }
    let requests = 0;
    ctx.log('Kubia server starting...');
    ctx.serve(8080, (request) => {
      // Node listens on `::`, so an IPv4 client shows as an IPv4-mapped address.
      ctx.log(`Received request from ::ffff:${request.remoteAddress}`);
      requests++;
      if (version === 'v3' && requests > 4) return { status: 500, body: `Some internal error has occurred! This is pod ${ctx.hostname}\n` };
      const body = version ? `This is ${version} running in pod ${ctx.hostname}\n` : `You've hit ${ctx.hostname}\n`;
      return { status: 200, body };
    });
    await new Promise<never>(() => undefined);
    return 0;
  };

export const kubia: ImageSpec = {
  repository: 'docker.io/luksa/kubia',
  tags: ['latest', 'v1', 'v2', 'v3', 'v4'],
  entrypoint: ['node', 'app.js'],
  cmd: [],
  env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', NPM_CONFIG_LOGLEVEL: 'info', NODE_VERSION: '7.10.1' },
  workingDir: '/',
  binaries: [...COREUTILS_TOOLS, 'curl'],
  userland: 'gnu',
  apps: { node: kubiaApp(undefined) },
  files: { '/app.js': "const http = require('http');\nconst os = require('os');\n" },
  sizeBytes: 249_864_127,
  // node as PID 1 installs no SIGTERM handler: the pod lasts its whole grace period.
  stopsOnSigterm: false,
  tagApps: Object.fromEntries(['v1', 'v2', 'v3', 'v4'].map((v) => [v, { node: kubiaApp(v) }])),
};
