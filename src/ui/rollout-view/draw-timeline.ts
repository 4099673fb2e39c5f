import { axisBottom, scaleUtc, utcFormat } from 'd3';
import { select } from 'd3-selection';
import type { WorkloadSnapshot } from '../../protocol/messages.ts';
import { COLORS } from './pod-colors.ts';
import { rolloutBounds } from './rollout-bounds.ts';
import { rolloutMarkers, type MarkerKind } from './rollout-markers.ts';
import type { SnapshotHistory } from './snapshot-history.ts';

export const TIMELINE_HEIGHT = 88;
export const TIMELINE_PAD = 26;
const PLOT_TOP = 6;
const PLOT_BOTTOM = 36;
/** Rollout start/complete on one row, scaling on the next: a rollout starts with a scale-up at the same moment. */
const ROLLOUT_MARKER_Y = 46;
const SCALE_MARKER_Y = 57;
const AXIS_Y = 63;
/** A rolling update scales one ReplicaSet up and another down in the same second: ▲ and ▼ sit side by side. */
const MARKER_NUDGE: Record<MarkerKind, number> = { 'scaled-up': -4, 'scaled-down': 4, 'rollout-start': 0, 'rollout-complete': 0 };

/** The glyph of each kind of marker, also drawn by the legend. */
export const MARKER_GLYPHS: Record<MarkerKind, { symbol: string; color: string; label: string }> = {
  'scaled-up': { symbol: '▲', color: COLORS.replicas, label: 'ReplicaSet scaled up' },
  'scaled-down': { symbol: '▼', color: COLORS.terminating, label: 'ReplicaSet scaled down' },
  'rollout-start': { symbol: '▶', color: COLORS.bound, label: 'rollout started' },
  'rollout-complete': { symbol: '✔', color: COLORS.ready, label: 'rollout complete' },
};

const clock = utcFormat('%H:%M:%S');

/**
 * Draws the focused deployment's replicas and available pods over the virtual time the view has
 * seen, a time axis under them, the rollout's markers, and a cursor at the moment shown.
 */
export function drawTimeline(
  svg: SVGSVGElement,
  history: SnapshotHistory,
  deployment: string | undefined,
  shownMs: number | undefined,
  width: number,
): { t0: number; t1: number } | undefined {
  const root = select(svg);
  const items: readonly WorkloadSnapshot[] = history.items;
  const first = items[0];
  if (!first || !deployment || shownMs === undefined) {
    root.selectAll('*').remove();
    return undefined;
  }
  const t0 = first.nowMs;
  const t1 = Math.max(history.latestMs ?? t0, t0 + 1000);
  const scale = scaleUtc()
    .domain([t0, t1])
    .range([TIMELINE_PAD, width - TIMELINE_PAD]);
  const x = (t: number) => scale(t);
  const points = items.flatMap((s) => {
    const d = s.deployments.find((dep) => dep.name === deployment);
    return d ? [{ t: s.nowMs, ...rolloutBounds(d, s.replicaSets, 0) }] : [];
  });
  const top = Math.max(1, ...points.map((p) => Math.max(p.ceiling, p.total)));
  const y = (v: number) => PLOT_TOP + (1 - v / top) * (PLOT_BOTTOM - PLOT_TOP);
  const path = (key: 'total' | 'available') =>
    points.length === 0
      ? ''
      : `M${x(points[0]!.t)},${y(points[0]![key])}${points
          .slice(1)
          .map((p) => `H${x(p.t)}V${y(p[key])}`)
          .join('')}H${x(t1)}`;
  root
    .selectAll<SVGPathElement, 'total' | 'available'>('path.series')
    .data(['total', 'available'] as const)
    .join('path')
    .attr('class', 'series')
    .attr('fill', 'none')
    .attr('stroke', (k) => (k === 'total' ? COLORS.replicas : COLORS.available))
    .attr('stroke-width', 1.5)
    .attr('d', (k) => path(k));
  const ticks = Math.max(2, Math.floor((width - 2 * TIMELINE_PAD) / 90));
  root
    .selectAll<SVGGElement, null>('g.time-axis')
    .data([null])
    .join('g')
    .attr('class', 'time-axis')
    .attr('data-testid', 'rollout-time-axis')
    .attr('transform', `translate(0, ${AXIS_Y})`)
    .call(
      axisBottom(scale)
        .ticks(ticks)
        .tickSizeOuter(0)
        .tickFormat((d) => clock(d as Date)),
    )
    .call((g) => g.selectAll('text').attr('fill', '#aaa'))
    .call((g) => g.selectAll('line, path').attr('stroke', '#555'));
  const markers = rolloutMarkers(items, deployment).filter((m) => m.atMs >= t0 && m.atMs <= t1);
  const marker = root
    .selectAll<SVGGElement, (typeof markers)[number]>('g.marker')
    .data(markers, (m) => `${m.atMs}|${m.kind}|${m.text}`)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'marker');
      g.append('text').attr('text-anchor', 'middle').attr('font-size', 10);
      g.append('title');
      return g;
    })
    .attr('data-testid', 'timeline-event')
    .attr('data-kind', (m) => m.kind)
    .attr('transform', (m) => `translate(${x(m.atMs) + MARKER_NUDGE[m.kind]}, ${m.kind.startsWith('rollout') ? ROLLOUT_MARKER_Y : SCALE_MARKER_Y})`);
  marker
    .select('text')
    .attr('fill', (m) => MARKER_GLYPHS[m.kind].color)
    .text((m) => MARKER_GLYPHS[m.kind].symbol);
  marker.select('title').text((m) => `${clock(new Date(m.atMs))} ${m.text}`);
  root
    .selectAll<SVGLineElement, number>('line.cursor')
    .data([shownMs])
    .join('line')
    .attr('class', 'cursor')
    .attr('data-testid', 'rollout-timeline-cursor')
    .attr('y1', 0)
    .attr('y2', AXIS_Y)
    .attr('stroke', '#fff')
    .attr('stroke-width', 1)
    .attr('x1', (t) => x(t))
    .attr('x2', (t) => x(t));
  return { t0, t1 };
}
