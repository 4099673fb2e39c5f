/**
 * The one line the header shows about what came back of a saved lab, in the learner's words: no
 * error text, no internals (those go to the console).
 */

/** `readable`: this version could read the save (or part of it). */
export function newerVersionNotice(readable: boolean): string {
  return readable
    ? 'This lab was saved by a newer version of cka-lab: it is shown as saved, but nothing you do in this tab will be saved.'
    : 'This lab was saved by a newer version of cka-lab, which this one cannot read; nothing you do in this tab will be saved.';
}

/** `kept`: part of the save could be read and was restored; `canReset`: a lab (not free play) offers Reset lab. */
export function lostWorkNotice(lost: string[], options: { kept: boolean; canReset: boolean }): string {
  if (!options.kept) return 'Your saved work for this lab could not be read, so the lab starts from the beginning.';
  const shown = lost.length > 3 ? [...lost.slice(0, 3), `${lost.length - 3} more`] : lost;
  return `Part of your saved work could not be read and was left out (${shown.join(', ')})${options.canReset ? '; Reset lab starts afresh' : ''}.`;
}

export function restoredNotice(diverged: string[]): string {
  if (diverged.length === 0) return 'Session restored: your cluster, files and shell are as you left them.';
  const count = diverged.length === 1 ? 'one command' : `${diverged.length} commands`;
  return `Session restored, but ${count} did not replay as before (${diverged[0]}).`;
}

/** `reason` completes "because …". */
export function notRebuiltNotice(reason: string): string {
  return `Your cluster could not be rebuilt as you left it (${reason}), so it starts again from the lab's setup; your progress and files are kept.`;
}
