/**
 * The official `mysql` image: `docker-entrypoint.sh mysqld`. The entrypoint refuses an
 * uninitialised database without one of the root password variables (exit 1, so the pod crash
 * loops); otherwise it initialises, then mysqld listens on 3306 and checks each login against
 * root@'%' (MYSQL_ROOT_PASSWORD) and MYSQL_USER/MYSQL_PASSWORD. Behaviour from labs-catalogue §18.1
 * and docker-library/mysql's docker-entrypoint.sh; the log lines are the entrypoint's.
 */
import type { AppContext, HttpResponse, ImageSpec } from './image.ts';
import { MYSQL_PORT, readLogin } from './mysql-wire.ts';
import { COREUTILS_TOOLS } from './tool-sets.ts';

/** Seconds from start until the init process is done and mysqld accepts connections. */
const INIT_MS = 9_000;
const SYSTEM_SCHEMAS = ['information_schema', 'mysql', 'performance_schema', 'sys'];

/** `date --rfc-3339=seconds` in UTC: `2026-12-06 11:00:00+00:00`. */
function rfc3339(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')}+00:00`;
}

function mysqldTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 23)}000Z`;
}

interface Account {
  user: string;
  password: string;
  /** Databases this account may use; undefined for all. */
  databases?: string[];
}

export async function mysqlEntrypoint(ctx: AppContext): Promise<number> {
  const args = ctx.argv.slice(1);
  if (args[0]?.startsWith('-')) args.unshift('mysqld');
  const version = ctx.env.MYSQL_VERSION ?? '';
  const note = (text: string) => ctx.log(`${rfc3339(ctx.now())} [Note] [Entrypoint]: ${text}`);
  const error = (lines: string[]) => {
    ctx.logError(`${rfc3339(ctx.now())} [ERROR] [Entrypoint]: ${lines[0]}`);
    for (const line of lines.slice(1)) ctx.logError(line);
    return 1;
  };
  if (args[0] !== 'mysqld') {
    ctx.logError(`/usr/local/bin/docker-entrypoint.sh: line 438: exec: ${args[0] ?? ''}: not found`);
    return 127;
  }
  note(`Entrypoint script for MySQL Server ${version} started.`);
  note("Switching to dedicated user 'mysql'");
  note(`Entrypoint script for MySQL Server ${version} started.`);
  const env = ctx.env;
  if (!env.MYSQL_ROOT_PASSWORD && !env.MYSQL_ALLOW_EMPTY_PASSWORD && !env.MYSQL_RANDOM_ROOT_PASSWORD) {
    return error([
      'Database is uninitialized and password option is not specified',
      '    You need to specify one of the following as an environment variable:',
      '    - MYSQL_ROOT_PASSWORD',
      '    - MYSQL_ALLOW_EMPTY_PASSWORD',
      '    - MYSQL_RANDOM_ROOT_PASSWORD',
    ]);
  }
  if (env.MYSQL_USER === 'root') {
    return error([
      'MYSQL_USER="root", MYSQL_USER and MYSQL_PASSWORD are for configuring a regular user and cannot be used for the root user',
      '    Remove MYSQL_USER="root" and use one of the following to control the root user password:',
      '    - MYSQL_ROOT_PASSWORD',
      '    - MYSQL_ALLOW_EMPTY_PASSWORD',
      '    - MYSQL_RANDOM_ROOT_PASSWORD',
    ]);
  }
  note('Initializing database files');
  await ctx.sleep(INIT_MS / 2);
  note('Database files initialized');
  note('Starting temporary server');
  note('Temporary server started.');
  let rootPassword = env.MYSQL_ROOT_PASSWORD ?? '';
  if (!rootPassword && env.MYSQL_RANDOM_ROOT_PASSWORD) {
    rootPassword = randomPassword(ctx);
    note(`GENERATED ROOT PASSWORD: ${rootPassword}`);
  }
  const databases = [...SYSTEM_SCHEMAS];
  if (env.MYSQL_DATABASE) {
    note(`Creating database ${env.MYSQL_DATABASE}`);
    databases.push(env.MYSQL_DATABASE);
  }
  const accounts: Account[] = [{ user: 'root', password: rootPassword }];
  if (env.MYSQL_USER && env.MYSQL_PASSWORD) {
    note(`Creating user ${env.MYSQL_USER}`);
    accounts.push({ user: env.MYSQL_USER, password: env.MYSQL_PASSWORD, databases: env.MYSQL_DATABASE ? [env.MYSQL_DATABASE] : [] });
    if (env.MYSQL_DATABASE) note(`Giving user ${env.MYSQL_USER} access to schema ${env.MYSQL_DATABASE}`);
  }
  note('Stopping temporary server');
  await ctx.sleep(INIT_MS / 2);
  note('Temporary server stopped');
  ctx.log('');
  note('MySQL init process done. Ready for start up.');
  ctx.log('');
  const serverVersion = version.replace(/-.*$/, '');
  ctx.log(`${mysqldTime(ctx.now())} 0 [System] [MY-015015] [Server] MySQL Server - start.`);
  ctx.log(
    `${mysqldTime(ctx.now())} 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '${serverVersion}'  socket: '/var/run/mysqld/mysqld.sock'  port: ${MYSQL_PORT}  MySQL Community Server - GPL.`,
  );
  ctx.serve(MYSQL_PORT, (request) => authenticate(request.headers, request.remoteAddress, accounts, databases));
  await ctx.terminated;
  return 0;
}

/** The server's answer to a login: 200, or the error packet's text (`1045 (28000): …`). */
export function authenticate(headers: Record<string, string>, client: string, accounts: readonly Account[], databases: readonly string[]): HttpResponse {
  const login = readLogin(headers);
  // A client that does not speak the protocol gets the greeting and then a closed connection.
  if (!login) return { status: 400, body: '' };
  const account = accounts.find((a) => a.user === login.user);
  if (!account || account.password !== login.password) {
    return { status: 403, body: `1045 (28000): Access denied for user '${login.user}'@'${client}' (using password: ${login.password ? 'YES' : 'NO'})` };
  }
  if (login.database && !databases.includes(login.database)) return { status: 404, body: `1049 (42000): Unknown database '${login.database}'` };
  if (login.database && account.databases && !account.databases.includes(login.database) && login.database !== 'information_schema') {
    return { status: 403, body: `1044 (42000): Access denied for user '${login.user}'@'%' to database '${login.database}'` };
  }
  return { status: 200, body: '' };
}

function randomPassword(ctx: AppContext): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let out = '';
  for (let i = 0; i < 32; i++) out += alphabet[Math.floor(ctx.random() * alphabet.length)];
  return out;
}

export const mysql: ImageSpec = {
  repository: 'docker.io/library/mysql',
  tags: ['latest', '9.5', '8.4', '8.0', '5.7', '5.6'],
  entrypoint: ['docker-entrypoint.sh'],
  cmd: ['mysqld'],
  env: {
    PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    GOSU_VERSION: '1.17',
    MYSQL_MAJOR: 'innovation',
    MYSQL_VERSION: '9.5.0-1.el9',
    MYSQL_SHELL_VERSION: '9.5.0-1.el9',
  },
  workingDir: '/',
  binaries: COREUTILS_TOOLS,
  userland: 'gnu',
  apps: { 'docker-entrypoint.sh': mysqlEntrypoint },
  files: { '/usr/local/bin/docker-entrypoint.sh': '#!/bin/bash\n# docker-library/mysql entrypoint\n' },
  sizeBytes: 254_613_873,
  stopsOnSigterm: true,
  tagEnv: {
    '9.5': { MYSQL_VERSION: '9.5.0-1.el9', MYSQL_SHELL_VERSION: '9.5.0-1.el9' },
    '8.4': { MYSQL_MAJOR: '8.4', MYSQL_VERSION: '8.4.7-1.el9', MYSQL_SHELL_VERSION: '8.4.7-1.el9' },
    '8.0': { MYSQL_MAJOR: '8.0', MYSQL_VERSION: '8.0.44-1.el9', MYSQL_SHELL_VERSION: '8.0.44-1.el9' },
    '5.7': { MYSQL_MAJOR: '5.7', MYSQL_VERSION: '5.7.44-1.el7', MYSQL_SHELL_VERSION: '8.0.35-1.el7' },
    '5.6': { MYSQL_MAJOR: '5.6', MYSQL_VERSION: '5.6.51-1debian9' },
  },
};
