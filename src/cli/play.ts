/**
 * `cka-lab play <lab-id> [--script FILE] [--grade]`: boots the lab headless and plays the script
 * (or standard input) through the same engine and shell the browser uses.
 */
import { loadLab } from '../labs/load-lab.ts';
import { playScript } from '../session/headless-player.ts';
import { gradeLines, labTopology, startLab } from '../session/lab-session.ts';
import { Session } from '../session/session.ts';
import { readLabFiles, yieldToHost } from './node-host.ts';

export interface PlayOptions {
  labId: string;
  script: string;
  grade: boolean;
  seed?: number;
  labsDir?: string;
}

/** Plays a lab and returns the transcript; throws with a readable message if the lab is broken. */
export async function playLab(options: PlayOptions, write: (text: string) => void): Promise<void> {
  const files = readLabFiles(options.labId, options.labsDir);
  if (!files) throw new Error(`unknown lab "${options.labId}"`);
  const loaded = loadLab(files);
  if (!loaded.ok) throw new Error(`lab "${options.labId}" is invalid:\n${loaded.errors.join('\n')}`);
  const session = await Session.create({ seed: options.seed ?? 1, yieldToHost, ...labTopology(loaded.lab) });
  const lab = await startLab(session, loaded.lab);
  try {
    await playScript(session, lab.scriptGrader, options.script, write);
    if (options.grade) for (const line of await gradeLines(lab.grader)) write(`${line}\n`);
  } finally {
    // The script is over: background jobs and busy pods stop, so the process can exit.
    session.close();
  }
}
