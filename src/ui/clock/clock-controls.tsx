import { useEffect, useRef, useState } from 'react';
import type { WorkerClient } from '../../protocol/worker-client.ts';

const SPEEDS = [1, 2, 5, 20];
/** How far "until settled" may move the clock: a crash-looping pod never settles. */
const SETTLE_CAP_MS = 10 * 60 * 1000;

function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${seconds}s` : `${Math.floor(seconds / 60)}m${seconds % 60 ? ` ${seconds % 60}s` : ''}`;
}

/**
 * Pause, play, speed and fast-forward for the cluster's virtual clock. Keys (Ctrl+Alt+letter, read
 * before the terminal sees them): P pause/play, N the next minute, S until the cluster settles.
 * Alt+letter alone is readline's (Alt+F forward-word, Alt+P history search), and readline binds
 * none of Ctrl+Alt+P, N or S.
 */
export function ClockControls({ client }: { client: WorkerClient }) {
  const [playing, setPlaying] = useState(true);
  const [speed, setSpeed] = useState(1);
  const [nowMs, setNowMs] = useState<number | undefined>();
  const [settling, setSettling] = useState<number | undefined>();
  const [result, setResult] = useState<string | undefined>();
  const state = useRef({ playing, speed, settling });
  state.current = { playing, speed, settling };
  const actions = useRef<{ togglePlay(): void; forwardMinute(): void; untilSettled(): void }>(undefined);

  useEffect(
    () =>
      client.subscribe((m) => {
        if (m.type === 'clock.state') {
          setNowMs(m.nowMs);
          setPlaying(m.playing);
          setSpeed(m.speed);
        }
        if (m.type === 'clock.untilSettled' && m.id === state.current.settling) {
          setSettling(undefined);
          setResult(
            m.settled
              ? m.advancedMs === 0
                ? 'Nothing pending'
                : `Settled after ${formatDuration(m.advancedMs)}`
              : `Not settled after ${formatDuration(m.advancedMs)}${m.advancedMs >= SETTLE_CAP_MS ? ' (the cap)' : ''}: ${m.waitingFor ?? 'still busy'}`,
          );
        }
        if (m.type === 'session.ready' || m.type === 'session.restarted') {
          setSettling(undefined);
          setResult(undefined);
        }
      }),
    [client],
  );

  useEffect(() => {
    const togglePlay = () => client.send({ type: 'clock.set', playing: !state.current.playing, speed: state.current.speed });
    const forwardMinute = () => client.send({ type: 'clock.advance', ms: 60_000 });
    const untilSettled = () => {
      if (state.current.settling !== undefined) return;
      const id = client.nextId();
      setSettling(id);
      setResult(undefined);
      client.send({ type: 'clock.untilSettled', id, capMs: SETTLE_CAP_MS });
    };
    actions.current = { togglePlay, forwardMinute, untilSettled };
    const keys: Record<string, () => void> = { KeyP: togglePlay, KeyN: forwardMinute, KeyS: untilSettled };
    const onKey = (e: KeyboardEvent) => {
      const action = keys[e.code];
      // AltGr reports Ctrl+Alt on Windows: it types letters (ś, ń) on some layouts.
      if (!e.altKey || !e.ctrlKey || e.metaKey || e.getModifierState('AltGraph') || !action) return;
      // Captured before xterm, which would otherwise send ESC and a control character to the shell.
      e.preventDefault();
      e.stopPropagation();
      action();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [client]);

  return (
    <div className="clock-controls" data-testid="clock-controls">
      <span data-testid="clock-now">{nowMs ? new Date(nowMs).toISOString().slice(11, 19) : '--:--:--'}</span>
      <button onClick={() => actions.current?.togglePlay()} title={playing ? 'Pause the cluster clock (Ctrl+Alt+P)' : 'Play the cluster clock (Ctrl+Alt+P)'}>
        {playing ? 'Pause' : 'Play'}
      </button>
      <select aria-label="speed" title="Clock speed" value={speed} onChange={(e) => client.send({ type: 'clock.set', playing, speed: Number(e.target.value) })}>
        {SPEEDS.map((s) => (
          <option key={s} value={s}>
            {s}×
          </option>
        ))}
      </select>
      <button onClick={() => actions.current?.forwardMinute()} title="Move the clock one minute ahead (Ctrl+Alt+N)">
        +1 min
      </button>
      <button
        data-testid="clock-settle"
        disabled={settling !== undefined}
        onClick={() => actions.current?.untilSettled()}
        title={`Fast-forward until nothing is pending — rollouts done, pods settled, the command in the terminal ended — at most ${SETTLE_CAP_MS / 60_000} min, or until nothing has changed for 2 min (Ctrl+Alt+S)`}
      >
        Until settled
      </button>
      {(settling !== undefined || result) && (
        <span className="clock-settle-status" data-testid="clock-settle-status" role="status" title={result}>
          {settling !== undefined ? 'Fast-forwarding…' : result}
        </span>
      )}
    </div>
  );
}
