import { useEffect, useRef, useState } from 'react';
import { select } from 'd3-selection';
// Adds .transition() to selections: d3 registers it as a side effect of this module.
import 'd3-transition';
import type { WorkloadSnapshot } from '../../protocol/messages.ts';
import type { WorkerClient } from '../../protocol/worker-client.ts';
import { podColor } from './pod-colors.ts';

const COLUMN_WIDTH = 150;
const POD_RADIUS = 11;

/**
 * One column per ReplicaSet of the deployment in focus, its pods as dots coloured by state; d3
 * animates pods appearing, changing and leaving as the controller moves replicas.
 */
export function RolloutView({ client }: { client: WorkerClient }) {
  const svgRef = useRef<SVGSVGElement>(null);
  const [snapshot, setSnapshot] = useState<WorkloadSnapshot | undefined>();
  const [focus, setFocus] = useState<string | undefined>();
  useEffect(() => {
    client.send({ type: 'workloads.watch', namespace: 'default' });
    const unsubscribe = client.subscribe((m) => m.type === 'workloads.snapshot' && setSnapshot(m.snapshot));
    return () => {
      unsubscribe();
      client.send({ type: 'workloads.watch' });
    };
  }, [client]);

  const deployment = snapshot?.deployments.find((d) => d.name === focus) ?? snapshot?.deployments[0];
  const sets = (snapshot?.replicaSets ?? []).filter((rs) => rs.owner === deployment?.name).sort((a, b) => Number(a.revision) - Number(b.revision));

  useEffect(() => {
    if (!svgRef.current || !snapshot) return;
    const svg = select(svgRef.current);
    const columns = svg
      .selectAll<SVGGElement, (typeof sets)[number]>('g.rs')
      .data(sets, (d) => d.name)
      .join(
        (enter) => {
          const g = enter.append('g').attr('class', 'rs').attr('opacity', 0);
          g.append('text').attr('class', 'rs-title').attr('y', 14).attr('fill', '#ddd').attr('font-size', 12);
          g.append('text').attr('class', 'rs-counts').attr('y', 30).attr('fill', '#aaa').attr('font-size', 11);
          return g;
        },
        (update) => update,
        (exit) => exit.transition().duration(400).attr('opacity', 0).remove(),
      )
      .attr('data-testid', (d) => `rs-${d.name}`);
    columns.transition().duration(400).attr('opacity', 1).attr('transform', (_d, i) => `translate(${10 + i * COLUMN_WIDTH}, 0)`);
    columns.select('text.rs-title').text((d) => `rev ${d.revision} · ${d.image.split('/').pop()}`);
    columns.select('text.rs-counts').text((d) => `desired ${d.desired} · current ${d.current} · ready ${d.ready}`);
    columns.each(function (rs) {
      const pods = snapshot.pods.filter((p) => p.owner === rs.name);
      select(this)
        .selectAll<SVGCircleElement, (typeof pods)[number]>('circle.pod')
        .data(pods, (p) => p.name)
        .join(
          (enter) => enter.append('circle').attr('class', 'pod').attr('r', 0).attr('cx', 20).attr('cy', 50),
          (update) => update,
          (exit) => exit.transition().duration(400).attr('r', 0).remove(),
        )
        .attr('data-testid', (p) => `pod-${p.name}`)
        .transition()
        .duration(400)
        .attr('r', POD_RADIUS)
        .attr('cx', (_p, i) => 20 + (i % 4) * 30)
        .attr('cy', (_p, i) => 55 + Math.floor(i / 4) * 30)
        .attr('fill', (p) => podColor(p.status, p.ready));
    });
  }, [snapshot, sets]);

  const recent = (snapshot?.events ?? []).filter((e) => e.object === deployment?.name).slice(-6);
  return (
    <div className="rollout-view" data-testid="rollout-view">
      <div className="rollout-bar">
        <select aria-label="deployment" value={deployment?.name ?? ''} onChange={(e) => setFocus(e.target.value)}>
          {(snapshot?.deployments ?? []).map((d) => (
            <option key={d.name}>{d.name}</option>
          ))}
        </select>
        {deployment && (
          <span>
            {deployment.strategy} · {deployment.replicas} replicas{deployment.strategy === 'RollingUpdate' ? ` · max surge ${deployment.maxSurge || '25%'} · max unavailable ${deployment.maxUnavailable || '25%'}` : ''}
          </span>
        )}
      </div>
      <svg ref={svgRef} width={Math.max(1, sets.length) * COLUMN_WIDTH + 20} height={200} />
      <ol className="rollout-timeline">
        {recent.map((e, i) => (
          <li key={i}>
            {new Date(e.atMs).toISOString().slice(11, 19)} {e.message}
          </li>
        ))}
      </ol>
    </div>
  );
}
