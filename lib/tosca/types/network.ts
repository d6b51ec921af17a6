// tosca.nodes.network.Network (and nfv.VL) -> OS::Neutron::Net + <name>_subnet OS::Neutron::Subnet.
// With network_name but no cidr (or with network_id) the network already exists: the resource is
// hidden and ports refer to the network by name/id.
import { newResource } from '../hot';
import { ToscaError } from '../errors';
import type { NodeTranslator } from './translator';

const SUBNET_PROPS = new Set(['ip_version', 'cidr', 'start_ip', 'end_ip', 'gateway_ip']);

export const network: NodeTranslator = {
  toscaType: 'tosca.nodes.network.Network',
  description: 'Network',
  heatType: 'OS::Neutron::Net',
  fillOrder: 0,
  create(node) {
    const res = newResource(node.name, 'OS::Neutron::Net', {}, node.name);
    const p = node.properties;
    if (p.network_id !== undefined || (p.network_name !== undefined && p.cidr === undefined)) res.hidden = true;
    return res;
  },
  fill(node, res, ctx) {
    if (!res || res.hidden) return;
    const v = (k: string) => ctx.value(node.properties[k], node, [...node.path, 'properties', k]);
    const p = node.properties;
    const net: Record<string, unknown> = {};
    if (p.network_name !== undefined) net.name = v('network_name');
    if (p.segmentation_id !== undefined) net.value_specs = { 'provider:segmentation_id': v('segmentation_id'), 'provider:network_type': 'vxlan' };
    res.properties = net;

    const subnet: Record<string, unknown> = {};
    for (const key of Object.keys(p)) if (SUBNET_PROPS.has(key) && key !== 'start_ip' && key !== 'end_ip') subnet[key] = v(key);
    subnet.network = { get_resource: node.name };
    if (p.start_ip !== undefined && p.end_ip !== undefined) subnet.allocation_pools = [{ start: v('start_ip'), end: v('end_ip') }];
    else if (p.start_ip !== undefined || p.end_ip !== undefined) {
      throw new ToscaError(`network "${node.name}": start_ip and end_ip must be given together`, [...node.path, 'properties'], 'invalid_value');
    }
    const sub = newResource(`${node.name}_subnet`, 'OS::Neutron::Subnet', subnet, node.name);
    ctx.add(sub);
  },
  attribute(node) {
    return { get_resource: node.name };
  },
};
