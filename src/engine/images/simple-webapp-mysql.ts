/**
 * kodekloud/simple-webapp-mysql: a Flask app (`python /opt/webapp-mysql/app.py`, shell-form CMD)
 * that tries a MySQL login for every `/` request with DB_Host, DB_Database, DB_User and DB_Password
 * (defaults localhost, mysql, root, paswrd) and paints the result: green on success, red with the
 * connector's error otherwise; `/debug` shows the variables on blue. The debug line names each
 * variable as set in the pod ("Not Set" when absent). Behaviour from labs-catalogue §18.1 and the
 * app's published source; the page is rendered as its template renders it.
 */
import type { HttpResult } from '../kubelet/tool-runner.ts';
import type { AppContext, ImageSpec } from './image.ts';
import { loginHeaders, MYSQL_PORT } from './mysql-wire.ts';
import { PYTHON_ALPINE_TOOLS } from './tool-sets.ts';

const SUCCESS = '#39b54b';
const FAILURE = '#ff3f3f';
const DEBUG = '#2196f3';
const CONNECT_TIMEOUT_MS = 10_000;

/** Jinja's autoescape: what `{{ debug }}` turns `'` and `<` into. */
function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&#34;').replace(/'/g, '&#39;');
}

function debugLine(env: Record<string, string>): string {
  const shown = (name: string) => env[name] || 'Not Set';
  return `Environment Variables: DB_Host=${shown('DB_Host')}; DB_Database=${shown('DB_Database')}; DB_User=${shown('DB_User')}; DB_Password=${shown('DB_Password')}`;
}

/** mysql-connector's text for a failed connection (`2003: Can't connect … (111 Connection refused)`). */
export function connectorError(host: string, result: HttpResult): string | undefined {
  const cannot = (reason: string) => `2003: Can't connect to MySQL server on '${host}:${MYSQL_PORT}' (${reason})`;
  switch (result.error) {
    case 'connection-refused':
      return cannot('111 Connection refused');
    case 'unknown-host':
      return cannot('-2 Name does not resolve');
    case 'timeout':
      return cannot('timed out');
    case 'no-route':
      return cannot('113 Host is unreachable');
    default:
      return result.status === 200 ? undefined : (result.body ?? '');
  }
}

export function renderPage(options: { color: string; connected?: boolean; debug: string; name?: string }): string {
  const status = options.connected
    ? ['    <img src="/static/img/success.jpg">', '    <h3> Successfully connected to the MySQL database.</h3>']
    : ['    <img src="/static/img/failed.png">', '    <h3> Failed connecting to the MySQL database. </h3>'];
  return [
    '<!doctype html>',
    '<title>Hello from Flask</title>',
    `<body style="background: ${options.color};"></body>`,
    '<div style="color: #e4e4e4;',
    '    text-align:  center;',
    '    height: 90px;',
    '    vertical-align:  middle;">',
    '',
    '  ',
    ...status,
    '  ',
    '',
    '  ',
    `    <h2> ${escapeHtml(options.debug)} </h2>`,
    '  ',
    '',
    '  ',
    ...(options.name ? [`    <p> From ${escapeHtml(options.name)}!</p>`] : []),
    '  ',
    '',
    '  ',
    '',
    '</div>',
  ].join('\n');
}

export async function simpleWebappMysqlApp(ctx: AppContext): Promise<number> {
  const script = ctx.argv[1];
  if (script !== '/opt/webapp-mysql/app.py' && script !== 'app.py') {
    ctx.logError(`python: can't open file '${script?.startsWith('/') ? script : `/opt/webapp-mysql/${script ?? ''}`}': [Errno 2] No such file or directory`);
    return 2;
  }
  const env = ctx.env;
  const host = env.DB_Host || 'localhost';
  const login = { user: env.DB_User || 'root', password: env.DB_Password || 'paswrd', database: env.DB_Database || 'mysql' };
  ctx.log(" * Serving Flask app 'app'");
  ctx.log(' * Debug mode: off');
  ctx.log('WARNING: This is a development server. Do not use it in a production deployment. Use a production WSGI server instead.');
  ctx.log(' * Running on all addresses (0.0.0.0)');
  ctx.log(' * Running on http://127.0.0.1:8080');
  ctx.log(` * Running on http://${ctx.podIP}:8080`);
  ctx.log('Press CTRL+C to quit');
  ctx.serve(8080, async (request) => {
    const stamp = new Date(ctx.now()).toUTCString().replace(/^\w+, (\d+) (\w+) (\d+) ([\d:]+) GMT$/, '$1/$2/$3 $4');
    const answer = (status: number, body: string) => {
      ctx.log(`${request.remoteAddress} - - [${stamp}] "${request.method} ${request.path} HTTP/1.1" ${status} -`);
      return { status, body, contentType: 'text/html; charset=utf-8' };
    };
    if (request.pathname === '/debug') return answer(200, renderPage({ color: DEBUG, debug: debugLine(env) }));
    if (request.pathname !== '/') return answer(404, notFoundPage());
    // Loopback inside the pod is the pod's own address: nothing of this image listens on 3306.
    const dial = host === 'localhost' || host === '127.0.0.1' ? ctx.podIP : host;
    const result = await ctx.network.request({ method: 'POST', url: `http://${dial}:${MYSQL_PORT}/`, headers: loginHeaders(login), timeoutMs: CONNECT_TIMEOUT_MS });
    const error = connectorError(host, result);
    const page = renderPage({ color: error === undefined ? SUCCESS : FAILURE, connected: error === undefined, debug: `${debugLine(env)}; ${error ?? ''}`, name: ctx.hostname });
    return answer(200, page);
  });
  await new Promise<never>(() => undefined);
  return 0;
}

function notFoundPage(): string {
  return '<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n<p>The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.</p>\n';
}

export const simpleWebappMysql: ImageSpec = {
  repository: 'docker.io/kodekloud/simple-webapp-mysql',
  tags: ['latest'],
  entrypoint: [],
  cmd: ['/bin/sh', '-c', 'python /opt/webapp-mysql/app.py'],
  env: { PATH: '/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', LANG: 'C.UTF-8', PYTHON_VERSION: '3.7.2' },
  workingDir: '/opt/webapp-mysql',
  binaries: PYTHON_ALPINE_TOOLS,
  userland: 'busybox',
  apps: { python: simpleWebappMysqlApp },
  files: { '/opt/webapp-mysql/app.py': '# simple-webapp-mysql Flask application\n', '/opt/webapp-mysql/requirements.txt': 'flask\nmysql-connector\n' },
  sizeBytes: 35_466_392,
  stopsOnSigterm: false,
};
