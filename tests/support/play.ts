/** Plays a lab script in-process through the same path as `npx cka-lab play`, returning the transcript. */
import { playLab } from '../../src/cli/play.ts';

export async function play(labId: string, script: string, grade = false): Promise<string> {
  let transcript = '';
  await playLab({ labId, script, grade }, (text) => (transcript += text));
  return transcript;
}

export function stepLines(transcript: string): Map<string, string> {
  const last = new Map<string, string>();
  for (const line of transcript.split('\n')) {
    const m = /^step (\S+) (.*)$/.exec(line);
    if (m) last.set(m[1]!, m[2]!);
  }
  return last;
}
