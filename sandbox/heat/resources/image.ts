// OS::Glance::Image (and OS::Glance::WebImage): registers an image servers can boot.
import { createHash } from 'node:crypto';
import { uuid } from '../../util';
import { imageView } from '../../glance/views';
import type { ResourcePlugin } from './types';

export const imageResource: ResourcePlugin = {
  create: (ctx, props) => {
    const now = Date.now();
    const id = props.id ? String(props.id) : uuid();
    const name = String(props.name ?? ctx.physicalName);
    ctx.cloud.images.push({
      id, name, status: 'active', diskFormat: String(props.disk_format ?? 'qcow2'), containerFormat: String(props.container_format ?? 'bare'),
      size: 0, minDisk: Number(props.min_disk ?? 0), minRam: Number(props.min_ram ?? 0), visibility: props.is_public === true || props.visibility === 'public' ? 'public' : 'private',
      ownerProjectId: ctx.stack.projectId, createdAt: now, updatedAt: now, checksum: createHash('md5').update(String(props.location ?? name)).digest('hex'),
    });
    ctx.resource.physicalId = id;
  },
  delete: (ctx) => {
    ctx.cloud.images = ctx.cloud.images.filter((i) => i.id !== ctx.resource.physicalId);
  },
  attributes: (ctx) => {
    const image = ctx.cloud.images.find((i) => i.id === ctx.resource.physicalId);
    return image ? imageView(image, ctx.baseUrl) : {};
  },
};
