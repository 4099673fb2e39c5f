import { select } from 'd3-selection';
import 'd3-transition';
import { COLORS } from './pod-colors.ts';
import type { RolloutBounds } from './rollout-bounds.ts';

export const GAUGE_HEIGHT = 82;
const GAUGE_LEFT = 70;
/** Room kept right of the largest value, so the value's number and a bound's label always fit. */
const GAUGE_RIGHT_PAD = 28;
/** A bound's label is kept this far from the panel's edges (about half of "max 100" at 10 px). */
const LABEL_HALF_WIDTH = 20;

/**
 * Draws the gauge into `svg`, `width` wide: replicas against the ceiling (desired + maxSurge),
 * available pods against the floor (desired − maxUnavailable), desired across both. Bound labels
 * sit above and below their bars and are clamped inside the width, so none leaves the panel.
 */
export function drawBounds(svg: SVGSVGElement, bounds: RolloutBounds | undefined, width: number): void {
  const root = select(svg);
  if (!bounds) {
    root.selectAll('*').remove();
    return;
  }
  const max = Math.max(bounds.ceiling, bounds.total, bounds.pods, bounds.desired, 1);
  const span = Math.max(40, width - GAUGE_LEFT - GAUGE_RIGHT_PAD);
  const x = (value: number) => GAUGE_LEFT + (value / max) * span;
  const clampLabel = (value: number) => Math.min(Math.max(x(value), GAUGE_LEFT + LABEL_HALF_WIDTH), width - LABEL_HALF_WIDTH);
  const rows = [
    { key: 'total', label: 'replicas', value: bounds.total, y: 18, ok: bounds.total <= bounds.ceiling },
    { key: 'available', label: 'available', value: bounds.available, y: 46, ok: bounds.available >= bounds.floor },
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
    .attr('fill', (d) => (d.ok ? (d.key === 'total' ? COLORS.replicas : COLORS.available) : COLORS.outOfBounds));
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
  // The ceiling's label above the replicas bar, the floor's below the available bar: never on a bar or on each other.
  const marks = [
    { key: 'ceiling', value: bounds.ceiling, y1: 14, y2: 36, label: `max ${bounds.ceiling}`, labelY: 11, color: COLORS.bound },
    { key: 'floor', value: bounds.floor, y1: 42, y2: 64, label: `min ${bounds.floor}`, labelY: 76, color: COLORS.bound },
    { key: 'desired', value: bounds.desired, y1: 12, y2: 66, label: '', labelY: 0, color: COLORS.desired },
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
    .attr('y', (d) => d.labelY)
    .text((d) => d.label)
    .transition()
    .duration(300)
    .attr('x', (d) => clampLabel(d.value));
}
