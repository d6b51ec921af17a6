// tosca.nodes.network.FloatingIP -> OS::Neutron::FloatingIP associated with the linked port.
import { newResource } from '../hot';
import { isRelationship, type NodeTranslator } from './translator';

export const floatingIp: NodeTranslator = {
  toscaType: 'tosca.nodes.network.FloatingIP',
  description: 'Floating IP',
  heatType: 'OS::Neutron::FloatingIP',
  fillOrder: 1,
  create: (node) => newResource(node.name, 'OS::Neutron::FloatingIP', {}, node.name),
  fill(node, res, ctx) {
    if (!res) return;
    const props: Record<string, unknown> = {};
    for (const [key, raw] of Object.entries(node.properties)) props[key] = ctx.value(raw, node, [...node.path, 'properties', key]);
    const link = node.requirements.find((r) => isRelationship(ctx, r, 'tosca.relationships.network.LinksTo') || r.name === 'link');
    if (link) props.port_id = { get_resource: link.node };
    res.properties = props;
  },
  consumes: (req, ctx) => req.name === 'link' || isRelationship(ctx, req, 'tosca.relationships.network.LinksTo'),
  attribute: (node, attribute) => ({ get_attr: [node.name, attribute] }),
};
