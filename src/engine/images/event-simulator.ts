/**
 * kodekloud/event-simulator: a Python script (`python event-simulator.py`, shell-form ENTRYPOINT)
 * that logs a random user event every second, the USER5 locked-account warning every 5th tick and
 * an order failure for OVERRIDE_USER (USER7) every 8th, through Python logging to /log/app.log
 * (rotating at 5 MiB, 3 backups) and to stderr. Behaviour from labs-catalogue §18.1/§18.3.
 */
import type { AppContext, ImageSpec } from './image.ts';
import { PYTHON_ALPINE_TOOLS } from './tool-sets.ts';

const USERS = ['USER1', 'USER2', 'USER3', 'USER4'];
const EVENTS = ['logged in', 'logged out', 'is viewing page1', 'is viewing page2', 'is viewing page3'];
const LOG_FILE = '/log/app.log';
const MAX_BYTES = 5_242_880;
const BACKUP_COUNT = 3;

/** Python logging's default asctime: `2026-11-22 22:00:05,123` (the container runs in UTC). */
export function pythonAsctime(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)},${iso.slice(20, 23)}`;
}

/** An environment variable as the script reads it: unset or empty means the default. */
const setting = (env: Record<string, string>, name: string) => (env[name] ? env[name] : undefined);

interface Handler {
  emit(line: string): void;
}

function rotatingFile(ctx: AppContext): Handler {
  // Python opens the file for appending when logging is configured.
  ctx.fs.writeFile(LOG_FILE, '', { append: true });
  let size = ctx.fs.stat(LOG_FILE).size;
  const rollover = () => {
    for (let i = BACKUP_COUNT - 1; i >= 1; i--) {
      const from = `${LOG_FILE}.${i}`;
      if (ctx.fs.exists(from)) ctx.fs.writeFile(`${LOG_FILE}.${i + 1}`, ctx.fs.readFile(from));
    }
    ctx.fs.writeFile(`${LOG_FILE}.1`, ctx.fs.exists(LOG_FILE) ? ctx.fs.readFile(LOG_FILE) : '');
    ctx.fs.writeFile(LOG_FILE, '');
    size = 0;
  };
  return {
    emit(line) {
      const record = `${line}\n`;
      try {
        if (size + record.length >= MAX_BYTES) rollover();
        ctx.fs.writeFile(LOG_FILE, record, { append: true });
        size += record.length;
      } catch {
        // logging.Handler.handleError: Python reports the failure and carries on.
        ctx.logError('--- Logging error ---');
      }
    },
  };
}

export async function eventSimulatorApp(ctx: AppContext): Promise<number> {
  const script = ctx.argv[1];
  if (script !== 'event-simulator.py') {
    ctx.logError(`python: can't open file '${script ?? ''}': [Errno 2] No such file or directory`);
    return 2;
  }
  const printSpecial = setting(ctx.env, 'PRINT_SPECIAL_MESSAGE') ?? 'True';
  const overrideUser = setting(ctx.env, 'OVERRIDE_USER') ?? 'USER7';
  const handlerNames = (setting(ctx.env, 'LOG_HANDLERS') ?? 'file,console').split(',');
  const handlers: Handler[] = [];
  for (const name of handlerNames) {
    if (name === 'console') handlers.push({ emit: (line) => ctx.logError(line) });
    else if (name === 'file' && ctx.fs.exists('/log') && ctx.fs.stat('/log').kind === 'directory') handlers.push(rotatingFile(ctx));
    else {
      const missing = name === 'file' ? `FileNotFoundError: [Errno 2] No such file or directory: '${LOG_FILE}'` : `KeyError: '${name}'`;
      for (const line of [
        'Traceback (most recent call last):',
        '  File "/usr/local/lib/python3.7/logging/config.py", line 562, in configure',
        '    handler = self.configure_handler(handlers[name])',
        missing,
        '',
        'During handling of the above exception, another exception occurred:',
        '',
        'Traceback (most recent call last):',
        '  File "event-simulator.py", line 25, in <module>',
        '    dictConfig({',
        `ValueError: ${name === 'file' ? "Unable to configure handler 'file'" : 'Unable to configure root logger'}`,
      ]) {
        ctx.logError(line);
      }
      return 1;
    }
  }
  const log = (level: 'INFO' | 'WARNING', message: string) => {
    const line = `[${pythonAsctime(ctx.now())}] ${level} in event-simulator: ${message}`;
    for (const handler of handlers) handler.emit(line);
  };
  // The interpreter takes a moment to start; every tick costs a little more than its second.
  await ctx.sleep(40 + Math.floor(ctx.random() * 60));
  for (let i = 0; ;) {
    const user = USERS[Math.floor(ctx.random() * USERS.length)]!;
    const event = EVENTS[Math.floor(ctx.random() * EVENTS.length)]!;
    log('INFO', `${user} ${event}`);
    await ctx.sleep(1000 + Math.floor(ctx.random() * 2));
    i++;
    if (printSpecial !== 'FALSE') {
      if (i % 5 === 0) log('WARNING', 'USER5 Failed to Login as the account is locked due to MANY FAILED ATTEMPTS.');
      if (i % 8 === 0) log('WARNING', `${overrideUser} Order failed as the item is OUT OF STOCK.`);
    }
  }
}

export const eventSimulator: ImageSpec = {
  repository: 'docker.io/kodekloud/event-simulator',
  tags: ['latest'],
  entrypoint: ['/bin/sh', '-c', 'python event-simulator.py'],
  cmd: [],
  env: { PATH: '/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', LANG: 'C.UTF-8', PYTHON_VERSION: '3.7.4' },
  workingDir: '/',
  binaries: PYTHON_ALPINE_TOOLS,
  userland: 'busybox',
  apps: { python: eventSimulatorApp },
  files: { '/event-simulator.py': '# event-simulator: logs simulated user events\n', '/log/': '' },
  sizeBytes: 33_417_913,
  stopsOnSigterm: false,
};
