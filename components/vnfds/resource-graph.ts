// The resources a HOT template creates and how they refer to each other, laid out in columns by
// dependency depth for a small SVG graph. Pure.
type Dict = Record<string, unknown>;

export interface GraphNode {
  id: string;
  type: string;
  column: number;
  row: number;
}
export interface GraphEdge {
  from: string;
  to: string;
  /** depends_on, or an intrinsic function reference (get_resource, get_attr). */
  kind: 'depends_on' | 'reference';
}
export interface ResourceGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  columns: number;
  rows: number;
}

/** Resource names referenced from a value via get_resource / get_attr. */
function references(value: unknown, out: Set<string>) {
  if (Array.isArray(value)) value.forEach((v) => references(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Dict)) {
      if (k === 'get_resource' && typeof v === 'string') out.add(v);
      else if (k === 'get_attr' && Array.isArray(v) && typeof v[0] === 'string') out.add(v[0]);
      else references(v, out);
    }
  }
}

export function resourceGraph(hot: Dict | null | undefined): ResourceGraph {
  const resources = (hot?.resources ?? {}) as Record<string, Dict>;
  const names = Object.keys(resources);
  const edges: GraphEdge[] = [];
  for (const name of names) {
    const r = resources[name] ?? {};
    const deps = r.depends_on === undefined ? [] : Array.isArray(r.depends_on) ? r.depends_on : [r.depends_on];
    for (const d of deps) if (typeof d === 'string' && d in resources) edges.push({ from: name, to: d, kind: 'depends_on' });
    const refs = new Set<string>();
    references(r.properties, refs);
    for (const ref of refs) if (ref in resources && ref !== name && !edges.some((e) => e.from === name && e.to === ref)) edges.push({ from: name, to: ref, kind: 'reference' });
  }
  // Depth = longest chain of things this resource needs; what needs nothing sits in column 0.
  const depth = new Map<string, number>();
  const visiting = new Set<string>();
  const depthOf = (n: string): number => {
    if (depth.has(n)) return depth.get(n)!;
    if (visiting.has(n)) return 0; // a cycle: Heat would refuse it, the picture just stops
    visiting.add(n);
    const d = Math.max(-1, ...edges.filter((e) => e.from === n).map((e) => depthOf(e.to))) + 1;
    visiting.delete(n);
    depth.set(n, d);
    return d;
  };
  const rowsUsed: number[] = [];
  const nodes = names.map((id) => {
    const column = depthOf(id);
    const row = rowsUsed[column] ?? 0;
    rowsUsed[column] = row + 1;
    return { id, type: String(resources[id]?.type ?? ''), column, row };
  });
  return { nodes, edges, columns: rowsUsed.length, rows: Math.max(0, ...rowsUsed) };
}
