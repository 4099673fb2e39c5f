import { useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { select } from 'd3-selection';
// Adds .transition() to selections: d3 registers it as a side effect of this module.
import 'd3-transition';
import type { WorkloadSnapshot } from '../../protocol/messages.ts';
import type { WorkerClient } from '../../protocol/worker-client.ts';
import { drawBounds, GAUGE_HEIGHT } from './draw-bounds.ts';
import { drawTimeline, TIMELINE_HEIGHT, TIMELINE_PAD } from './draw-timeline.ts';
import { podColor } from './pod-colors.ts';
import { podGlyphs, podsByOwner, type PodGroup } from './pod-glyphs.ts';
import { rolloutBounds } from './rollout-bounds.ts';
import { RolloutLegend } from './rollout-legend.tsx';
import { SnapshotHistory } from './snapshot-history.ts';
import { useWidth } from './use-width.ts';
import './rollout-view.css';

const COLUMN_WIDTH = 150;
const POD_RADIUS = 11;
/** Height of a row of four dots, or of one state's count once a column aggregates. */
const ROW_HEIGHT = 30;
const GROUP_ROW_HEIGHT = 22;
/** Where a column's pods start: under its title and two lines of counts. */
const PODS_TOP = 69;
/** The characters of a column title that fit in a column at 12 px. */
const TITLE_CHARS = 21;

type ReplicaSetView = WorkloadSnapshot['replicaSets'][number];
type PodView = WorkloadSnapshot['pods'][number];

const clockText = (ms: number) => new Date(ms).toISOString().slice(11, 19);
const clip = (text: string, chars: number) => (text.length > chars ? `${text.slice(0, chars - 1)}…` : text);

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

/**
 * The rollout of the deployment in focus: one column per ReplicaSet with its pods as dots coloured
 * by state, a gauge of the bounds the controller keeps (maxSurge, maxUnavailable), a timeline of
 * the rollout on a virtual-time axis with its events marked, that can be scrubbed back to any
 * earlier moment the view has seen, and a legend of it all. Everything is drawn to the panel's width.
 */
export function RolloutView({ client }: { client: WorkerClient }) {
  const rootRef = useRef<HTMLDivElement>(null);
  const width = useWidth(rootRef, 420) - 14;
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
  const columnsHeight = PODS_TOP - 10 + Math.max(ROW_HEIGHT, ...sets.map((rs) => podsHeight(podsOf.get(rs.name) ?? [])));

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
          g.append('text').attr('class', 'rs-ready').attr('y', 44).attr('fill', '#aaa').attr('font-size', 11);
          g.append('title');
          return g;
        },
        (update) => update.classed('exiting', false),
        (exit) => exit.classed('exiting', true).transition().duration(400).attr('opacity', 0).remove(),
      )
      .attr('data-testid', (d) => `rs-${d.name}`);
    const columnAt = (i: number) => `translate(${10 + i * COLUMN_WIDTH}, 0)`;
    // A new column fades in where it belongs; sliding in from the left it would cross its neighbours' labels.
    columns.each(function (_d, i) {
      if (!this.hasAttribute('transform')) this.setAttribute('transform', columnAt(i));
    });
    columns
      .transition()
      .duration(400)
      .attr('opacity', 1)
      .attr('transform', (_d, i) => columnAt(i));
    // Each column's text stays inside its own width, so neighbouring revisions never overlap.
    columns.select('text.rs-title').text((d) => clip(`rev ${d.revision} · ${d.image.split('/').pop()}`, TITLE_CHARS));
    columns.select('text.rs-counts').text((d) => `desired ${d.desired} · current ${d.current}`);
    columns.select('text.rs-ready').text((d) => `ready ${d.ready} · available ${d.available}`);
    columns.select('title').text((d) => `${d.name} (revision ${d.revision}): ${d.image}`);
    columns.each(function (rs) {
      const glyphs = podGlyphs(podsOf.get(rs.name) ?? []);
      const column = select(this);
      // Past what can be drawn a column shows counts: no transition then, so a frame stays cheap.
      column
        .selectAll<SVGCircleElement, PodView>('circle.pod')
        .data(glyphs.kind === 'dots' ? glyphs.pods : [], (p) => p.name)
        .join(
          (enter) =>
            enter
              .append('circle')
              .attr('class', 'pod')
              .attr('r', 0)
              .attr('cx', 20)
              .attr('cy', PODS_TOP - 5),
          (update) => update,
          (exit) => (glyphs.kind === 'dots' ? exit.transition().duration(400).attr('r', 0).remove() : exit.remove()),
        )
        .attr('data-testid', (p) => `pod-${p.name}`)
        .transition()
        .duration(400)
        .attr('r', POD_RADIUS)
        .attr('cx', (_p, i) => 20 + (i % 4) * 30)
        .attr('cy', (_p, i) => PODS_TOP + Math.floor(i / 4) * ROW_HEIGHT)
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
        .attr('transform', (_g, i) => `translate(0, ${PODS_TOP + i * GROUP_ROW_HEIGHT})`);
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
        .attr('y', PODS_TOP + (glyphs.kind === 'groups' ? glyphs.groups.length : 0) * GROUP_ROW_HEIGHT)
        .attr('fill', '#aaa')
        .attr('font-size', 11)
        .text((total) => `${total} pods`);
    });
  }, [snapshot, sets, podsOf]);

  useEffect(() => {
    if (boundsRef.current) drawBounds(boundsRef.current, bounds, width);
    // Keyed on the numbers, so a snapshot that changes none of them does not restart the transitions.
  }, [boundsKey, width]);

  useEffect(() => {
    if (timelineRef.current) range.current = drawTimeline(timelineRef.current, history, focus, shownMs, width);
  }, [history, version, focus, shownMs, width]);

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
    <div className="rollout-view" data-testid="rollout-view" ref={rootRef}>
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
          width={width}
          height={GAUGE_HEIGHT}
          aria-label="rollout bounds"
        />
        <svg
          ref={timelineRef}
          className="rollout-timeline"
          data-testid="rollout-timeline"
          width={width}
          height={TIMELINE_HEIGHT}
          onClick={onTimelineClick}
          aria-label="rollout timeline"
        />
        <RolloutLegend />
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
