// Image artifacts (tosca.artifacts.Deployment.Image.VM) -> <VDU>_image OS::Glance::Image
// (tacker/tosca/utils.py get_image_dict).
import { ToscaError } from '../errors';
import { isDict, type Dict, type NodeTemplate } from '../model';

export const IMAGE_ARTIFACT = 'tosca.artifacts.Deployment.Image.VM';

export function imageFor(vdu: NodeTemplate): Dict | null {
  let image: Dict | null = null;
  for (const [name, artifact] of Object.entries(vdu.artifacts)) {
    if (!isDict(artifact) || artifact.type !== IMAGE_ARTIFACT) continue;
    if (!('file' in artifact)) throw new ToscaError(`image artifact "${name}" of "${vdu.name}" needs a file (the image URL)`, [...vdu.path, 'artifacts', name], 'missing_property');
    image = { location: artifact.file, container_format: 'bare', disk_format: 'raw', name };
  }
  return image;
}
