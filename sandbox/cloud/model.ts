// Records of the compute/image/network/volume/alarm side of the sandbox cloud (what Nova, Glance,
// Neutron, Cinder and Aodh would hold). Heat resources create and delete these.
export interface Image {
  id: string; name: string; status: 'active'; diskFormat: string; containerFormat: string;
  size: number; minDisk: number; minRam: number; visibility: 'public' | 'private'; ownerProjectId: string | null;
  createdAt: number; updatedAt: number; checksum: string;
}
export interface Flavor { id: string; name: string; vcpus: number; ramMb: number; diskGb: number; ephemeralGb: number; isPublic: boolean; extraSpecs: Record<string, string> }
export interface Network {
  id: string; name: string; projectId: string; shared: boolean; external: boolean; adminStateUp: boolean;
  createdAt: number; updatedAt: number;
}
export interface Subnet {
  id: string; name: string; networkId: string; projectId: string; cidr: string; ipVersion: 4 | 6; gatewayIp: string | null;
  enableDhcp: boolean; allocationPools: { start: string; end: string }[]; dnsNameservers: string[];
  createdAt: number; updatedAt: number;
}
export interface Port {
  id: string; name: string; networkId: string; projectId: string; macAddress: string;
  fixedIps: { subnet_id: string; ip_address: string }[];
  deviceId: string; deviceOwner: string; portSecurityEnabled: boolean; securityGroups: string[];
  adminStateUp: boolean; createdAt: number; updatedAt: number; revision: number;
}
export interface Server {
  id: string; name: string; projectId: string; userId: string; imageId: string; flavorId: string;
  status: 'BUILD' | 'ACTIVE' | 'ERROR' | 'DELETED'; portIds: string[];
  /** ports Nova created itself for `network:` requests (deleted with the server) */
  ownedPortIds: string[]; metadata: Record<string, string>;
  availabilityZone: string; keyName: string | null; userData: string | null; configDrive: string;
  createdAt: number; updatedAt: number; launchedAt: number | null; instanceNumber: number; reservationId: string;
}
export interface FloatingIp { id: string; address: string; floatingNetworkId: string; portId: string | null; fixedIp: string | null; projectId: string; createdAt: number }
export interface Volume { id: string; name: string; projectId: string; sizeGb: number; status: 'available' | 'in-use'; imageId: string | null; attachedTo: string | null; createdAt: number }
export interface Alarm { id: string; name: string; projectId: string; type: string; enabled: boolean; state: 'insufficient data' | 'ok' | 'alarm'; alarmActions: string[]; createdAt: number; properties: Record<string, unknown> }

export interface CloudState {
  images: Image[];
  flavors: Flavor[];
  networks: Network[];
  subnets: Subnet[];
  ports: Port[];
  servers: Server[];
  volumes: Volume[];
  floatingIps: FloatingIp[];
  alarms: Alarm[];
  /** tracked only: server groups, object storage containers, software configs */
  misc: { id: string; kind: string; name: string; projectId: string; properties: Record<string, unknown> }[];
  /** Nova's instance-0000000N counter */
  nextInstanceNumber: number;
}
