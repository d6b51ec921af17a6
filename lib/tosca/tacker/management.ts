// Management connection points -> `mgmt_ip-<VDU>` outputs (tacker/tosca/utils.py get_mgmt_ports).
// When two management CPs bind the same VDU, the later one wins, as in Tacker.
import type { Dict, ToscaTemplate } from '../model';

export const TACKER_CP = 'tosca.nodes.nfv.CP.Tacker';

export function managementPorts(template: ToscaTemplate): Map<string, string> {
  const ports = new Map<string, string>();
  for (const node of template.nodes.values()) {
    if (!template.types.isDerivedFrom('node_types', node.type, TACKER_CP) || !node.properties.management) continue;
    const binding = node.requirements.find((r) => template.types.isDerivedFrom('relationship_types', r.relationship, 'tosca.relationships.network.BindsTo'));
    if (binding) ports.set(`mgmt_ip-${binding.node}`, node.name);
  }
  return ports;
}

export function managementOutputs(ports: Map<string, string>): Dict {
  const out: Dict = {};
  for (const [name, port] of ports) out[name] = { value: { get_attr: [port, 'fixed_ips', 0, 'ip_address'] } };
  return out;
}
