// tosca.nodes.network.Port (and nfv.CP) -> OS::Neutron::Port on the linked network, attached to the
// bound server's `networks` list in `order`.
import { newResource, type HotResource, type TranslationContext } from '../hot';
import type { NodeTemplate } from '../model';
import { insertByOrder, isRelationship, type NodeTranslator } from './translator';

const IGNORED = new Set(['is_default', 'ip_range_start', 'ip_range_end']);

/** Ports attached to each server so far, kept sorted by `order` (the server's `networks` is rebuilt from it). */
const attachedPorts = new WeakMap<HotResource, Array<{ order: number; port: string }>>();

/** Port properties from TOSCA properties (already converted for Tacker when needed). */
export function fillPort(node: NodeTemplate, res: HotResource, ctx: TranslationContext, properties: Record<string, unknown>) {
  const props: Record<string, unknown> = {};
  let order = 0;
  for (const [key, raw] of Object.entries(properties)) {
    const value = ctx.value(raw, node, [...node.path, 'properties', key]);
    if (key === 'ip_address') props.fixed_ips = [{ ip_address: value }];
    else if (key === 'order') order = typeof value === 'number' ? value : 0;
    else if (!IGNORED.has(key)) props[key] = value;
  }
  res.order = order;
  const link = node.requirements.find((r) => isRelationship(ctx, r, 'tosca.relationships.network.LinksTo'));
  if (link) {
    const net = ctx.byNode.get(link.node);
    const existing = net?.hidden ? existingNetworkId(ctx, link.node) : undefined;
    props.network = existing !== undefined ? existing : { get_resource: link.node };
  }
  const binding = node.requirements.find((r) => isRelationship(ctx, r, 'tosca.relationships.network.BindsTo'));
  if (binding) {
    const server = ctx.byNode.get(binding.node);
    if (server) {
      const attached = attachedPorts.get(server) ?? [];
      attachedPorts.set(server, attached);
      insertByOrder(attached, { order, port: node.name });
      server.properties.networks = attached.map((p) => ({ port: { get_resource: p.port } }));
    }
  }
  res.properties = props;
}

function existingNetworkId(ctx: TranslationContext, name: string): unknown {
  const net = ctx.template.nodes.get(name);
  if (!net) return undefined;
  const key = net.properties.network_id !== undefined && net.properties.network_name === undefined ? 'network_id' : 'network_name';
  return ctx.value(net.properties[key] ?? net.properties.network_id, net, [...net.path, 'properties', key]);
}

export const port: NodeTranslator = {
  toscaType: 'tosca.nodes.network.Port',
  description: 'Network port',
  heatType: 'OS::Neutron::Port',
  fillOrder: 1,
  create: (node) => newResource(node.name, 'OS::Neutron::Port', {}, node.name),
  fill(node, res, ctx) {
    if (res) fillPort(node, res, ctx, node.properties);
  },
  consumes: (req, ctx) => isRelationship(ctx, req, 'tosca.relationships.network.LinksTo') || isRelationship(ctx, req, 'tosca.relationships.network.BindsTo'),
  attribute(node, attribute) {
    if (attribute === 'ip_address') return { get_attr: [node.name, 'fixed_ips', 0, 'ip_address'] };
    return { get_attr: [node.name, attribute] };
  },
};
