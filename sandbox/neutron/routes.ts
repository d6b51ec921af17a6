// Neutron v2.0 HTTP API under /network: networks, subnets, ports (list with filters and `fields`,
// show, create, update, delete), extensions, floating IPs (none).
import type { RequestContext } from '../context';
import { BodyError, type Reply } from '../http/respond';
import { Router } from '../http/router';
import { serviceAuth, unauthorizedReply } from '../http/service-auth';
import type { AuthContext, Keystone } from '../keystone/tokens';
import type { Store } from '../store';
import { CidrError } from './ipam';
import { createNetwork, createPort, createSubnet, deleteNetwork, deletePort, deleteSubnet, findNetwork, NeutronLookupError } from './ops';
import { networkView, portView, subnetView } from './views';

const RID = 'X-Openstack-Request-Id';
const EXTENSIONS = ['binding', 'external-net', 'port-security', 'standard-attr-timestamp', 'project-id', 'extra_dhcp_opt', 'allowed-address-pairs', 'security-group'];

function neutronError(ctx: RequestContext, status: number, type: string, message: string): Reply {
  return { status, headers: { [RID]: ctx.requestId }, body: { NeutronError: { type, message, detail: '' } } };
}
const ok = (ctx: RequestContext, status: number, body: unknown): Reply => ({ status, headers: { [RID]: ctx.requestId }, body });

/** Applies Neutron list filters (?key=value, repeated keys = any of) and ?fields=. */
function listReply(ctx: RequestContext, key: string, items: Record<string, unknown>[]): Reply {
  const reserved = new Set(['fields', 'limit', 'marker', 'sort_key', 'sort_dir']);
  let list = items;
  for (const name of new Set(ctx.query.keys())) {
    if (reserved.has(name)) continue;
    const wanted = ctx.query.getAll(name);
    list = list.filter((item) => name in item && wanted.includes(String(item[name])));
  }
  const fields = ctx.query.getAll('fields');
  if (fields.length) list = list.map((item) => Object.fromEntries(fields.filter((f) => f in item).map((f) => [f, item[f]])));
  return ok(ctx, 200, { [key]: list });
}

function bodyOf(ctx: RequestContext, key: string): Record<string, unknown> {
  if (ctx.body instanceof BodyError) throw new NeutronLookupError(ctx.body.message);
  const body = (ctx.body as Record<string, unknown> | undefined)?.[key];
  if (typeof body !== 'object' || body === null) throw new NeutronLookupError(`Invalid input: the body must be {"${key}": {...}}`);
  return body as Record<string, unknown>;
}

export function neutronRouter(store: Store): Router<AuthContext> {
  const cloud = () => store.state.cloud;
  const r = new Router<AuthContext>();
  const networks = (auth: AuthContext) => cloud().networks.filter((n) => auth.isAdmin || n.shared || n.projectId === auth.project!.id);
  const subnets = (auth: AuthContext) => { const ids = new Set(networks(auth).map((n) => n.id)); return cloud().subnets.filter((s) => ids.has(s.networkId)); };
  const ports = (auth: AuthContext) => cloud().ports.filter((p) => auth.isAdmin || p.projectId === auth.project!.id);
  const saved = <T>(value: T): T => { store.changed(); return value; };

  r.add('GET', '/v2.0/extensions', (ctx) => ok(ctx, 200, { extensions: EXTENSIONS.map((alias) => ({ alias, name: alias, description: 'sandbox', links: [], updated: '2016-01-01T00:00:00-00:00' })) }));
  r.add('GET', '/v2.0/floatingips', (ctx, _p, auth) => listReply(ctx, 'floatingips', cloud().floatingIps
    .filter((f) => auth.isAdmin || f.projectId === auth.project!.id)
    .map((f) => ({
      id: f.id, floating_ip_address: f.address, floating_network_id: f.floatingNetworkId, port_id: f.portId, fixed_ip_address: f.fixedIp,
      router_id: null, status: f.portId ? 'ACTIVE' : 'DOWN', tenant_id: f.projectId, project_id: f.projectId, description: '', tags: [],
    }))));

  r.add('GET', '/v2.0/networks', (ctx, _p, auth) => listReply(ctx, 'networks', networks(auth).map((n) => networkView(cloud(), n))));
  r.add('GET', '/v2.0/networks/:id', (ctx, p, auth) => {
    const n = networks(auth).find((x) => x.id === p.id);
    return n ? ok(ctx, 200, { network: networkView(cloud(), n) }) : neutronError(ctx, 404, 'NetworkNotFound', `Network ${p.id} could not be found.`);
  });
  r.add('POST', '/v2.0/networks', (ctx, _p, auth) => {
    const body = bodyOf(ctx, 'network');
    const n = createNetwork(cloud(), { name: String(body.name ?? ''), projectId: auth.project!.id, shared: body.shared === true, adminStateUp: body.admin_state_up !== false });
    return saved(ok(ctx, 201, { network: networkView(cloud(), n) }));
  });
  r.add('DELETE', '/v2.0/networks/:id', (ctx, p, auth) => {
    const n = networks(auth).find((x) => x.id === p.id);
    if (!n) return neutronError(ctx, 404, 'NetworkNotFound', `Network ${p.id} could not be found.`);
    if (cloud().ports.some((port) => port.networkId === n.id && port.deviceOwner.startsWith('compute:'))) return neutronError(ctx, 409, 'NetworkInUse', `Unable to complete operation on network ${n.id}. There are one or more ports still in use on the network.`);
    deleteNetwork(cloud(), n.id);
    return saved(ok(ctx, 204, undefined));
  });

  r.add('GET', '/v2.0/subnets', (ctx, _p, auth) => listReply(ctx, 'subnets', subnets(auth).map(subnetView)));
  r.add('GET', '/v2.0/subnets/:id', (ctx, p, auth) => {
    const s = subnets(auth).find((x) => x.id === p.id);
    return s ? ok(ctx, 200, { subnet: subnetView(s) }) : neutronError(ctx, 404, 'SubnetNotFound', `Subnet ${p.id} could not be found.`);
  });
  r.add('POST', '/v2.0/subnets', (ctx, _p, auth) => {
    const body = bodyOf(ctx, 'subnet');
    if (typeof body.network_id !== 'string') return neutronError(ctx, 400, 'HTTPBadRequest', "Failed to parse request. Required attribute 'network_id' not specified");
    if (typeof body.cidr !== 'string') return neutronError(ctx, 400, 'HTTPBadRequest', "Failed to parse request. Required attribute 'cidr' not specified");
    const network = findNetwork(cloud(), body.network_id);
    const s = createSubnet(cloud(), {
      name: String(body.name ?? ''), networkId: network.id, projectId: auth.project!.id, cidr: body.cidr, ipVersion: Number(body.ip_version ?? 4),
      gatewayIp: body.gateway_ip === undefined ? undefined : (body.gateway_ip as string | null), enableDhcp: body.enable_dhcp !== false,
      allocationPools: Array.isArray(body.allocation_pools) ? (body.allocation_pools as { start: string; end: string }[]) : undefined,
    });
    return saved(ok(ctx, 201, { subnet: subnetView(s) }));
  });
  r.add('DELETE', '/v2.0/subnets/:id', (ctx, p, auth) => {
    const s = subnets(auth).find((x) => x.id === p.id);
    if (!s) return neutronError(ctx, 404, 'SubnetNotFound', `Subnet ${p.id} could not be found.`);
    deleteSubnet(cloud(), s.id);
    return saved(ok(ctx, 204, undefined));
  });

  r.add('GET', '/v2.0/ports', (ctx, _p, auth) => listReply(ctx, 'ports', ports(auth).map(portView)));
  r.add('GET', '/v2.0/ports/:id', (ctx, p, auth) => {
    const port = ports(auth).find((x) => x.id === p.id);
    if (!port) return neutronError(ctx, 404, 'PortNotFound', `Port ${p.id} could not be found.`);
    const fields = ctx.query.getAll('fields');
    const view = portView(port) as Record<string, unknown>;
    return ok(ctx, 200, { port: fields.length ? Object.fromEntries(fields.filter((f) => f in view).map((f) => [f, view[f]])) : view });
  });
  r.add('POST', '/v2.0/ports', (ctx, _p, auth) => {
    const body = bodyOf(ctx, 'port');
    if (typeof body.network_id !== 'string') return neutronError(ctx, 400, 'HTTPBadRequest', "Failed to parse request. Required attribute 'network_id' not specified");
    const network = findNetwork(cloud(), body.network_id);
    const fixedIps = Array.isArray(body.fixed_ips) ? body.fixed_ips.map((f) => ({ subnet: (f as Record<string, string>).subnet_id, ip_address: (f as Record<string, string>).ip_address })) : undefined;
    const port = createPort(cloud(), {
      name: String(body.name ?? ''), networkId: network.id, projectId: auth.project!.id, fixedIps, macAddress: body.mac_address as string | undefined,
      portSecurityEnabled: body.port_security_enabled !== false, deviceId: body.device_id as string | undefined, deviceOwner: body.device_owner as string | undefined,
    });
    return saved(ok(ctx, 201, { port: portView(port) }));
  });
  r.add('PUT', '/v2.0/ports/:id', (ctx, p, auth) => {
    const port = ports(auth).find((x) => x.id === p.id);
    if (!port) return neutronError(ctx, 404, 'PortNotFound', `Port ${p.id} could not be found.`);
    const body = bodyOf(ctx, 'port');
    if (typeof body.name === 'string') port.name = body.name;
    if (typeof body.device_id === 'string') port.deviceId = body.device_id;
    if (typeof body.device_owner === 'string') port.deviceOwner = body.device_owner;
    if (typeof body.admin_state_up === 'boolean') port.adminStateUp = body.admin_state_up;
    port.revision += 1;
    port.updatedAt = Date.now();
    return saved(ok(ctx, 200, { port: portView(port) }));
  });
  r.add('DELETE', '/v2.0/ports/:id', (ctx, p, auth) => {
    const port = ports(auth).find((x) => x.id === p.id);
    if (!port) return neutronError(ctx, 404, 'PortNotFound', `Port ${p.id} could not be found.`);
    deletePort(cloud(), port.id);
    return saved(ok(ctx, 204, undefined));
  });
  return r;
}

export async function handleNeutron(router: Router<AuthContext>, keystone: Keystone, ctx: RequestContext): Promise<Reply> {
  const path = ctx.path.replace(/\/$/, '').replace(/\.json$/, '') || '/';
  if (path === '/') return ok(ctx, 200, { versions: [{ id: 'v2.0', status: 'CURRENT', links: [{ href: `${ctx.baseUrl}/network/v2.0/`, rel: 'self' }] }] });
  const auth = serviceAuth(keystone, ctx);
  if (!auth) return unauthorizedReply(ctx, RID);
  const found = router.match(ctx.method, path);
  if (found === null) return neutronError(ctx, 404, 'HTTPNotFound', 'The resource could not be found.');
  if (found === 'method-not-allowed') return neutronError(ctx, 405, 'HTTPMethodNotAllowed', 'The method is not allowed for this resource.');
  try {
    return await found.handler(ctx, found.params, auth);
  } catch (e) {
    if (e instanceof NeutronLookupError) return neutronError(ctx, e.message.startsWith('Unable to find') ? 404 : 400, e.message.startsWith('Unable to find') ? 'NetworkNotFound' : 'BadRequest', e.message);
    if (e instanceof CidrError) return neutronError(ctx, 400, 'InvalidInput', e.message);
    throw e;
  }
}
