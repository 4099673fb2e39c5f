import { MARKER_GLYPHS } from './draw-timeline.ts';
import { COLORS, POD_STATES } from './pod-colors.ts';

const swatch = (color: string, shape: 'dot' | 'bar' | 'line' | 'dash') => (
  <svg width="14" height="10" aria-hidden="true">
    {shape === 'dot' && <circle cx="5" cy="5" r="4.5" fill={color} />}
    {shape === 'bar' && <rect x="0" y="2" width="14" height="7" fill={color} />}
    {shape === 'line' && <line x1="7" x2="7" y1="0" y2="10" stroke={color} strokeWidth="2" />}
    {shape === 'dash' && <line x1="7" x2="7" y1="0" y2="10" stroke={color} strokeWidth="2" strokeDasharray="3 2" />}
  </svg>
);

/** What each colour and glyph of the rollout view means: pods, the bounds gauge, the timeline. */
export function RolloutLegend() {
  const gauge = [
    { key: 'replicas', icon: swatch(COLORS.replicas, 'bar'), label: 'replicas asked for (all ReplicaSets)' },
    { key: 'available', icon: swatch(COLORS.available, 'bar'), label: 'available pods' },
    { key: 'out', icon: swatch(COLORS.outOfBounds, 'bar'), label: 'outside its bound' },
    { key: 'bounds', icon: swatch(COLORS.bound, 'line'), label: 'max = desired + maxSurge, min = desired − maxUnavailable' },
    { key: 'desired', icon: swatch(COLORS.desired, 'dash'), label: 'desired replicas' },
  ];
  return (
    <details className="rollout-legend" data-testid="rollout-legend" open>
      <summary>Legend</summary>
      <ul aria-label="pods">
        {POD_STATES.map((s) => (
          <li key={s.label}>
            {swatch(s.color, 'dot')} {s.label}
          </li>
        ))}
      </ul>
      <ul aria-label="bounds">
        {gauge.map((g) => (
          <li key={g.key}>
            {g.icon} {g.label}
          </li>
        ))}
      </ul>
      <ul aria-label="timeline">
        {Object.entries(MARKER_GLYPHS).map(([kind, g]) => (
          <li key={kind}>
            <span className="legend-glyph" style={{ color: g.color }} aria-hidden="true">
              {g.symbol}
            </span>{' '}
            {g.label}
          </li>
        ))}
      </ul>
    </details>
  );
}
