// tosca.nodes.Compute (and nfv.VDU, VDU.Tacker) -> OS::Nova::Server. Flavor and image come from the
// host/os capabilities via heat-translator's built-in tables, or from the flavor/image properties.
import { newResource } from '../hot';
import type { NodeTranslator } from './translator';
import { isRelationship } from './translator';
import { bestFlavor, bestImage } from './compute-catalog';

/** Properties copied onto OS::Nova::Server; everything else (mgmt_driver, monitoring_policy...) is Tacker-only. */
const NOVA_SERVER_PROPS = new Set([
  'admin_pass', 'availability_zone', 'block_device_mapping', 'block_device_mapping_v2', 'config_drive', 'diskConfig',
  'flavor', 'flavor_update_policy', 'image', 'image_update_policy', 'key_name', 'metadata', 'name', 'networks',
  'personality', 'reservation_id', 'scheduler_hints', 'security_groups', 'software_config_transport', 'user_data',
  'user_data_format', 'user_data_update_policy',
]);

export const compute: NodeTranslator = {
  toscaType: 'tosca.nodes.Compute',
  description: 'Compute server',
  heatType: 'OS::Nova::Server',
  fillOrder: 0,
  create: (node) => newResource(node.name, 'OS::Nova::Server', {}, node.name),
  fill(node, res, ctx) {
    if (!res) return;
    const path = node.path;
    const host = node.capabilities.host;
    const os = node.capabilities.os;
    const props: Record<string, unknown> = {};
    if (host) {
      const resolved: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(host)) resolved[k] = ctx.resolved(v, [...path, 'capabilities', 'host', 'properties', k]);
      props.flavor = bestFlavor(resolved);
    }
    if (os) {
      const resolved: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(os)) resolved[k] = ctx.resolved(v, [...path, 'capabilities', 'os', 'properties', k]);
      props.image = bestImage(resolved);
    }
    props.user_data_format = 'SOFTWARE_CONFIG';
    for (const [k, v] of Object.entries(node.properties)) {
      if (NOVA_SERVER_PROPS.has(k)) props[k] = ctx.value(v, node, [...path, 'properties', k]);
    }
    // Ports attach themselves later; keep what they already added.
    if (res.properties.networks) props.networks = res.properties.networks;
    res.properties = { ...props, ...pick(res.properties, ['scheduler_hints']) };
  },
  consumes: (req, ctx) => isRelationship(ctx, req, 'tosca.relationships.HostedOn'),
  attribute(node, attribute) {
    if (attribute === 'private_address' || attribute === 'public_address') return { get_attr: [node.name, 'networks', 'private', 0] };
    if (attribute === 'networks' || attribute === 'name' || attribute === 'addresses') return { get_attr: [node.name, attribute] };
    return undefined;
  },
};

function pick(d: Record<string, unknown>, keys: string[]) {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (d[k] !== undefined) out[k] = d[k];
  return out;
}
