/** Every lab folder under /labs, loaded and checked when the app was built (cli/bundled-labs-plugin.ts). */
import labs from 'virtual:bundled-labs';
import type { LoadedLab } from '../labs/schema.ts';

/** A lab of its own: a session may change what it is given. */
export function bundledLab(labId: string): LoadedLab | undefined {
  const lab = labs[labId];
  return lab && structuredClone(lab);
}

export function bundledLabs(): LoadedLab[] {
  return Object.keys(labs)
    .sort()
    .map((id) => labs[id]!);
}
