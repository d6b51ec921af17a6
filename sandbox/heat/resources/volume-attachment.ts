// OS::Cinder::VolumeAttachment: attaches a volume to a server (both must exist).
import { propertyError, requireString } from './property-error';
import type { ResourcePlugin } from './types';

export const volumeAttachmentResource: ResourcePlugin = {
  create: (ctx, props) => {
    const serverId = requireString(ctx, props, 'instance_uuid');
    const volumeId = requireString(ctx, props, 'volume_id');
    if (!ctx.cloud.servers.some((s) => s.id === serverId)) throw propertyError(ctx, 'instance_uuid', `Error validating value '${serverId}': The server (${serverId}) could not be found.`);
    const volume = ctx.cloud.volumes.find((v) => v.id === volumeId);
    if (!volume) throw propertyError(ctx, 'volume_id', `Error validating value '${volumeId}': The Volume (${volumeId}) could not be found.`);
    if (volume.attachedTo) throw propertyError(ctx, 'volume_id', `Volume ${volumeId} is already attached to ${volume.attachedTo}`);
    volume.attachedTo = serverId;
    volume.status = 'in-use';
    ctx.resource.physicalId = volumeId;
    ctx.resource.data.mountpoint = props.mountpoint ?? '/dev/vdb';
  },
  delete: (ctx) => {
    const volume = ctx.cloud.volumes.find((v) => v.id === ctx.resource.physicalId);
    if (volume) {
      volume.attachedTo = null;
      volume.status = 'available';
    }
  },
  attributes: () => ({}),
};
