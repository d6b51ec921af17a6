// Node type -> module, like heat-translator's TOSCA_TO_HOT_TYPE map. Lookup walks the node type's
// ancestors, so a custom type derived from tosca.nodes.Compute is translated as a Compute.
import type { TypeSystem } from '../typedefs';
import { blockStorage } from './block-storage';
import { compute } from './compute';
import { floatingIp } from './floating-ip';
import { network } from './network';
import { objectStorage } from './object-storage';
import { port } from './port';
import { softwareComponent } from './software-component';
import { tackerBlockStorage, tackerVolumeAttachment } from './tacker-block-storage';
import { tackerCp } from './tacker-cp';
import type { NodeTranslator } from './translator';

const softwareAlias = (toscaType: string): NodeTranslator => ({ ...softwareComponent, toscaType });

export const NODE_TRANSLATORS: NodeTranslator[] = [
  compute,
  port,
  tackerCp,
  network,
  blockStorage,
  tackerBlockStorage,
  tackerVolumeAttachment,
  floatingIp,
  objectStorage,
  softwareComponent,
  // Root-derived software types translate like SoftwareComponent (lifecycle scripts only).
  softwareAlias('tosca.nodes.WebApplication'),
  softwareAlias('tosca.nodes.Database'),
];

const BY_TYPE = new Map(NODE_TRANSLATORS.map((t) => [t.toscaType, t]));

export function nodeTranslatorFor(types: TypeSystem, type: string): NodeTranslator | undefined {
  for (const t of types.chain('node_types', type)) {
    const found = BY_TYPE.get(t);
    if (found) return found;
  }
  return undefined;
}
