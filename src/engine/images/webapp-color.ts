/**
 * kodekloud/webapp-color: a Flask app (`python app.py`) that paints its page in one colour.
 * v1/v2/v3 bake APP_COLOR blue/green/red and VERSION; `--color` beats the environment; an unknown
 * colour makes it exit 1. Behaviour from labs-catalogue §18.1; wording and page are our own.
 */
import type { AppContext, ImageSpec } from './image.ts';
import { PYTHON_ALPINE_TOOLS } from './tool-sets.ts';

const COLORS: Record<string, string> = {
  red: '#e74c3c',
  green: '#16a085',
  blue: '#2980b9',
  blue2: '#30336b',
  pink: '#be2edd',
  darkblue: '#130f40',
};
const COLOR_LIST = Object.keys(COLORS).join(',');

const BANNER = [
  ' This is a sample web application that displays a colored background. ',
  ' A color can be specified in two ways. ',
  '',
  ` 1. As a command line argument with --color as the argument. Accepts one of ${COLOR_LIST} `,
  ` 2. As an Environment variable APP_COLOR. Accepts one of ${COLOR_LIST} `,
  ' 3. If none of the above then a random color is picked from the above list. ',
  ' Note: Command line argument precedes over environment variable.',
  '',
  '',
];

function parseColorFlag(args: string[]): { color?: string; error?: string } {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--color') {
      const value = args[i + 1];
      if (value === undefined) return { error: 'argument --color: expected one argument' };
      return { color: value };
    }
    if (arg.startsWith('--color=')) return { color: arg.slice('--color='.length) };
    if (arg.startsWith('-')) return { error: `unrecognized arguments: ${args.slice(i).join(' ')}` };
  }
  return {};
}

export async function webappColorApp(ctx: AppContext): Promise<number> {
  // argv: python app.py [--color X]
  const script = ctx.argv[1];
  if (script !== 'app.py') {
    ctx.logError(`python: can't open file '/opt/${script ?? ''}': [Errno 2] No such file or directory`);
    return 2;
  }
  const parsed = parseColorFlag(ctx.argv.slice(2));
  if (parsed.error) {
    ctx.logError('usage: app.py [-h] [--color COLOR]');
    ctx.logError(`app.py: error: ${parsed.error}`);
    return 2;
  }
  for (const line of BANNER) ctx.log(line);
  const fromEnv = ctx.env.APP_COLOR;
  let color: string;
  if (parsed.color) {
    ctx.log(`Color from command line argument =${parsed.color}`);
    if (fromEnv) ctx.log(`A color was set through environment variable -${fromEnv}. However, color from command line argument takes precendence.`);
    color = parsed.color;
  } else if (fromEnv) {
    ctx.log(`No Command line argument. Color from environment variable =${fromEnv}`);
    color = fromEnv;
  } else {
    color = Object.keys(COLORS)[Math.floor(ctx.random() * Object.keys(COLORS).length)]!;
    ctx.log(`No command line argument or environment variable. Picking a Random Color =${color}`);
  }
  if (!COLORS[color]) {
    ctx.log(`Color not supported. Received '${color}' expected one of ${COLOR_LIST}`);
    return 1;
  }
  const version = ctx.env.VERSION;
  ctx.log(" * Serving Flask app 'app'");
  ctx.log(' * Debug mode: off');
  ctx.log('WARNING: This is a development server. Do not use it in a production deployment. Use a production WSGI server instead.');
  ctx.log(' * Running on all addresses (0.0.0.0)');
  ctx.log(' * Running on http://127.0.0.1:8080');
  ctx.log(` * Running on http://${ctx.podIP}:8080`);
  ctx.log('Press CTRL+C to quit');
  ctx.serve(8080, (request) => {
    const stamp = new Date(ctx.now()).toUTCString().replace(/^\w+, (\d+) (\w+) (\d+) ([\d:]+) GMT$/, '$1/$2/$3 $4');
    const answer = (status: number, body: string, contentType = 'text/html; charset=utf-8') => {
      ctx.log(`${request.remoteAddress} - - [${stamp}] "${request.method} ${request.path} HTTP/1.1" ${status} -`);
      return { status, body, contentType };
    };
    switch (request.path) {
      case '/':
        return answer(200, page(ctx.hostname, color, version));
      case '/color':
        return version ? answer(200, color) : answer(404, notFoundPage());
      case '/version':
        return version ? answer(200, `Hello, Application Version: ${version}`) : answer(404, notFoundPage());
      case '/info':
        return version ? answer(200, `Hello, Application Version: ${version} ; Color: ${color}`) : answer(404, notFoundPage());
      default:
        return answer(404, notFoundPage());
    }
  });
  await new Promise<never>(() => undefined);
  return 0;
}

function page(hostname: string, color: string, version: string | undefined): string {
  return [
    '<!doctype html>',
    '<title>Hello from Flask</title>',
    `<body style="background: ${COLORS[color]};"></body>`,
    '<div style="color: #e4e4e4;',
    '    text-align:  center;',
    '    height: 90px;',
    '    vertical-align:  middle;">',
    '',
    `  <h1>Hello from ${hostname}!</h1>`,
    ...(version ? [`  <h2>Application Version: ${version}</h2>`] : []),
    '',
    '</div>',
  ].join('\n');
}

function notFoundPage(): string {
  return '<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n<p>The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.</p>\n';
}

export const webappColor: ImageSpec = {
  repository: 'docker.io/kodekloud/webapp-color',
  tags: ['latest', 'v1', 'v2', 'v3'],
  entrypoint: ['python', 'app.py'],
  cmd: [],
  env: { PATH: '/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', LANG: 'C.UTF-8', PYTHON_VERSION: '3.6.15' },
  workingDir: '/opt',
  binaries: PYTHON_ALPINE_TOOLS,
  userland: 'busybox',
  apps: { python: webappColorApp },
  files: { '/opt/app.py': '# webapp-color Flask application\n' },
  sizeBytes: 31_761_347,
  stopsOnSigterm: false,
  tagEnv: {
    v1: { APP_COLOR: 'blue', VERSION: 'v1' },
    v2: { APP_COLOR: 'green', VERSION: 'v2' },
    v3: { APP_COLOR: 'red', VERSION: 'v3' },
  },
};
