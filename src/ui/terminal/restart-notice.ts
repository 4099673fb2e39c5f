/**
 * The one terminal line that tells the learner the worker was restarted: its start is written at
 * once, its end once the new worker says what it could bring back.
 */
const LONGEST_COMMAND = 20;

export function restartNoticeStart(reason: string): string {
  return `[cka-lab] Session restarted (${reason}): `;
}

export function restartNoticeEnd(clusterRestored: boolean, interrupted: string | undefined): string {
  if (!clusterRestored) return 'progress and /root files kept; cluster reset.';
  if (interrupted === undefined || interrupted.trim() === '') return 'cluster, progress and files restored.';
  const firstLine = interrupted.split('\n')[0]!.trim();
  const shown = firstLine.length > LONGEST_COMMAND || interrupted.includes('\n') ? `${firstLine.slice(0, LONGEST_COMMAND - 1)}…` : firstLine;
  return `cluster restored; "${shown}" not rerun.`;
}
