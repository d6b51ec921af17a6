// tosca.nodes.BlockStorage -> OS::Cinder::Volume (size in whole GiB, rounded up). Compute
// `local_storage` requirements with an AttachesTo relationship become OS::Cinder::VolumeAttachment
// (created by the translate pass, see attachments.ts).
import { ToscaError } from '../errors';
import { newResource } from '../hot';
import { isDict } from '../model';
import { sizeToGiBCeil } from '../units';
import type { NodeTranslator } from './translator';

export const blockStorage: NodeTranslator = {
  toscaType: 'tosca.nodes.BlockStorage',
  description: 'Block storage volume',
  heatType: 'OS::Cinder::Volume',
  fillOrder: 0,
  create: (node) => newResource(node.name, 'OS::Cinder::Volume', {}, node.name),
  fill(node, res, ctx) {
    if (!res) return;
    const props: Record<string, unknown> = {};
    for (const [key, raw] of Object.entries(node.properties)) {
      const path = [...node.path, 'properties', key];
      if (key === 'size' && !isDict(raw)) {
        const gib = sizeToGiBCeil(raw);
        if (!gib) throw new ToscaError(`size of "${node.name}" must be a positive size such as "1 GB"`, path, 'invalid_value');
        props.size = gib;
      } else props[key] = ctx.value(raw, node, path);
    }
    res.properties = props;
  },
  attribute(node, attribute) {
    if (attribute === 'volume_id') return { get_resource: node.name };
    return { get_attr: [node.name, attribute] };
  },
};
