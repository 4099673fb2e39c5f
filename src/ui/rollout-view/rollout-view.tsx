import { useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { select } from 'd3-selection';
// Adds .transition() to selections: d3 registers it as a side effect of this module.
import 'd3-transition';
import type { WorkloadSnapshot } from '../../protocol/messages.ts';
import type { WorkerClient } from '../../protocol/worker-client.ts';
import { podColor } from './pod-colors.ts';
import { podGlyphs, podsByOwner, type PodGroup } from './pod-glyphs.ts';
import { rolloutBounds, type RolloutBounds } from './rollout-bounds.ts';
import { SnapshotHistory } from './snapshot-history.ts';

const COLUMN_WIDTH = 150;
const POD_RADIUS = 11;
/** Height of a row of four dots, or of one state's count once a column aggregates. */
const ROW_HEIGHT = 30;
const GROUP_ROW_HEIGHT = 22;
const GAUGE_WIDTH = 420;
const GAUGE_LEFT = 70;
const TIMELINE_WIDTH = 420;
const TIMELINE_PAD = 8;

type ReplicaSetView = WorkloadSnapshot['replicaSets'][number];
type PodView = WorkloadSnapshot['pods'][number];

const clockText = (ms: number) => new Date(ms).toISOString().slice(11, 19);

/** The deployment's ReplicaSets that hold pods, and always its newest one; oldest revision first. */
function visibleReplicaSets(snapshot: WorkloadSnapshot | undefined, deployment: string | undefined, podsOf: Map<string, PodView[]>): ReplicaSetView[] {
  const owned = (snapshot?.replicaSets ?? []).filter((rs) => rs.owner === deployment).sort((a, b) => Number(a.revision) - Number(b.revision));
  const newest = owned.at(-1);
  return owned.filter((rs) => rs === newest || rs.desired > 0 || rs.current > 0 || podsOf.has(rs.name));
}

/** Height of a column's pods: rows of four dots, or one row per state once it aggregates. */
function podsHeight(pods: readonly PodView[]): number {
  const glyphs = podGlyphs(pods);
  return glyphs.kind === 'dots' ? Math.ceil(glyphs.pods.length / 4) * ROW_HEIGHT : glyphs.groups.length * GROUP_ROW_HEIGHT + 20;
}

/** Draws the gauge: replicas against the ceiling, available pods against the floor, desired across both. */
function drawBounds(svg: SVGSVGElement, bounds: RolloutBounds | undefined): void {
  const root = select(svg);
  if (!bounds) {
    root.selectAll('*').remove();
    return;
  }
  const max = Math.max(bounds.ceiling, bounds.total, bounds.pods, bounds.desired, 1) + 1;
  const x = (value: number) => GAUGE_LEFT + (value / max) * (GAUGE_WIDTH - GAUGE_LEFT - 40);
  const rows = [
    { key: 'total', label: 'replicas', value: bounds.total, y: 8, ok: bounds.total <= bounds.ceiling },
    { key: 'available', label: 'available', value: bounds.available, y: 36, ok: bounds.available >= bounds.floor },
  ];
  root
    .selectAll<SVGTextElement, (typeof rows)[number]>('text.row-label')
    .data(rows, (d) => d.key)
    .join('text')
    .attr('class', 'row-label')
    .attr('x', 0)
    .attr('y', (d) => d.y + 11)
    .attr('fill', '#aaa')
    .attr('font-size', 11)
    .text((d) => d.label);
  root
    .selectAll<SVGRectElement, (typeof rows)[number]>('rect.bar')
    .data(rows, (d) => d.key)
    .join((enter) => enter.append('rect').attr('class', 'bar').attr('x', GAUGE_LEFT).attr('width', 0))
    .attr('data-testid', (d) => `bound-${d.key}`)
    .attr('data-value', (d) => d.value)
    .attr('y', (d) => d.y)
    .attr('height', 14)
    .transition()
    .duration(300)
    .attr('width', (d) => x(d.value) - GAUGE_LEFT)
    .attr('fill', (d) => (d.ok ? (d.key === 'total' ? '#4a90d9' : '#3aa655') : '#d9534f'));
  root
    .selectAll<SVGTextElement, (typeof rows)[number]>('text.bar-value')
    .data(rows, (d) => d.key)
    .join('text')
    .attr('class', 'bar-value')
    .attr('y', (d) => d.y + 11)
    .attr('fill', '#ddd')
    .attr('font-size', 11)
    .transition()
    .duration(300)
    .attr('x', (d) => x(d.value) + 4)
    .text((d) => String(d.value));
  const marks = [
    { key: 'ceiling', value: bounds.ceiling, y1: 4, y2: 26, label: `max ${bounds.ceiling}`, labelY: 0, color: '#e8a33d' },
    { key: 'floor', value: bounds.floor, y1: 32, y2: 54, label: `min ${bounds.floor}`, labelY: 64, color: '#e8a33d' },
    { key: 'desired', value: bounds.desired, y1: 2, y2: 56, label: '', labelY: 0, color: '#ddd' },
  ];
  const mark = root
    .selectAll<SVGGElement, (typeof marks)[number]>('g.mark')
    .data(marks, (d) => d.key)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'mark');
      g.append('line');
      g.append('text').attr('font-size', 10).attr('text-anchor', 'middle');
      return g;
    })
    .attr('data-testid', (d) => `bound-${d.key}`)
    .attr('data-value', (d) => d.value);
  mark
    .select('line')
    .attr('y1', (d) => d.y1)
    .attr('y2', (d) => d.y2)
    .attr('stroke', (d) => d.color)
    .attr('stroke-width', 2)
    .attr('stroke-dasharray', (d) => (d.key === 'desired' ? '3 2' : null))
    .transition()
    .duration(300)
    .attr('x1', (d) => x(d.value))
    .attr('x2', (d) => x(d.value));
  mark
    .select('text')
    .attr('fill', (d) => d.color)
    .attr('y', (d) => (d.key === 'ceiling' ? 8 : d.labelY))
    .attr('dy', (d) => (d.key === 'ceiling' ? -6 : 0))
    .text((d) => d.label)
    .transition()
    .duration(300)
    .attr('x', (d) => x(d.value));
}

/** Draws replicas and available pods over the history, the deployment's events, and where the view is. */
function drawTimeline(svg: SVGSVGElement, history: SnapshotHistory, deployment: string | undefined, shownMs: number | undefined): { t0: number; t1: number } | undefined {
  const root = select(svg);
  const items = history.items;
  const first = items[0];
  if (!first || !deployment || shownMs === undefined) {
    root.selectAll('*').remove();
    return undefined;
  }
  const t0 = first.nowMs;
  const t1 = Math.max(history.latestMs ?? t0, t0 + 1000);
  const x = (t: number) => TIMELINE_PAD + ((t - t0) / (t1 - t0)) * (TIMELINE_WIDTH - 2 * TIMELINE_PAD);
  const points = items.flatMap((s) => {
    const d = s.deployments.find((dep) => dep.name === deployment);
    return d ? [{ t: s.nowMs, ...rolloutBounds(d, s.replicaSets, 0) }] : [];
  });
  const top = Math.max(1, ...points.map((p) => Math.max(p.ceiling, p.total)));
  const y = (v: number) => 6 + (1 - v / top) * 34;
  const step = (key: 'total' | 'available') =>
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
    .attr('stroke', (k) => (k === 'total' ? '#4a90d9' : '#3aa655'))
    .attr('stroke-width', 1.5)
    .attr('d', (k) => step(k));
  const events = (history.latest?.events ?? []).filter((e) => e.object === deployment && e.atMs >= t0 && e.atMs <= t1);
  root
    .selectAll<SVGCircleElement, (typeof events)[number]>('circle.event')
    .data(events, (e) => `${e.atMs}|${e.message}`)
    .join((enter) => {
      const c = enter.append('circle').attr('class', 'event').attr('r', 3.5).attr('cy', 48).attr('fill', '#e8a33d');
      c.append('title');
      return c;
    })
    .attr('data-testid', 'timeline-event')
    .attr('cx', (e) => x(e.atMs))
    .select('title')
    .text((e) => `${clockText(e.atMs)} ${e.reason}: ${e.message}`);
  root
    .selectAll<SVGLineElement, number>('line.cursor')
    .data([shownMs])
    .join('line')
    .attr('class', 'cursor')
    .attr('data-testid', 'rollout-timeline-cursor')
    .attr('y1', 0)
    .attr('y2', 56)
    .attr('stroke', '#fff')
    .attr('stroke-width', 1)
    .attr('x1', (t) => x(t))
    .attr('x2', (t) => x(t));
  return { t0, t1 };
}

/**
 * The rollout of the deployment in focus: one column per ReplicaSet with its pods as dots coloured
 * by state, a gauge of the bounds the controller keeps (maxSurge, maxUnavailable), and a timeline
 * of the rollout that can be scrubbed back to any earlier moment the view has seen.
 */
export function RolloutView({ client }: { client: WorkerClient }) {
  const svgRef = useRef<SVGSVGElement>(null);
  const boundsRef = useRef<SVGSVGElement>(null);
  const timelineRef = useRef<SVGSVGElement>(null);
  const history = useMemo(() => new SnapshotHistory(), []);
  const [version, setVersion] = useState(0);
  const [picked, setPicked] = useState<string | undefined>();
  /** The moment shown, or undefined to follow the cluster live. */
  const [scrubMs, setScrubMs] = useState<number | undefined>();
  const range = useRef<{ t0: number; t1: number } | undefined>(undefined);

  useEffect(() => {
    client.send({ type: 'workloads.watch', namespace: 'default' });
    const unsubscribe = client.subscribe((m) => {
      if (m.type === 'workloads.snapshot') {
        history.push(m.snapshot);
        setVersion((v) => v + 1);
      }
      if (m.type === 'session.ready' || m.type === 'session.restarted') {
        history.clear();
        setScrubMs(undefined);
        setVersion((v) => v + 1);
      }
    });
    return () => {
      unsubscribe();
      client.send({ type: 'workloads.watch' });
    };
  }, [client, history]);

  const items = history.items;
  const live = scrubMs === undefined;
  const shownIndex = live ? items.length - 1 : history.indexAt(scrubMs);
  const snapshot = items[shownIndex];
  const shownMs = live ? history.latestMs : snapshot?.nowMs;
  const deployments = history.latest?.deployments ?? [];
  const focus = picked && deployments.some((d) => d.name === picked) ? picked : history.lastTouched();
  const deployment = snapshot?.deployments.find((d) => d.name === focus);
  const podsOf = useMemo(() => podsByOwner(snapshot?.pods ?? []), [snapshot]);
  const sets = visibleReplicaSets(snapshot, deployment?.name, podsOf);
  const owned = new Set((snapshot?.replicaSets ?? []).filter((rs) => rs.owner === deployment?.name).map((rs) => rs.name));
  const bounds = deployment && snapshot ? rolloutBounds(deployment, snapshot.replicaSets, snapshot.pods.filter((p) => p.owner && owned.has(p.owner)).length) : undefined;
  const boundsKey = JSON.stringify(bounds ?? null);
  const columnsHeight = 45 + Math.max(ROW_HEIGHT, ...sets.map((rs) => podsHeight(podsOf.get(rs.name) ?? [])));

  useEffect(() => {
    if (!svgRef.current) return;
    const svg = select(svgRef.current);
    const columns = svg
      .selectAll<SVGGElement, ReplicaSetView>('g.rs')
      .data(sets, (d) => d.name)
      .join(
        (enter) => {
          const g = enter.append('g').attr('class', 'rs').attr('opacity', 0);
          g.append('text').attr('class', 'rs-title').attr('y', 14).attr('fill', '#ddd').attr('font-size', 12);
          g.append('text').attr('class', 'rs-counts').attr('y', 30).attr('fill', '#aaa').attr('font-size', 11);
          return g;
        },
        (update) => update.classed('exiting', false),
        (exit) => exit.classed('exiting', true).transition().duration(400).attr('opacity', 0).remove(),
      )
      .attr('data-testid', (d) => `rs-${d.name}`);
    columns
      .transition()
      .duration(400)
      .attr('opacity', 1)
      .attr('transform', (_d, i) => `translate(${10 + i * COLUMN_WIDTH}, 0)`);
    columns.select('text.rs-title').text((d) => `rev ${d.revision} · ${d.image.split('/').pop()}`);
    columns.select('text.rs-counts').text((d) => `desired ${d.desired} · current ${d.current} · ready ${d.ready}`);
    columns.each(function (rs) {
      const glyphs = podGlyphs(podsOf.get(rs.name) ?? []);
      const column = select(this);
      // Past what can be drawn a column shows counts: no transition then, so a frame stays cheap.
      column
        .selectAll<SVGCircleElement, PodView>('circle.pod')
        .data(glyphs.kind === 'dots' ? glyphs.pods : [], (p) => p.name)
        .join(
          (enter) => enter.append('circle').attr('class', 'pod').attr('r', 0).attr('cx', 20).attr('cy', 50),
          (update) => update,
          (exit) => (glyphs.kind === 'dots' ? exit.transition().duration(400).attr('r', 0).remove() : exit.remove()),
        )
        .attr('data-testid', (p) => `pod-${p.name}`)
        .transition()
        .duration(400)
        .attr('r', POD_RADIUS)
        .attr('cx', (_p, i) => 20 + (i % 4) * 30)
        .attr('cy', (_p, i) => 55 + Math.floor(i / 4) * ROW_HEIGHT)
        .attr('fill', (p) => podColor(p.status, p.ready));
      const groups = column
        .selectAll<SVGGElement, PodGroup>('g.pod-group')
        .data(glyphs.kind === 'groups' ? glyphs.groups : [], (g) => g.label)
        .join((enter) => {
          const g = enter.append('g').attr('class', 'pod-group');
          g.append('circle').attr('r', 7).attr('cx', 20);
          g.append('text').attr('x', 34).attr('fill', '#ddd').attr('font-size', 11);
          return g;
        })
        .attr('data-testid', (g) => `pod-group-${g.label}`)
        .attr('data-count', (g) => g.count)
        .attr('transform', (_g, i) => `translate(0, ${55 + i * GROUP_ROW_HEIGHT})`);
      groups.select('circle').attr('fill', (g) => g.color);
      groups
        .select('text')
        .attr('dy', 4)
        .text((g) => `${g.count} ${g.label}`);
      column
        .selectAll<SVGTextElement, number>('text.pod-total')
        .data(glyphs.kind === 'groups' ? [glyphs.total] : [])
        .join('text')
        .attr('class', 'pod-total')
        .attr('x', 10)
        .attr('y', 55 + (glyphs.kind === 'groups' ? glyphs.groups.length : 0) * GROUP_ROW_HEIGHT)
        .attr('fill', '#aaa')
        .attr('font-size', 11)
        .text((total) => `${total} pods`);
    });
  }, [snapshot, sets, podsOf]);

  useEffect(() => {
    if (boundsRef.current) drawBounds(boundsRef.current, bounds);
    // Keyed on the numbers, so a snapshot that changes none of them does not restart the transitions.
  }, [boundsKey]);

  useEffect(() => {
    if (timelineRef.current) range.current = drawTimeline(timelineRef.current, history, focus, shownMs);
  }, [history, version, focus, shownMs]);

  const scrubTo = (index: number) => setScrubMs(index >= items.length - 1 ? undefined : items[index]?.nowMs);
  const onTimelineClick = (e: MouseEvent<SVGSVGElement>) => {
    if (!range.current) return;
    const { t0, t1 } = range.current;
    const box = e.currentTarget.getBoundingClientRect();
    const t = t0 + ((e.clientX - box.left - TIMELINE_PAD) / (box.width - 2 * TIMELINE_PAD)) * (t1 - t0);
    scrubTo(history.indexAt(t));
  };
  const recent = (snapshot?.events ?? []).filter((e) => e.object === deployment?.name).slice(-6);
  return (
    <div className="rollout-view" data-testid="rollout-view">
      <div className="rollout-deployments" role="tablist" aria-label="deployment in focus" data-testid="rollout-deployments">
        {deployments.map((d) => (
          <button key={d.name} role="tab" aria-selected={d.name === focus} data-testid={`rollout-deployment-${d.name}`} onClick={() => setPicked(d.name)}>
            {d.name}
          </button>
        ))}
      </div>
      {deployments.length === 0 && <p className="rollout-empty">No Deployment yet: its rollout shows here once one exists.</p>}
      {/* Kept mounted while hidden: d3 draws into these elements. */}
      <div hidden={deployments.length === 0}>
        {deployment && (
          <div className="rollout-bar">
            {deployment.strategy} · {deployment.replicas} replicas
            {deployment.strategy === 'RollingUpdate' ? ` · max surge ${deployment.maxSurge || '25%'} · max unavailable ${deployment.maxUnavailable || '25%'}` : ''}
          </div>
        )}
        <svg ref={svgRef} width={Math.max(1, sets.length) * COLUMN_WIDTH + 20} height={columnsHeight} />
        <svg
          ref={boundsRef}
          className="rollout-bounds"
          data-testid="rollout-bounds"
          data-deployment={deployment?.name ?? ''}
          width={GAUGE_WIDTH}
          height={70}
          aria-label="rollout bounds"
        />
        <svg
          ref={timelineRef}
          className="rollout-timeline"
          data-testid="rollout-timeline"
          width={TIMELINE_WIDTH}
          height={56}
          onClick={onTimelineClick}
          aria-label="rollout timeline"
        />
        <div className="rollout-scrub">
          <input
            type="range"
            data-testid="rollout-scrubber"
            aria-label="moment shown"
            min={0}
            max={Math.max(0, items.length - 1)}
            step={1}
            value={Math.max(0, shownIndex)}
            onChange={(e) => scrubTo(Number(e.target.value))}
          />
          <span data-testid="rollout-time">{shownMs !== undefined ? clockText(shownMs) : '--:--:--'}</span>
          <button data-testid="rollout-live" aria-pressed={live} disabled={live} onClick={() => setScrubMs(undefined)} title="Follow the cluster live">
            {live ? '● Live' : 'Live'}
          </button>
        </div>
        <ol className="rollout-events">
          {recent.map((e, i) => (
            <li key={i}>
              {clockText(e.atMs)} {e.message}
            </li>
          ))}
        </ol>
      </div>
    </div>
  );
}
