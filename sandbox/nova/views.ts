// Nova v2.1 JSON shapes: server (default microversion 2.1, or 2.93 "latest"), flavors, interfaces.
import type { CloudState, Flavor, Server } from '../cloud/model';
import { isoMicrosNoZone, isoSeconds, sha256 } from '../util';

export const MAX_MICROVERSION = '2.93';
const HOST = 'sandbox-compute-1';

export const computeUrls = (baseUrl: string) => ({ versioned: `${baseUrl}/compute/v2.1`, bookmark: `${baseUrl}/compute` });

export function serverAddresses(cloud: CloudState, server: Server): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const portId of server.portIds) {
    const port = cloud.ports.find((p) => p.id === portId);
    if (!port) continue;
    const network = cloud.networks.find((n) => n.id === port.networkId);
    const key = network?.name ?? port.networkId;
    out[key] ??= [];
    for (const ip of port.fixedIps) out[key].push({ version: 4, addr: ip.ip_address, 'OS-EXT-IPS:type': 'fixed', 'OS-EXT-IPS-MAC:mac_addr': port.macAddress });
    for (const fip of cloud.floatingIps.filter((f) => f.portId === port.id)) {
      out[key].push({ version: 4, addr: fip.address, 'OS-EXT-IPS:type': 'floating', 'OS-EXT-IPS-MAC:mac_addr': port.macAddress });
    }
  }
  return out;
}

export function serverView(cloud: CloudState, server: Server, baseUrl: string, latest: boolean): Record<string, unknown> {
  const urls = computeUrls(baseUrl);
  const flavor = cloud.flavors.find((f) => f.id === server.flavorId);
  const view: Record<string, unknown> = {
    id: server.id, name: server.name, status: server.status, tenant_id: server.projectId, user_id: server.userId,
    metadata: server.metadata, hostId: sha256(server.projectId + HOST).slice(0, 56),
    image: { id: server.imageId, links: [{ rel: 'bookmark', href: `${urls.bookmark}/images/${server.imageId}` }] },
    flavor: latest && flavor
      ? { vcpus: flavor.vcpus, ram: flavor.ramMb, disk: flavor.diskGb, ephemeral: flavor.ephemeralGb, swap: 0, original_name: flavor.name, extra_specs: flavor.extraSpecs }
      : { id: server.flavorId, links: [{ rel: 'bookmark', href: `${urls.bookmark}/flavors/${server.flavorId}` }] },
    created: isoSeconds(server.createdAt), updated: isoSeconds(server.updatedAt),
    addresses: serverAddresses(cloud, server), accessIPv4: '', accessIPv6: '',
    links: [{ rel: 'self', href: `${urls.versioned}/servers/${server.id}` }, { rel: 'bookmark', href: `${urls.bookmark}/servers/${server.id}` }],
    'OS-DCF:diskConfig': 'MANUAL', progress: 0, 'OS-EXT-AZ:availability_zone': server.availabilityZone, config_drive: server.configDrive,
    key_name: server.keyName, 'OS-SRV-USG:launched_at': server.launchedAt ? isoMicrosNoZone(server.launchedAt) : null, 'OS-SRV-USG:terminated_at': null,
    'OS-EXT-SRV-ATTR:host': HOST, 'OS-EXT-SRV-ATTR:instance_name': `instance-${server.instanceNumber.toString(16).padStart(8, '0')}`,
    'OS-EXT-SRV-ATTR:hypervisor_hostname': HOST, 'OS-EXT-STS:task_state': null,
    'OS-EXT-STS:vm_state': server.status === 'ACTIVE' ? 'active' : server.status === 'ERROR' ? 'error' : 'building',
    'OS-EXT-STS:power_state': server.status === 'ACTIVE' ? 1 : 0,
    'os-extended-volumes:volumes_attached': cloud.volumes.filter((v) => v.attachedTo === server.id).map((v) => ({ id: v.id, delete_on_termination: false })),
  };
  if (latest) {
    Object.assign(view, {
      'OS-EXT-SRV-ATTR:reservation_id': server.reservationId, 'OS-EXT-SRV-ATTR:launch_index': 0,
      'OS-EXT-SRV-ATTR:hostname': server.name.toLowerCase().replace(/[^a-z0-9-]/g, '-'), 'OS-EXT-SRV-ATTR:kernel_id': '',
      'OS-EXT-SRV-ATTR:ramdisk_id': '', 'OS-EXT-SRV-ATTR:root_device_name': '/dev/vda', 'OS-EXT-SRV-ATTR:user_data': server.userData,
      host_status: 'UP', locked: false, locked_reason: null, description: null, tags: [], trusted_image_certificates: null, server_groups: [],
    });
  }
  return view;
}

export function flavorView(flavor: Flavor, baseUrl: string, detail: boolean): Record<string, unknown> {
  const urls = computeUrls(baseUrl);
  const links = [{ rel: 'self', href: `${urls.versioned}/flavors/${flavor.id}` }, { rel: 'bookmark', href: `${urls.bookmark}/flavors/${flavor.id}` }];
  if (!detail) return { id: flavor.id, name: flavor.name, links };
  return {
    id: flavor.id, name: flavor.name, ram: flavor.ramMb, disk: flavor.diskGb, swap: '', 'OS-FLV-EXT-DATA:ephemeral': flavor.ephemeralGb,
    'OS-FLV-DISABLED:disabled': false, vcpus: flavor.vcpus, 'os-flavor-access:is_public': flavor.isPublic, rxtx_factor: 1.0, links,
  };
}
