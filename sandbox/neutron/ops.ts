// Neutron-side operations used by the Heat resources and the network API: lookups by name or id,
// network/subnet/port creation with IP allocation from the subnet's pools.
import type { CloudState, Network, Port, Subnet } from '../cloud/model';
import { randomMac, uuid } from '../util';
import { defaultLayout, ipInCidr, nextFreeIp, parseCidr } from './ipam';

export class NeutronLookupError extends Error {}

export function findNetwork(cloud: CloudState, nameOrId: string): Network {
  const byId = cloud.networks.find((n) => n.id === nameOrId);
  if (byId) return byId;
  const byName = cloud.networks.filter((n) => n.name === nameOrId);
  if (byName.length === 1) return byName[0];
  if (byName.length > 1) throw new NeutronLookupError(`Multiple network matches found for name '${nameOrId}', use an ID to be more specific.`);
  throw new NeutronLookupError(`Unable to find network with name or id '${nameOrId}'`);
}

export function findSubnet(cloud: CloudState, nameOrId: string): Subnet {
  const found = cloud.subnets.find((s) => s.id === nameOrId) ?? cloud.subnets.find((s) => s.name === nameOrId);
  if (!found) throw new NeutronLookupError(`Unable to find subnet with name or id '${nameOrId}'`);
  return found;
}

export function createNetwork(cloud: CloudState, input: { name: string; projectId: string; shared?: boolean; adminStateUp?: boolean }): Network {
  const now = Date.now();
  const network: Network = { id: uuid(), name: input.name, projectId: input.projectId, shared: input.shared ?? false, external: false, adminStateUp: input.adminStateUp ?? true, createdAt: now, updatedAt: now };
  cloud.networks.push(network);
  return network;
}

export function createSubnet(cloud: CloudState, input: {
  name: string; networkId: string; projectId: string; cidr: string; ipVersion?: number; gatewayIp?: string | null;
  enableDhcp?: boolean; allocationPools?: { start: string; end: string }[]; dnsNameservers?: string[];
}): Subnet {
  if ((input.ipVersion ?? 4) !== 4) throw new NeutronLookupError('Only ip_version 4 is supported by the sandbox.');
  parseCidr(input.cidr);
  const layout = defaultLayout(input.cidr);
  for (const pool of input.allocationPools ?? []) {
    if (!ipInCidr(pool.start, input.cidr) || !ipInCidr(pool.end, input.cidr)) throw new NeutronLookupError(`The allocation pool ${pool.start}-${pool.end} spans beyond the subnet cidr ${input.cidr}.`);
  }
  const now = Date.now();
  const subnet: Subnet = {
    id: uuid(), name: input.name, networkId: input.networkId, projectId: input.projectId, cidr: input.cidr, ipVersion: 4,
    gatewayIp: input.gatewayIp === undefined ? layout.gatewayIp : input.gatewayIp, enableDhcp: input.enableDhcp ?? true,
    allocationPools: input.allocationPools?.length ? input.allocationPools : [layout.pool], dnsNameservers: input.dnsNameservers ?? [],
    createdAt: now, updatedAt: now,
  };
  cloud.subnets.push(subnet);
  return subnet;
}

function usedIps(cloud: CloudState, subnetId: string): Set<string> {
  return new Set(cloud.ports.flatMap((p) => p.fixedIps.filter((f) => f.subnet_id === subnetId).map((f) => f.ip_address)));
}

/** Creates a port; without fixed_ips it gets the next free address of the network's first subnet. */
export function createPort(cloud: CloudState, input: {
  name: string; networkId: string; projectId: string; fixedIps?: { subnet?: string; ip_address?: string }[];
  macAddress?: string; portSecurityEnabled?: boolean; securityGroups?: string[]; deviceId?: string; deviceOwner?: string;
}): Port {
  const subnets = cloud.subnets.filter((s) => s.networkId === input.networkId);
  const fixedIps: Port['fixedIps'] = [];
  const requests = input.fixedIps?.length ? input.fixedIps : subnets.length ? [{}] : [];
  for (const req of requests) {
    const subnet = req.subnet ? findSubnet(cloud, req.subnet) : req.ip_address ? subnets.find((s) => ipInCidr(req.ip_address!, s.cidr)) : subnets[0];
    if (!subnet || subnet.networkId !== input.networkId) throw new NeutronLookupError(`Invalid input for operation: IP address ${req.ip_address ?? ''} is not a valid IP for the specified subnet.`);
    const used = usedIps(cloud, subnet.id);
    let ip = req.ip_address;
    if (ip) {
      if (used.has(ip)) throw new NeutronLookupError(`IP address ${ip} already allocated in subnet ${subnet.id}`);
    } else {
      ip = nextFreeIp(subnet.allocationPools, used) ?? undefined;
      if (!ip) throw new NeutronLookupError(`No more IP addresses available on network ${input.networkId}.`);
    }
    fixedIps.push({ subnet_id: subnet.id, ip_address: ip });
  }
  const now = Date.now();
  const port: Port = {
    id: uuid(), name: input.name, networkId: input.networkId, projectId: input.projectId, macAddress: input.macAddress ?? randomMac(),
    fixedIps, deviceId: input.deviceId ?? '', deviceOwner: input.deviceOwner ?? '', portSecurityEnabled: input.portSecurityEnabled ?? true,
    securityGroups: input.securityGroups ?? [], adminStateUp: true, createdAt: now, updatedAt: now, revision: 1,
  };
  cloud.ports.push(port);
  return port;
}

export function deletePort(cloud: CloudState, id: string): void {
  cloud.ports = cloud.ports.filter((p) => p.id !== id);
}

export function deleteSubnet(cloud: CloudState, id: string): void {
  cloud.subnets = cloud.subnets.filter((s) => s.id !== id);
}

export function deleteNetwork(cloud: CloudState, id: string): void {
  cloud.ports = cloud.ports.filter((p) => p.networkId !== id);
  cloud.subnets = cloud.subnets.filter((s) => s.networkId !== id);
  cloud.networks = cloud.networks.filter((n) => n.id !== id);
}
