// Neutron v2.0 (network): networks, subnets and ports. The catalog URL has no
// version, so "/v2.0" is appended unless already present.
import { z } from 'zod';
import { joinUrl } from './http';
import type { Session } from './keystone';
import { parseBody } from './parse';

const SERVICE = 'neutron';

export const networkSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  status: z.string().optional(),
  project_id: z.string().optional(),
  subnets: z.array(z.string()).optional(),
  shared: z.boolean().optional(),
  admin_state_up: z.boolean().optional(),
  'router:external': z.boolean().optional(),
});

export const subnetSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  network_id: z.string(),
  cidr: z.string(),
  ip_version: z.number(),
  gateway_ip: z.string().nullish(),
});

export const portSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  network_id: z.string(),
  status: z.string().optional(),
  mac_address: z.string(),
  device_id: z.string().optional(),
  device_owner: z.string().optional(),
  fixed_ips: z.array(z.object({ subnet_id: z.string(), ip_address: z.string() })),
});

export type Network = z.infer<typeof networkSchema>;
export type Subnet = z.infer<typeof subnetSchema>;
export type Port = z.infer<typeof portSchema>;

type Filters = Record<string, string | string[] | undefined>;

export class NeutronClient {
  constructor(private readonly session: Session) {}

  private async base(): Promise<string> {
    const url = await this.session.endpoint('network');
    return /\/v2\.0$/.test(url) ? url : joinUrl(url, 'v2.0');
  }

  private async get(path: string, query?: Filters) {
    return this.session.request(SERVICE, { method: 'GET', path, query }, await this.base());
  }

  /** Filters are Neutron's `?key=value` (repeat = OR), e.g. {name: 'net0'} or {id: [a, b]}. */
  async networks(filters: Filters = {}): Promise<Network[]> {
    return parseBody(z.object({ networks: z.array(networkSchema) }), await this.get('networks', filters), SERVICE, 'network list').networks;
  }

  async network(id: string): Promise<Network> {
    return parseBody(z.object({ network: networkSchema }), await this.get(`networks/${encodeURIComponent(id)}`), SERVICE, 'network show').network;
  }

  async subnets(filters: Filters = {}): Promise<Subnet[]> {
    return parseBody(z.object({ subnets: z.array(subnetSchema) }), await this.get('subnets', filters), SERVICE, 'subnet list').subnets;
  }

  /** e.g. {device_id: serverId} for a server's ports. */
  async ports(filters: Filters = {}): Promise<Port[]> {
    return parseBody(z.object({ ports: z.array(portSchema) }), await this.get('ports', filters), SERVICE, 'port list').ports;
  }

  async port(id: string): Promise<Port> {
    return parseBody(z.object({ port: portSchema }), await this.get(`ports/${encodeURIComponent(id)}`), SERVICE, 'port show').port;
  }
}
