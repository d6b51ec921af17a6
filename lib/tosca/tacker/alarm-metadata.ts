// Alarm triggers must name VDU metadata: a trigger's `metadata` has to equal some VDU's
// `metadata.metering.vnf` (Tacker raises MetadataNotMatched otherwise). The matching rule becomes the
// alarm's matching_metadata (tacker/tosca/utils.py _process_matching_metadata).
import { ToscaError } from '../errors';
import { isDict, type Dict, type ToscaTemplate } from '../model';
import { TACKER_VDU } from './monitoring';

export function alarmMatchingMetadata(template: ToscaTemplate): Map<string, Dict> {
  const meteringValues: unknown[] = [];
  for (const node of template.nodes.values()) {
    if (!template.types.isDerivedFrom('node_types', node.type, TACKER_VDU)) continue;
    const md = node.properties.metadata;
    if (isDict(md) && 'metering.vnf' in md) meteringValues.push(md['metering.vnf']);
  }
  const out = new Map<string, Dict>();
  for (const policy of template.policies) {
    if (!template.types.isDerivedFrom('policy_types', policy.type, 'tosca.policies.Monitoring')) continue;
    for (const [name, trigger] of Object.entries(policy.triggers)) {
      const wanted = isDict(trigger) ? trigger.metadata : undefined;
      if (!wanted || !meteringValues.some((v) => v === wanted)) {
        throw new ToscaError(
          `Metadata for alarm policy is not matched: trigger "${name}" has metadata ${JSON.stringify(wanted ?? null)} but no VDU has metadata {metering.vnf: ${String(wanted ?? '...')}}`,
          [...policy.path, 'triggers', name, 'metadata'],
          'metadata_not_matched',
        );
      }
      out.set(name, { 'metadata.user_metadata.vnf': wanted });
    }
  }
  return out;
}
