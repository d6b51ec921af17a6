// Topology of a VNF's stack as positioned boxes (pure): top-level resources in columns by kind
// (networks, ports, servers, volumes, other), scaling groups as containers of their members, each
// member listing its own resources; dependency edges from Heat's required_by.

export interface TopoResource {
  name: string;
  type: string;
  status: string;
  parent: string | null;
  physical_id?: string | null;
  required_by?: string[];
}

export interface TopoNode extends TopoResource {
  key: string;
  x: number;
  y: number;
  w: number;
  h: number;
}
export interface TopoBox { key: string; label: string; x: number; y: number; w: number; h: number; status: string; kind: 'group' | 'member' }
export interface TopoEdge { from: string; to: string }
export interface TopoLayout { nodes: TopoNode[]; boxes: TopoBox[]; edges: TopoEdge[]; width: number; height: number }

const COLUMNS: [string, (t: string) => boolean][] = [
  ['Networks', (t) => /Neutron::(Net|Subnet|Router)/.test(t)],
  ['Ports', (t) => /Neutron::Port|FloatingIP/.test(t)],
  ['Servers', (t) => t === 'OS::Nova::Server'],
  ['Volumes', (t) => /Cinder/.test(t)],
  ['Other', () => true],
];
const NODE_W = 170;
const NODE_H = 40;
const GAP = 14;
const COL_W = NODE_W + 40;

const isGroup = (t: string) => t === 'OS::Heat::AutoScalingGroup' || t === 'OS::Heat::ResourceGroup';
export const columnOf = (type: string) => COLUMNS.findIndex(([, test]) => test(type));

export function layoutTopology(resources: TopoResource[]): TopoLayout {
  const nodes: TopoNode[] = [];
  const boxes: TopoBox[] = [];
  const edges: TopoEdge[] = [];
  const children = new Map<string, TopoResource[]>();
  for (const r of resources) if (r.parent) children.set(r.parent, [...(children.get(r.parent) ?? []), r]);
  const top = resources.filter((r) => !r.parent);

  // 1. top-level resources (not groups) in columns by kind; only kinds present take a column
  const plain = top.filter((t) => !isGroup(t.type));
  const used = [...new Set(plain.map((r) => columnOf(r.type)))].sort((a, b) => a - b);
  const colHeights = used.map(() => 20);
  for (const r of plain) {
    const c = used.indexOf(columnOf(r.type));
    nodes.push({ ...r, key: `/${r.name}`, x: 20 + c * COL_W, y: colHeights[c], w: NODE_W, h: NODE_H });
    colHeights[c] += NODE_H + GAP;
  }
  let y = Math.max(20, ...colHeights) + 10;
  let width = 20 + Math.max(1, used.length) * COL_W;

  // 2. groups: a container per group, a box per member with its resources stacked inside
  for (const g of top.filter((t) => isGroup(t.type))) {
    const members = (children.get(g.name) ?? []).sort((a, b) => a.name.localeCompare(b.name));
    const memberBoxes = members.map((m) => ({ m, inner: (children.get(m.name) ?? []).sort((a, b) => columnOf(a.type) - columnOf(b.type) || a.name.localeCompare(b.name)) }));
    const memberH = Math.max(1, ...memberBoxes.map((b) => b.inner.length)) * (NODE_H + GAP) + 34;
    const groupW = Math.max(NODE_W + 40, memberBoxes.length * (NODE_W + 30) + 20);
    boxes.push({ key: `/${g.name}`, label: `${g.name} (${g.type.split('::').pop()}, ${members.length} member${members.length === 1 ? '' : 's'})`, x: 20, y, w: groupW, h: memberH + 50, status: g.status, kind: 'group' });
    memberBoxes.forEach(({ m, inner }, i) => {
      const mx = 30 + i * (NODE_W + 30);
      boxes.push({ key: `${g.name}/${m.name}`, label: m.name, x: mx, y: y + 34, w: NODE_W + 20, h: memberH, status: m.status, kind: 'member' });
      inner.forEach((r, j) => {
        nodes.push({ ...r, key: `${m.name}/${r.name}`, x: mx + 10, y: y + 62 + j * (NODE_H + GAP), w: NODE_W, h: NODE_H });
      });
      for (const r of inner) for (const dep of r.required_by ?? []) if (inner.some((x) => x.name === dep)) edges.push({ from: `${m.name}/${r.name}`, to: `${m.name}/${dep}` });
    });
    width = Math.max(width, groupW + 40);
    y += memberH + 70;
  }
  for (const r of top) for (const dep of r.required_by ?? []) if (top.some((x) => x.name === dep)) edges.push({ from: `/${r.name}`, to: `/${dep}` });
  return { nodes, boxes, edges, width, height: y + 10 };
}

export function statusTone(status: string): 'ok' | 'info' | 'err' | 'neutral' {
  if (status.endsWith('_FAILED')) return 'err';
  if (status.endsWith('IN_PROGRESS')) return 'info';
  if (status.endsWith('_COMPLETE') && !status.startsWith('DELETE') && !status.startsWith('INIT')) return 'ok';
  return 'neutral';
}
