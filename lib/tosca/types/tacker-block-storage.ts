// Tacker's block storage types, which Tacker lifts out of the template before heat-translator runs:
// BlockStorage.Tacker -> OS::Cinder::Volume (size keeps only its digits, as a string: "1 GB" -> "1"),
// BlockStorageAttachment -> OS::Cinder::VolumeAttachment (virtualBinding server, virtualAttachment volume).
import { newResource } from '../hot';
import type { NodeTranslator } from './translator';

export const tackerBlockStorage: NodeTranslator = {
  toscaType: 'tosca.nodes.BlockStorage.Tacker',
  description: 'Tacker block storage volume',
  heatType: 'OS::Cinder::Volume',
  create: (node) => newResource(node.name, 'OS::Cinder::Volume', {}, node.name),
  fill(node, res) {
    if (!res) return;
    const given = (node.raw.properties ?? {}) as Record<string, unknown>;
    const props: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(given)) {
      props[key] = key === 'size' ? (/[0-9]+/.exec(String(value))?.[0] ?? value) : value;
    }
    res.properties = props;
  },
  consumes: () => true,
  attribute: (node) => ({ get_resource: node.name }),
};

export const tackerVolumeAttachment: NodeTranslator = {
  toscaType: 'tosca.nodes.BlockStorageAttachment',
  description: 'Tacker volume attachment',
  heatType: 'OS::Cinder::VolumeAttachment',
  create: (node) => newResource(node.name, 'OS::Cinder::VolumeAttachment', {}, node.name),
  fill(node, res) {
    if (!res) return;
    const given = (node.raw.properties ?? {}) as Record<string, unknown>;
    const props: Record<string, unknown> = {};
    if ('location' in given) props.mountpoint = given.location;
    for (const req of node.requirements) {
      if (req.name === 'virtualBinding') props.instance_uuid = { get_resource: req.node };
      else if (req.name === 'virtualAttachment') props.volume_id = { get_resource: req.node };
    }
    res.properties = props;
  },
  consumes: () => true,
};
