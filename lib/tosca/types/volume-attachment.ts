// Compute requirements with an AttachesTo relationship to a BlockStorage node become
// OS::Cinder::VolumeAttachment resources named after the relationship (as written, lower-cased)
// plus a running number: `attachesto_1`, `storage_attachment_1`, ...
import { newResource, type TranslationContext } from '../hot';
import { isRelationship } from './translator';

export function addVolumeAttachments(ctx: TranslationContext) {
  const { template } = ctx;
  let counter = 0;
  for (const node of template.nodes.values()) {
    if (!template.types.isDerivedFrom('node_types', node.type, 'tosca.nodes.Compute')) continue;
    for (const req of node.requirements) {
      const target = template.nodes.get(req.node);
      if (!target || !isRelationship(ctx, req, 'tosca.relationships.AttachesTo')) continue;
      if (!template.types.isDerivedFrom('node_types', target.type, 'tosca.nodes.BlockStorage')) continue;
      counter += 1;
      const label = (req.relationshipRef ?? req.relationship.split('.').pop()!).toLowerCase();
      const path = [...node.path, 'requirements', req.index, req.name];
      const defaults = template.types.properties('relationship_types', req.relationship);
      const location = req.relationshipProperties.location ?? defaults.location?.default;
      const props: Record<string, unknown> = { instance_uuid: { get_resource: node.name } };
      // heat-translator copies a relationship template's properties untranslated (a get_input stays
      // get_input); its mode keeps that, the Tacker mode translates them like any other property.
      const verbatim = ctx.mode === 'heat-translator' && req.fromRelationshipTemplate;
      if (location !== undefined) props.mountpoint = verbatim ? location : ctx.value(location, node, [...path, 'relationship', 'properties', 'location']);
      props.volume_id = { get_resource: target.name };
      ctx.add(newResource(`${label}_${counter}`, 'OS::Cinder::VolumeAttachment', props, node.name));
    }
  }
}
