// OS::Cinder::Volume: a tracked volume (size, optional source image).
import { uuid } from '../../util';
import { findImage } from '../../nova/ops';
import { propertyError } from './property-error';
import type { ResourcePlugin } from './types';

export const volumeResource: ResourcePlugin = {
  create: (ctx, props) => {
    const size = Number(props.size ?? 1);
    if (!Number.isInteger(size) || size < 1) throw propertyError(ctx, 'size', `${String(props.size)} is out of range (min: 1, max: None)`);
    let imageId: string | null = null;
    if (props.image) {
      try {
        imageId = findImage(ctx.cloud, String(props.image)).id;
      } catch (e) {
        throw propertyError(ctx, 'image', (e as Error).message);
      }
    }
    const volume = { id: uuid(), name: String(props.name ?? ctx.physicalName), projectId: ctx.stack.projectId, sizeGb: size, status: 'available' as const, imageId, attachedTo: null, createdAt: Date.now() };
    ctx.cloud.volumes.push(volume);
    ctx.resource.physicalId = volume.id;
  },
  delete: (ctx) => {
    ctx.cloud.volumes = ctx.cloud.volumes.filter((v) => v.id !== ctx.resource.physicalId);
  },
  attributes: (ctx) => {
    const v = ctx.cloud.volumes.find((x) => x.id === ctx.resource.physicalId);
    return v ? { display_name: v.name, size: v.sizeGb, status: v.status, attachments: v.attachedTo ? [{ server_id: v.attachedTo }] : [], bootable: v.imageId !== null, source_volid: null, metadata: {} } : {};
  },
};
