// tosca.nodes.ObjectStorage -> OS::Swift::Container (public-read, quota from maxsize).
import { newResource } from '../hot';
import { sizeToBytes } from '../units';
import type { NodeTranslator } from './translator';

export const objectStorage: NodeTranslator = {
  toscaType: 'tosca.nodes.ObjectStorage',
  description: 'Object storage container',
  heatType: 'OS::Swift::Container',
  create: (node) => newResource(node.name, 'OS::Swift::Container', {}, node.name),
  fill(node, res, ctx) {
    if (!res) return;
    const props: Record<string, unknown> = {};
    const p = node.properties;
    if (p.name !== undefined) props.name = ctx.value(p.name, node, [...node.path, 'properties', 'name']);
    if (p.maxsize !== undefined) {
      const bytes = sizeToBytes(ctx.resolved(p.maxsize, [...node.path, 'properties', 'maxsize']), 'B');
      props['X-Container-Meta'] = { 'Quota-Bytes': bytes === null ? p.maxsize : Math.trunc(bytes) };
    }
    props['X-Container-Read'] = '.r:*';
    res.properties = props;
  },
};
