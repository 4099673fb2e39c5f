/** The `cka-lab` command line. */
import { readFileSync } from 'node:fs';
import { loadLab } from '../labs/load-lab.ts';
import { listLabIds, readLabFiles } from './node-host.ts';
import { playLab } from './play.ts';
import { runRemoteKubectl } from './remote/remote-kubectl.ts';
import { serveMain } from '../serve/serve-main.ts';

const USAGE = `Usage:
  cka-lab play <lab-id> [--script FILE] [--grade] [--seed N]
  cka-lab serve [--lab ID] [--port N] [--kubeconfig FILE] [--seed N] [--nodes N] [--paused] [--start-time RFC3339] [--log-requests]
  cka-lab labs-check
  cka-lab list
  cka-lab kubectl [--kubeconfig FILE] [--context NAME] [-s URL] ARGS...
`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'play':
        return await play(rest);
      case 'kubectl':
        return await runRemoteKubectl(rest);
      case 'serve':
        return await serveMain(rest, {
          readLabFiles,
          out: (text) => process.stdout.write(text),
          err: (text) => process.stderr.write(text),
          untilSignal: () =>
            new Promise((resolve) => {
              process.once('SIGINT', () => resolve('SIGINT'));
              process.once('SIGTERM', () => resolve('SIGTERM'));
            }),
        });
      case 'labs-check':
        return labsCheck();
      case 'list':
        for (const id of listLabIds()) process.stdout.write(`${id}\n`);
        return 0;
      case '-h':
      case '--help':
      case undefined:
        process.stdout.write(USAGE);
        return command === undefined ? 1 : 0;
      default:
        process.stderr.write(`cka-lab: unknown command "${command}"\n${USAGE}`);
        return 2;
    }
  } catch (error) {
    process.stderr.write(`cka-lab: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

async function play(args: string[]): Promise<number> {
  let labId: string | undefined;
  let scriptPath: string | undefined;
  let grade = false;
  let seed: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--script') scriptPath = args[++i];
    else if (arg.startsWith('--script=')) scriptPath = arg.slice('--script='.length);
    else if (arg === '--grade') grade = true;
    else if (arg === '--seed') seed = Number(args[++i]);
    else if (arg.startsWith('-')) throw new Error(`unknown flag ${arg}\n${USAGE}`);
    else labId ??= arg;
  }
  if (!labId) throw new Error(`play needs a lab id\n${USAGE}`);
  const script = scriptPath ? readFileSync(scriptPath, 'utf8') : readFileSync(0, 'utf8');
  await playLab({ labId, script, grade, ...(seed !== undefined ? { seed } : {}) }, (text) => process.stdout.write(text));
  return 0;
}

function labsCheck(): number {
  let failed = 0;
  for (const id of listLabIds()) {
    const result = loadLab(readLabFiles(id) ?? {});
    if (result.ok) process.stdout.write(`ok   ${id}\n`);
    else {
      failed++;
      process.stdout.write(`FAIL ${id}\n${result.errors.map((e) => `  ${e}`).join('\n')}\n`);
    }
  }
  return failed === 0 ? 0 : 1;
}
