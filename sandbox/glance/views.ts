// Glance v2 JSON shape of an image.
import { createHash } from 'node:crypto';
import type { Image } from '../cloud/model';
import { isoSeconds } from '../util';

export function imageView(image: Image, _baseUrl: string): Record<string, unknown> {
  return {
    'owner_specified.openstack.md5': '', 'owner_specified.openstack.sha256': '', 'owner_specified.openstack.object': `images/${image.name}`,
    name: image.name, disk_format: image.diskFormat, container_format: image.containerFormat, visibility: image.visibility,
    size: image.size, virtual_size: image.size, status: image.status, checksum: image.checksum, protected: false,
    min_ram: image.minRam, min_disk: image.minDisk, owner: image.ownerProjectId, os_hidden: false, os_hash_algo: 'sha512',
    os_hash_value: createHash('sha512').update(image.name).digest('hex'), id: image.id,
    created_at: isoSeconds(image.createdAt), updated_at: isoSeconds(image.updatedAt), tags: [],
    self: `/v2/images/${image.id}`, file: `/v2/images/${image.id}/file`, schema: '/v2/schemas/image', stores: 'fs',
  };
}
