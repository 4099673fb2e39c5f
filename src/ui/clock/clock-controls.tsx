import { useEffect, useState } from 'react';
import type { WorkerClient } from '../../protocol/worker-client.ts';

const SPEEDS = [1, 2, 5, 20];

/** Pause, play, speed and fast-forward for the cluster's virtual clock (keys: Alt+P, Alt+F). */
export function ClockControls({ client }: { client: WorkerClient }) {
  const [playing, setPlaying] = useState(true);
  const [speed, setSpeed] = useState(1);
  const [nowMs, setNowMs] = useState<number | undefined>();
  useEffect(() => client.subscribe((m) => m.type === 'clock.state' && (setNowMs(m.nowMs), setPlaying(m.playing), setSpeed(m.speed))), [client]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey) return;
      if (e.key === 'p') client.send({ type: 'clock.set', playing: !playing, speed });
      if (e.key === 'f') client.send({ type: 'clock.advance', ms: 60_000 });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [client, playing, speed]);
  return (
    <div className="clock-controls" data-testid="clock-controls">
      <span>{nowMs ? new Date(nowMs).toISOString().slice(11, 19) : '--:--:--'}</span>
      <button onClick={() => client.send({ type: 'clock.set', playing: !playing, speed })} title="Alt+P">
        {playing ? 'Pause' : 'Play'}
      </button>
      <select aria-label="speed" value={speed} onChange={(e) => client.send({ type: 'clock.set', playing, speed: Number(e.target.value) })}>
        {SPEEDS.map((s) => (
          <option key={s} value={s}>
            {s}×
          </option>
        ))}
      </select>
      <button onClick={() => client.send({ type: 'clock.advance', ms: 60_000 })} title="Alt+F">
        +1 min
      </button>
    </div>
  );
}
