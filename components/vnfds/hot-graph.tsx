'use client';
// Small SVG picture of the resources a HOT template will create (arrows: "needs").
import { useMemo } from 'react';
import { resourceGraph } from './resource-graph';

const W = 190;
const H = 44;
const GAP_X = 60;
const GAP_Y = 18;

export function HotGraph({ hot, title }: { hot: Record<string, unknown> | null; title: string }) {
  const graph = useMemo(() => resourceGraph(hot), [hot]);
  if (!graph.nodes.length) return <p className="muted">No resources.</p>;
  const width = graph.columns * (W + GAP_X) + 20;
  const height = graph.rows * (H + GAP_Y) + 20;
  const pos = new Map(graph.nodes.map((n) => [n.id, { x: 10 + n.column * (W + GAP_X), y: 10 + n.row * (H + GAP_Y) }]));
  return (
    <svg role="img" aria-label={title} width={width} height={height} viewBox={`0 0 ${width} ${height}`} data-testid="hot-graph" style={{ maxWidth: '100%', height: 'auto' }}>
      <title>{title}</title>
      <defs>
        <marker id="hot-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" fill="currentColor" />
        </marker>
      </defs>
      {graph.edges.map((e) => {
        const a = pos.get(e.from)!;
        const b = pos.get(e.to)!;
        return (
          <line key={`${e.from}->${e.to}`} x1={a.x} y1={a.y + H / 2} x2={b.x + W} y2={b.y + H / 2} stroke="currentColor" strokeOpacity={0.55} strokeDasharray={e.kind === 'depends_on' ? '4 3' : undefined} markerEnd="url(#hot-arrow)" />
        );
      })}
      {graph.nodes.map((n) => {
        const p = pos.get(n.id)!;
        return (
          <g key={n.id} data-resource={n.id}>
            <rect x={p.x} y={p.y} width={W} height={H} rx={6} fill="var(--surface-2)" stroke="var(--border)" />
            <text x={p.x + 8} y={p.y + 18} fontSize={12} fontWeight={600} fill="var(--text)">{n.id}</text>
            <text x={p.x + 8} y={p.y + 34} fontSize={11} fill="var(--muted)">{n.type}</text>
          </g>
        );
      })}
    </svg>
  );
}
