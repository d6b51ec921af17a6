// tosca.nodes.nfv.CP.Tacker: a Port whose Tacker-only properties are rewritten first (Tacker's
// post_process_template): `management` dropped, anti_spoofing_protection -> port_security_enabled,
// type sriov/vnic -> binding:vnic_type direct/normal. heat-translator alone passes them through.
import { port, fillPort } from './port';
import type { NodeTranslator } from './translator';

const VNIC_TYPES: Record<string, string> = { sriov: 'direct', vnic: 'normal' };
const RENAMED: Record<string, string> = { anti_spoofing_protection: 'port_security_enabled', type: 'binding:vnic_type' };

export function tackerPortProperties(props: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    if (key === 'management') continue;
    if (key === 'type') out[RENAMED[key]] = typeof value === 'string' && value in VNIC_TYPES ? VNIC_TYPES[value] : value;
    else out[RENAMED[key] ?? key] = value;
  }
  return out;
}

export const tackerCp: NodeTranslator = {
  ...port,
  toscaType: 'tosca.nodes.nfv.CP.Tacker',
  description: 'Tacker connection point',
  fill(node, res, ctx) {
    if (!res) return;
    fillPort(node, res, ctx, ctx.mode === 'tacker' ? tackerPortProperties(node.properties) : node.properties);
  },
};
