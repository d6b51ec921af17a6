// Nova v2.1 HTTP API under /compute: version discovery, servers (list, detail, show, interfaces,
// delete), flavors. Microversions: 2.1 by default, up to 2.93 ("latest").
import type { RequestContext } from '../context';
import { header } from '../context';
import type { Reply } from '../http/respond';
import { Router } from '../http/router';
import { serviceAuth, unauthorizedReply } from '../http/service-auth';
import type { AuthContext, Keystone } from '../keystone/tokens';
import type { Store } from '../store';
import { deleteServer } from './ops';
import { computeUrls, flavorView, MAX_MICROVERSION, serverView } from './views';

const RID = 'X-Openstack-Request-Id';

/** The microversion asked for ("2.1" when none), or an error text when unsupported. */
function microversion(ctx: RequestContext): string | { error: string } {
  const modern = header(ctx, 'openstack-api-version');
  const legacy = header(ctx, 'x-openstack-nova-api-version');
  const asked = modern ? modern.replace(/^compute\s+/i, '').trim() : legacy?.trim();
  if (!asked) return '2.1';
  if (asked === 'latest') return MAX_MICROVERSION;
  const m = /^2\.(\d+)$/.exec(asked);
  if (!m || Number(m[1]) < 1 || Number(m[1]) > 93) return { error: `Version ${asked} is not supported by the API. Minimum is 2.1 and maximum is ${MAX_MICROVERSION}.` };
  return asked;
}

interface NovaExtra { auth: AuthContext; version: string }

export function novaRouter(store: Store): Router<NovaExtra> {
  const cloud = () => store.state.cloud;
  const latest = (version: string) => Number(version.split('.')[1]) >= 47;
  const r = new Router<NovaExtra>();
  const reply = (ctx: RequestContext, version: string, status: number, body: unknown): Reply => ({
    status,
    headers: {
      'OpenStack-API-Version': `compute ${version}`, 'X-OpenStack-Nova-API-Version': version,
      Vary: 'OpenStack-API-Version, X-OpenStack-Nova-API-Version', [RID]: ctx.requestId, 'X-Compute-Request-Id': ctx.requestId,
    },
    body,
  });
  const notFound = (ctx: RequestContext, version: string, message: string) => reply(ctx, version, 404, { itemNotFound: { code: 404, message } });
  const visibleServers = (ctx: RequestContext, auth: AuthContext) => {
    const allTenants = auth.isAdmin && ['1', 'true', 'True'].includes(ctx.query.get('all_tenants') ?? '');
    let list = cloud().servers.filter((s) => allTenants || s.projectId === auth.project!.id);
    const name = ctx.query.get('name');
    if (name) {
      let re: RegExp | null = null;
      try {
        re = new RegExp(name);
      } catch {
        re = null;
      }
      list = list.filter((s) => (re ? re.test(s.name) : s.name.includes(name)));
    }
    const status = ctx.query.get('status');
    if (status) list = list.filter((s) => s.status === status.toUpperCase());
    list = [...list].sort((a, b) => b.createdAt - a.createdAt);
    const marker = ctx.query.get('marker');
    if (marker) list = list.slice(list.findIndex((s) => s.id === marker) + 1);
    const limit = ctx.query.get('limit');
    if (limit !== null && Number.isInteger(Number(limit))) list = list.slice(0, Number(limit));
    return list;
  };

  r.add('GET', '/v2.1/servers', (ctx, _p, { auth, version }) => reply(ctx, version, 200, {
    servers: visibleServers(ctx, auth).map((s) => {
      const urls = computeUrls(ctx.baseUrl);
      return { id: s.id, name: s.name, links: [{ rel: 'self', href: `${urls.versioned}/servers/${s.id}` }, { rel: 'bookmark', href: `${urls.bookmark}/servers/${s.id}` }] };
    }),
  }));
  r.add('GET', '/v2.1/servers/detail', (ctx, _p, { auth, version }) => reply(ctx, version, 200, {
    servers: visibleServers(ctx, auth).map((s) => serverView(cloud(), s, ctx.baseUrl, latest(version))),
  }));
  const findServer = (id: string, auth: AuthContext) => cloud().servers.find((s) => s.id === id && (auth.isAdmin || s.projectId === auth.project!.id));
  r.add('GET', '/v2.1/servers/:id', (ctx, p, { auth, version }) => {
    const server = findServer(p.id, auth);
    if (!server) return notFound(ctx, version, `Instance ${p.id} could not be found.`);
    return reply(ctx, version, 200, { server: serverView(cloud(), server, ctx.baseUrl, latest(version)) });
  });
  r.add('DELETE', '/v2.1/servers/:id', (ctx, p, { auth, version }) => {
    const server = findServer(p.id, auth);
    if (!server) return notFound(ctx, version, `Instance ${p.id} could not be found.`);
    deleteServer(cloud(), server.id);
    store.changed();
    return reply(ctx, version, 204, undefined);
  });
  r.add('GET', '/v2.1/servers/:id/os-interface', (ctx, p, { auth, version }) => {
    const server = findServer(p.id, auth);
    if (!server) return notFound(ctx, version, `Instance ${p.id} could not be found.`);
    const ports = cloud().ports.filter((port) => server.portIds.includes(port.id));
    return reply(ctx, version, 200, {
      interfaceAttachments: ports.map((port) => ({ net_id: port.networkId, port_id: port.id, mac_addr: port.macAddress, port_state: 'ACTIVE', fixed_ips: port.fixedIps })),
    });
  });
  r.add('GET', '/v2.1/flavors', (ctx, _p, { version }) => reply(ctx, version, 200, { flavors: cloud().flavors.map((f) => flavorView(f, ctx.baseUrl, false)) }));
  r.add('GET', '/v2.1/flavors/detail', (ctx, _p, { version }) => reply(ctx, version, 200, { flavors: cloud().flavors.map((f) => flavorView(f, ctx.baseUrl, true)) }));
  r.add('GET', '/v2.1/flavors/:id', (ctx, p, { version }) => {
    const flavor = cloud().flavors.find((f) => f.id === p.id);
    if (!flavor) return notFound(ctx, version, `Flavor ${p.id} could not be found.`);
    return reply(ctx, version, 200, { flavor: flavorView(flavor, ctx.baseUrl, true) });
  });
  r.add('GET', '/v2.1/flavors/:id/os-extra_specs', (ctx, p, { version }) => {
    const flavor = cloud().flavors.find((f) => f.id === p.id);
    if (!flavor) return notFound(ctx, version, `Flavor ${p.id} could not be found.`);
    return reply(ctx, version, 200, { extra_specs: flavor.extraSpecs });
  });
  return r;
}

const versionDoc = (baseUrl: string) => ({
  id: 'v2.1', status: 'CURRENT', version: MAX_MICROVERSION, min_version: '2.1', updated: '2013-07-23T11:33:21Z',
  links: [{ rel: 'self', href: `${baseUrl}/compute/v2.1/` }, { rel: 'describedby', type: 'text/html', href: 'http://docs.openstack.org/' }],
  'media-types': [{ base: 'application/json', type: 'application/vnd.openstack.compute+json;version=2.1' }],
});

export async function handleNova(router: Router<NovaExtra>, keystone: Keystone, ctx: RequestContext): Promise<Reply> {
  const path = ctx.path.replace(/\/$/, '') || '/';
  if (path === '/') {
    return { status: 200, headers: {}, body: { versions: [
      { id: 'v2.0', status: 'SUPPORTED', version: '', min_version: '', updated: '2011-01-21T11:33:21Z', links: [{ rel: 'self', href: `${ctx.baseUrl}/compute/v2/` }] },
      { id: 'v2.1', status: 'CURRENT', version: MAX_MICROVERSION, min_version: '2.1', updated: '2013-07-23T11:33:21Z', links: [{ rel: 'self', href: `${ctx.baseUrl}/compute/v2.1/` }] },
    ] } };
  }
  if (path === '/v2.1') {
    return {
      status: 200,
      headers: { 'OpenStack-API-Version': 'compute 2.1', 'X-OpenStack-Nova-API-Version': '2.1', Vary: 'OpenStack-API-Version, X-OpenStack-Nova-API-Version', [RID]: ctx.requestId, 'X-Compute-Request-Id': ctx.requestId },
      body: { version: versionDoc(ctx.baseUrl) },
    };
  }
  const auth = serviceAuth(keystone, ctx);
  if (!auth) return unauthorizedReply(ctx, RID);
  const version = microversion(ctx);
  if (typeof version !== 'string') return { status: 406, headers: { [RID]: ctx.requestId }, body: { computeFault: { code: 406, message: version.error } } };
  // tenant-scoped legacy URLs (/v2.1/<project>/servers) are accepted too
  const scoped = ctx.path.replace(new RegExp(`^/v2\\.1/${auth.project!.id}(?=/)`), '/v2.1');
  const found = router.match(ctx.method, scoped.replace(/\/$/, ''));
  if (found === null) return { status: 404, headers: { [RID]: ctx.requestId }, body: { itemNotFound: { code: 404, message: 'The resource could not be found.' } } };
  if (found === 'method-not-allowed') return { status: 405, headers: { [RID]: ctx.requestId }, body: { computeFault: { code: 405, message: 'The method is not allowed for the requested URL.' } } };
  return found.handler(ctx, found.params, { auth, version });
}
