import { describe, expect, it } from 'vitest';
import { restartNoticeEnd, restartNoticeStart } from './restart-notice.ts';

describe('the restart notice', () => {
  it.each([
    [false, 'ls', 'progress and /root files kept; cluster reset.'],
    [true, undefined, 'cluster, progress and files restored.'],
    [true, 'ls', 'cluster restored; "ls" not rerun.'],
    [true, 'while true; do echo y; done > /dev/null', 'cluster restored; "while true; do echo…" not rerun.'],
    [true, 'cat <<EOF\nx\nEOF', 'cluster restored; "cat <<EOF…" not rerun.'],
  ])('restored cluster %s, running %j: %s', (clusterRestored, interrupted, end) => {
    expect(restartNoticeEnd(clusterRestored, interrupted)).toBe(end);
  });

  it('fits one line of a terminal 100 columns wide with the longest command', () => {
    const line = restartNoticeStart('not responding') + restartNoticeEnd(true, 'x'.repeat(200));
    expect(line.length).toBeLessThanOrEqual(100);
  });
});
