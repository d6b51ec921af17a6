// Nova v2.1 (compute): servers (show, list with details) and flavors. Server bodies
// keep every field Nova sends (extensions such as OS-EXT-STS:vm_state vary by
// microversion); the fields Trellis reads are checked with zod.
import { z } from 'zod';
import { OpenStackError } from './errors';
import type { HttpResponse } from './http';
import type { ServiceRequest, Session } from './keystone';
import { parseBody } from './parse';

const SERVICE = 'nova';

const linkSchema = z.object({ href: z.string(), rel: z.string() });

const addressSchema = z.looseObject({
  addr: z.string(),
  version: z.number(),
  'OS-EXT-IPS:type': z.string().optional(),
  'OS-EXT-IPS-MAC:mac_addr': z.string().optional(),
});

export const serverSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  tenant_id: z.string().optional(),
  // "" when booted from volume; an object otherwise
  image: z.union([z.literal(''), z.looseObject({ id: z.string() })]).optional(),
  // {id, links} before microversion 2.47, the embedded flavor after
  flavor: z.looseObject({ id: z.string().optional(), original_name: z.string().optional() }).optional(),
  addresses: z.record(z.string(), z.array(addressSchema)).optional(),
  created: z.string().optional(),
  updated: z.string().optional(),
  links: z.array(linkSchema).optional(),
});

const serverRefSchema = z.object({ id: z.string(), name: z.string(), links: z.array(linkSchema).optional() });

export const flavorSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  ram: z.number(),
  vcpus: z.number(),
  disk: z.number(),
  'OS-FLV-EXT-DATA:ephemeral': z.number().optional(),
  'os-flavor-access:is_public': z.boolean().optional(),
});

export type Server = z.infer<typeof serverSchema>;
export type ServerRef = z.infer<typeof serverRefSchema>;
export type Flavor = z.infer<typeof flavorSchema>;

export interface ServerListFilters {
  name?: string;
  status?: string;
  allTenants?: boolean;
  limit?: number;
  marker?: string;
}

export class NovaClient {
  /** `microversion` e.g. "2.1" (default) or "latest"; sent as OpenStack-API-Version. */
  constructor(private readonly session: Session, private readonly microversion = '2.1') {}

  private send(req: ServiceRequest): Promise<HttpResponse> {
    return this.session.request(SERVICE, {
      ...req,
      headers: { 'OpenStack-API-Version': `compute ${this.microversion}`, 'X-OpenStack-Nova-API-Version': this.microversion, ...req.headers },
    });
  }

  async server(id: string): Promise<Server> {
    const res = await this.send({ method: 'GET', path: `servers/${encodeURIComponent(id)}` });
    return parseBody(z.object({ server: serverSchema }), res, SERVICE, 'server show').server;
  }

  /** Server show, or null when Nova says it does not exist. */
  async findServer(id: string): Promise<Server | null> {
    try {
      return await this.server(id);
    } catch (e) {
      if (e instanceof OpenStackError && e.kind === 'notFound') return null;
      throw e;
    }
  }

  async servers(filters: ServerListFilters = {}): Promise<Server[]> {
    const res = await this.send({ method: 'GET', path: 'servers/detail', query: listQuery(filters) });
    return parseBody(z.object({ servers: z.array(serverSchema) }), res, SERVICE, 'server list').servers;
  }

  /** GET /servers: ids and names only. */
  async serverRefs(filters: ServerListFilters = {}): Promise<ServerRef[]> {
    const res = await this.send({ method: 'GET', path: 'servers', query: listQuery(filters) });
    return parseBody(z.object({ servers: z.array(serverRefSchema) }), res, SERVICE, 'server list').servers;
  }

  async flavors(): Promise<Flavor[]> {
    const res = await this.send({ method: 'GET', path: 'flavors/detail' });
    return parseBody(z.object({ flavors: z.array(flavorSchema) }), res, SERVICE, 'flavor list').flavors;
  }

  async flavor(id: string): Promise<Flavor> {
    const res = await this.send({ method: 'GET', path: `flavors/${encodeURIComponent(id)}` });
    return parseBody(z.object({ flavor: flavorSchema }), res, SERVICE, 'flavor show').flavor;
  }
}

function listQuery(f: ServerListFilters) {
  return { name: f.name, status: f.status, all_tenants: f.allTenants ? 1 : undefined, limit: f.limit, marker: f.marker };
}

/** IPv4/IPv6 addresses of a server, flattened: [{network, addr, type, mac}]. */
export function serverAddresses(server: Server): { network: string; addr: string; version: number; type: string | null; mac: string | null }[] {
  return Object.entries(server.addresses ?? {}).flatMap(([network, list]) =>
    list.map((a) => ({
      network,
      addr: a.addr,
      version: a.version,
      type: a['OS-EXT-IPS:type'] ?? null,
      mac: a['OS-EXT-IPS-MAC:mac_addr'] ?? null,
    })),
  );
}
