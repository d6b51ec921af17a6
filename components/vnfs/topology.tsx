'use client';
// The Topology tab: the stack's resources as an SVG graph, colored by status. Statuses follow the
// stream's progress messages while the stack changes, and the mapping once it has settled.
import { layoutTopology, statusTone, type TopoResource } from './topology-layout';
import styles from './vnfs.module.css';

const TONE: Record<string, { fill: string; stroke: string }> = {
  ok: { fill: 'var(--ok-bg)', stroke: 'var(--ok)' },
  info: { fill: 'var(--info-bg)', stroke: 'var(--info)' },
  err: { fill: 'var(--err-bg)', stroke: 'var(--err)' },
  neutral: { fill: 'var(--surface-2)', stroke: 'var(--border)' },
};

export function Topology({ resources }: { resources: TopoResource[] }) {
  if (!resources.length) return <p className="muted">No stack resources yet.</p>;
  const layout = layoutTopology(resources);
  const center = new Map(layout.nodes.map((n) => [n.key, { x: n.x + n.w / 2, y: n.y + n.h / 2 }]));
  return (
    <div>
      <div className={styles.legend} aria-hidden="true">
        {(['ok', 'info', 'err', 'neutral'] as const).map((t) => (
          <span key={t}><span className={styles.swatch} style={{ background: TONE[t].stroke }} />{{ ok: 'complete', info: 'in progress', err: 'failed', neutral: 'not started / deleted' }[t]}</span>
        ))}
      </div>
      <div className={styles.graph}>
        <svg width={layout.width} height={layout.height} role="group" aria-label="Stack topology" data-testid="topology">
          {layout.boxes.map((b) => (
            <g key={b.key} data-testid={`topo-${b.kind}`}>
              <rect x={b.x} y={b.y} width={b.w} height={b.h} rx={8} fill="none" stroke={TONE[statusTone(b.status)].stroke} strokeDasharray={b.kind === 'group' ? '6 4' : undefined} />
              <text x={b.x + 8} y={b.y + 18} fontSize={12} fill="var(--muted)">{b.label}</text>
            </g>
          ))}
          {layout.edges.map((e) => {
            const a = center.get(e.from);
            const b = center.get(e.to);
            return a && b ? <line key={`${e.from}->${e.to}`} x1={a.x} y1={a.y} x2={b.x} y2={b.y} stroke="var(--border)" strokeWidth={1.5} /> : null;
          })}
          {layout.nodes.map((n) => {
            const tone = TONE[statusTone(n.status)];
            return (
              <g key={n.key} role="img" aria-label={`${n.name}, ${n.type}, ${n.status}`} data-testid="topo-node" data-type={n.type} data-status={n.status}>
                <title>{`${n.name}\n${n.type}\n${n.status}${n.physical_id ? `\n${n.physical_id}` : ''}`}</title>
                <rect x={n.x} y={n.y} width={n.w} height={n.h} rx={6} fill={tone.fill} stroke={tone.stroke} />
                <text x={n.x + 8} y={n.y + 16} fontSize={12.5} fontWeight={600} fill="var(--text)">{n.name.length > 22 ? `${n.name.slice(0, 21)}…` : n.name}</text>
                <text x={n.x + 8} y={n.y + 31} fontSize={11} fill="var(--muted)">{n.type.replace(/^OS::/, '')}</text>
              </g>
            );
          })}
        </svg>
      </div>
    </div>
  );
}
