// Nova-side operations used by OS::Nova::Server and the compute API: image/flavor lookup, server
// boot (with ports, implicit ports for `network:` entries) and deletion.
import type { CloudState, Flavor, Image, Server } from '../cloud/model';
import { createPort, deletePort, findNetwork } from '../neutron/ops';
import { heatSuffix, uuid } from '../util';

export class NovaLookupError extends Error {}

export function findImage(cloud: CloudState, nameOrId: string): Image {
  const found = cloud.images.find((i) => i.id === nameOrId) ?? cloud.images.find((i) => i.name === nameOrId);
  if (!found) throw new NovaLookupError(`Error validating value '${nameOrId}': No images matching {'name': '${nameOrId}'}.`);
  return found;
}

export function findFlavor(cloud: CloudState, nameOrId: string): Flavor {
  const found = cloud.flavors.find((f) => f.id === nameOrId) ?? cloud.flavors.find((f) => f.name === nameOrId);
  if (!found) throw new NovaLookupError(`Error validating value '${nameOrId}': The Flavor ID (${nameOrId}) could not be found.`);
  return found;
}

export interface NetworkRequest { port?: string; network?: string; fixed_ip?: string }

export function bootServer(cloud: CloudState, input: {
  name: string; projectId: string; userId: string; image: string; flavor: string; networks: NetworkRequest[];
  metadata?: Record<string, string>; availabilityZone?: string; keyName?: string | null; userData?: string | null; configDrive?: boolean;
}): Server {
  const image = findImage(cloud, input.image);
  const flavor = findFlavor(cloud, input.flavor);
  const serverId = uuid();
  const portIds: string[] = [];
  const createdPorts: string[] = [];
  try {
    for (const [i, req] of input.networks.entries()) {
      if (req.port) {
        const port = cloud.ports.find((p) => p.id === req.port);
        if (!port) throw new NovaLookupError(`Port ${req.port} could not be found.`);
        if (port.deviceId && port.deviceId !== serverId) throw new NovaLookupError(`Port ${port.id} is still in use.`);
        port.deviceId = serverId;
        port.deviceOwner = 'compute:nova';
        port.revision += 1;
        port.updatedAt = Date.now();
        portIds.push(port.id);
      } else if (req.network) {
        const network = findNetwork(cloud, req.network);
        const port = createPort(cloud, {
          name: '', networkId: network.id, projectId: input.projectId, deviceId: serverId, deviceOwner: 'compute:nova',
          fixedIps: req.fixed_ip ? [{ ip_address: req.fixed_ip }] : undefined,
        });
        createdPorts.push(port.id);
        portIds.push(port.id);
      } else throw new NovaLookupError(`networks[${i}] needs "port" or "network"`);
    }
  } catch (e) {
    createdPorts.forEach((id) => deletePort(cloud, id));
    throw e;
  }
  const now = Date.now();
  const server: Server = {
    id: serverId, name: input.name, projectId: input.projectId, userId: input.userId, imageId: image.id, flavorId: flavor.id,
    status: 'ACTIVE', portIds, ownedPortIds: createdPorts, metadata: input.metadata ?? {}, availabilityZone: input.availabilityZone ?? 'nova',
    keyName: input.keyName ?? null, userData: input.userData ?? null, configDrive: input.configDrive ? 'True' : '',
    createdAt: now, updatedAt: now, launchedAt: now, instanceNumber: cloud.nextInstanceNumber++, reservationId: `r-${heatSuffix(8)}`,
  };
  cloud.servers.push(server);
  return server;
}

export function deleteServer(cloud: CloudState, id: string): void {
  const server = cloud.servers.find((s) => s.id === id);
  if (!server) return;
  const owned = server.ownedPortIds;
  for (const port of cloud.ports) {
    if (port.deviceId === id) {
      port.deviceId = '';
      port.deviceOwner = '';
      port.revision += 1;
    }
  }
  owned.forEach((pid) => deletePort(cloud, pid));
  for (const volume of cloud.volumes) if (volume.attachedTo === id) { volume.attachedTo = null; volume.status = 'available'; }
  cloud.servers = cloud.servers.filter((s) => s.id !== id);
}
