// First-start cloud content: the images, flavors and networks the Tacker sample VNFDs ask for
// (samples-vnfd use cirros-0.3.5-x86_64-disk, OpenWRT, ubuntu, fedora-software-config, m1.* flavors
// and the networks net_mgmt, net0, net1, public, sr3010, custom_net0/1), plus devstack's usual ones.
import { createHash } from 'node:crypto';
import { uuid } from '../util';
import type { CloudState, Network, Subnet } from './model';
import { defaultLayout } from '../neutron/ipam';

const IMAGES: { name: string; diskFormat: string; size: number }[] = [
  { name: 'cirros-0.5.2-x86_64-disk', diskFormat: 'qcow2', size: 16_300_544 },
  { name: 'cirros-0.3.5-x86_64-disk', diskFormat: 'qcow2', size: 13_267_968 },
  { name: 'OpenWRT', diskFormat: 'qcow2', size: 8_388_608 },
  { name: 'tiny', diskFormat: 'raw', size: 1_048_576 },
  { name: 'ubuntu', diskFormat: 'qcow2', size: 637_927_424 },
  { name: 'fedora-software-config', diskFormat: 'qcow2', size: 442_695_680 },
];

const FLAVORS = [
  { name: 'm1.nano', vcpus: 1, ramMb: 128, diskGb: 1 },
  { name: 'm1.micro', vcpus: 1, ramMb: 192, diskGb: 1 },
  { name: 'm1.tiny', vcpus: 1, ramMb: 512, diskGb: 1 },
  { name: 'm1.small', vcpus: 1, ramMb: 2048, diskGb: 20 },
  { name: 'm1.medium', vcpus: 2, ramMb: 4096, diskGb: 40 },
  { name: 'm1.large', vcpus: 4, ramMb: 8192, diskGb: 80 },
  { name: 'm1.xlarge', vcpus: 8, ramMb: 16384, diskGb: 160 },
  { name: 'numa-sriov', vcpus: 4, ramMb: 4096, diskGb: 20 },
];

const NETWORKS: { name: string; cidr: string; external: boolean }[] = [
  { name: 'net_mgmt', cidr: '192.168.120.0/24', external: false },
  { name: 'net0', cidr: '10.10.0.0/24', external: false },
  { name: 'net1', cidr: '10.10.1.0/24', external: false },
  { name: 'private', cidr: '10.0.0.0/26', external: false },
  // the SR-IOV and custom-network samples name these
  { name: 'sr3010', cidr: '10.10.30.0/24', external: false },
  { name: 'custom_net0', cidr: '10.10.10.0/24', external: false },
  { name: 'custom_net1', cidr: '10.10.11.0/24', external: false },
  { name: 'public', cidr: '172.24.4.0/24', external: true },
];

export function seedCloud(adminProjectId: string): CloudState {
  const now = Date.now();
  const networks: Network[] = [];
  const subnets: Subnet[] = [];
  for (const n of NETWORKS) {
    const network: Network = { id: uuid(), name: n.name, projectId: adminProjectId, shared: true, external: n.external, adminStateUp: true, createdAt: now, updatedAt: now };
    networks.push(network);
    const layout = defaultLayout(n.cidr);
    subnets.push({
      id: uuid(), name: `${n.name}-subnet`, networkId: network.id, projectId: adminProjectId, cidr: n.cidr, ipVersion: 4,
      gatewayIp: layout.gatewayIp, enableDhcp: true, allocationPools: [layout.pool],
      dnsNameservers: [], createdAt: now, updatedAt: now,
    });
  }
  return {
    images: IMAGES.map((i) => ({
      id: uuid(), name: i.name, status: 'active', diskFormat: i.diskFormat, containerFormat: 'bare', size: i.size,
      minDisk: 0, minRam: 0, visibility: 'public', ownerProjectId: adminProjectId, createdAt: now, updatedAt: now,
      checksum: createHash('md5').update(i.name).digest('hex'),
    })),
    flavors: FLAVORS.map((f, index) => ({ id: String(index + 1), ...f, ephemeralGb: 0, isPublic: true, extraSpecs: {} })),
    networks,
    subnets,
    ports: [],
    servers: [],
    volumes: [],
    floatingIps: [],
    alarms: [],
    misc: [],
    nextInstanceNumber: 1,
  };
}
