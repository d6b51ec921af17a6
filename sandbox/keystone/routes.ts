// Keystone v3 HTTP API under /identity: version discovery, tokens, catalog, regions, projects,
// users, role assignments and application credentials.
import { header, type RequestContext } from '../context';
import type { Reply } from '../http/respond';
import { Router } from '../http/router';
import type { Store } from '../store';
import type { SandboxConfig } from '../config';
import { hexId, isoMicros, sha256, uuid } from '../util';
import { buildCatalog, SERVICE_PATHS } from './catalog';
import type { Project, User } from './model';
import { passwordRecord } from './seed';
import { KeystoneError, type AuthContext, type Keystone } from './tokens';

const TITLES: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 409: 'Conflict' };

export function keystoneError(ctx: RequestContext, code: number, message: string): Reply {
  const headers: Record<string, string> = { Vary: 'X-Auth-Token', 'x-openstack-request-id': ctx.requestId };
  if (code === 401) headers['WWW-Authenticate'] = `Keystone uri="${ctx.baseUrl}${SERVICE_PATHS.identity}/v3"`;
  return { status: code, headers, body: { error: { code, message, title: TITLES[code] ?? 'Error' } } };
}

function ok(ctx: RequestContext, status: number, body: unknown, extra: Record<string, string> = {}): Reply {
  return { status, headers: { Vary: 'X-Auth-Token', 'x-openstack-request-id': ctx.requestId, ...extra }, body };
}

const versionBody = (ctx: RequestContext) => ({
  id: 'v3.14',
  status: 'stable',
  updated: '2020-04-07T00:00:00Z',
  links: [{ rel: 'self', href: `${ctx.baseUrl}${SERVICE_PATHS.identity}/v3/` }],
  'media-types': [{ base: 'application/json', type: 'application/vnd.openstack.identity-v3+json' }],
});

export function versionsReply(ctx: RequestContext): Reply {
  return ok(ctx, 300, { versions: { values: [versionBody(ctx)] } }, { Location: `${ctx.baseUrl}${SERVICE_PATHS.identity}/v3/` });
}

export function keystoneRouter(keystone: Keystone, store: Store, config: SandboxConfig): Router {
  const ks = () => store.state.keystone;
  const v3 = (ctx: RequestContext) => `${ctx.baseUrl}${SERVICE_PATHS.identity}/v3`;
  const listLinks = (ctx: RequestContext, path: string) => ({ next: null, self: `${v3(ctx)}${path}`, previous: null });

  const projectView = (ctx: RequestContext, p: Project) => ({
    id: p.id, name: p.name, domain_id: p.domainId, description: p.description, enabled: p.enabled,
    parent_id: p.domainId, is_domain: false, tags: [], options: {}, links: { self: `${v3(ctx)}/projects/${p.id}` },
  });
  const userView = (ctx: RequestContext, u: User) => ({
    id: u.id, name: u.name, domain_id: u.domainId, enabled: u.enabled, default_project_id: u.defaultProjectId ?? undefined,
    password_expires_at: null, options: {}, links: { self: `${v3(ctx)}/users/${u.id}` },
  });

  /** Runs a handler that needs a valid X-Auth-Token (optionally admin). */
  const authed = (handler: (ctx: RequestContext, auth: AuthContext, params: Record<string, string>) => Reply, adminOnly = false) =>
    (ctx: RequestContext, params: Record<string, string>): Reply => {
      const auth = keystone.authContext(header(ctx, 'x-auth-token'));
      if (!auth) return keystoneError(ctx, 401, 'The request you have made requires authentication.');
      if (adminOnly && !auth.isAdmin) return keystoneError(ctx, 403, 'You are not authorized to perform the requested action.');
      return handler(ctx, auth, params);
    };

  const validate = authed((ctx) => {
    const subject = header(ctx, 'x-subject-token');
    const record = keystone.validate(subject);
    if (!record) return keystoneError(ctx, 404, 'Could not recognize Fernet token');
    const withCatalog = !ctx.query.has('nocatalog');
    return ok(ctx, 200, keystone.tokenBody(record, ctx.baseUrl, withCatalog), { 'X-Subject-Token': record.id });
  });

  const r = new Router();
  r.add('GET', '/', (ctx) => versionsReply(ctx));
  r.add('GET', '/v3', (ctx) => ok(ctx, 200, { version: versionBody(ctx) }));

  r.add('POST', '/v3/auth/tokens', (ctx) => {
    const record = keystone.issue(ctx.body);
    const withCatalog = !ctx.query.has('nocatalog');
    return ok(ctx, 201, keystone.tokenBody(record, ctx.baseUrl, withCatalog), { 'X-Subject-Token': record.id });
  });
  r.add('GET', '/v3/auth/tokens', validate);
  r.add('DELETE', '/v3/auth/tokens', authed((ctx) => {
    const subject = header(ctx, 'x-subject-token');
    if (!subject || !keystone.revoke(subject)) return keystoneError(ctx, 404, 'Could not recognize Fernet token');
    return ok(ctx, 204, undefined);
  }));
  r.add('GET', '/v3/auth/projects', authed((ctx, auth) => {
    const mine = ks().projects.filter((p) => keystone.rolesOn(auth.user.id, p.id).length > 0);
    return ok(ctx, 200, { projects: mine.map((p) => projectView(ctx, p)), links: listLinks(ctx, '/auth/projects') });
  }));
  r.add('GET', '/v3/auth/domains', authed((ctx) => ok(ctx, 200, { domains: [], links: listLinks(ctx, '/auth/domains') })));
  r.add('GET', '/v3/auth/catalog', authed((ctx, auth) => {
    if (!auth.project) return keystoneError(ctx, 403, 'A project-scoped token is required to produce a service catalog.');
    return ok(ctx, 200, { catalog: buildCatalog(ctx.baseUrl, auth.project.id, config.nfvUrl, config.region), links: { self: `${v3(ctx)}/auth/catalog` } });
  }));

  const regionView = (ctx: RequestContext) => ({ id: config.region, description: '', parent_region_id: null, links: { self: `${v3(ctx)}/regions/${config.region}` } });
  r.add('GET', '/v3/regions', authed((ctx) => ok(ctx, 200, { regions: [regionView(ctx)], links: listLinks(ctx, '/regions') })));
  r.add('GET', '/v3/regions/:id', authed((ctx, _a, p) =>
    p.id === config.region ? ok(ctx, 200, { region: regionView(ctx) }) : keystoneError(ctx, 404, `Could not find region: ${p.id}.`)));

  r.add('GET', '/v3/projects', authed((ctx, auth) => {
    let list = auth.isAdmin ? ks().projects : ks().projects.filter((p) => keystone.rolesOn(auth.user.id, p.id).length > 0);
    const name = ctx.query.get('name');
    if (name) list = list.filter((p) => p.name === name);
    return ok(ctx, 200, { projects: list.map((p) => projectView(ctx, p)), links: listLinks(ctx, '/projects') });
  }));
  r.add('GET', '/v3/projects/:id', authed((ctx, auth, p) => {
    const project = ks().projects.find((x) => x.id === p.id);
    if (!project || (!auth.isAdmin && keystone.rolesOn(auth.user.id, project.id).length === 0)) return keystoneError(ctx, 404, `Could not find project: ${p.id}.`);
    return ok(ctx, 200, { project: projectView(ctx, project) });
  }));
  r.add('POST', '/v3/projects', authed((ctx) => {
    const body = (ctx.body as { project?: { name?: unknown; description?: unknown; domain_id?: unknown } })?.project;
    if (!body || typeof body.name !== 'string' || !body.name) return keystoneError(ctx, 400, "Invalid input for field 'project.name': a non-empty string is required");
    const domainId = typeof body.domain_id === 'string' ? body.domain_id : 'default';
    if (ks().projects.some((x) => x.name === body.name && x.domainId === domainId)) return keystoneError(ctx, 409, `Conflict occurred attempting to store project - it is not permitted to have two projects with the same name in the same domain : ${body.name}.`);
    const project: Project = { id: hexId(), name: body.name, domainId, description: typeof body.description === 'string' ? body.description : '', enabled: true };
    ks().projects.push(project);
    store.changed();
    return ok(ctx, 201, { project: projectView(ctx, project) });
  }, true));

  r.add('GET', '/v3/users', authed((ctx) => {
    const name = ctx.query.get('name');
    const list = ks().users.filter((u) => !name || u.name === name);
    return ok(ctx, 200, { users: list.map((u) => userView(ctx, u)), links: listLinks(ctx, '/users') });
  }, true));
  r.add('GET', '/v3/users/:id', authed((ctx, auth, p) => {
    const user = ks().users.find((u) => u.id === p.id);
    if (!user || (!auth.isAdmin && user.id !== auth.user.id)) return keystoneError(ctx, 404, `Could not find user: ${p.id}.`);
    return ok(ctx, 200, { user: userView(ctx, user) });
  }));
  r.add('GET', '/v3/users/:id/projects', authed((ctx, auth, p) => {
    if (p.id !== auth.user.id && !auth.isAdmin) return keystoneError(ctx, 403, 'You are not authorized to perform the requested action.');
    const list = ks().projects.filter((x) => keystone.rolesOn(p.id, x.id).length > 0);
    return ok(ctx, 200, { projects: list.map((x) => projectView(ctx, x)), links: listLinks(ctx, `/users/${p.id}/projects`) });
  }));
  r.add('POST', '/v3/users', authed((ctx) => {
    const body = (ctx.body as { user?: { name?: unknown; password?: unknown; domain_id?: unknown; default_project_id?: unknown } })?.user;
    if (!body || typeof body.name !== 'string' || !body.name) return keystoneError(ctx, 400, "Invalid input for field 'user.name': a non-empty string is required");
    if (typeof body.password !== 'string') return keystoneError(ctx, 400, "Invalid input for field 'user.password': a string is required");
    const domainId = typeof body.domain_id === 'string' ? body.domain_id : 'default';
    if (ks().users.some((u) => u.name === body.name && u.domainId === domainId)) return keystoneError(ctx, 409, `Conflict occurred attempting to store user - Duplicate entry found with name ${body.name} at domain ID ${domainId}.`);
    const user: User = { id: hexId(), name: body.name, domainId, enabled: true, defaultProjectId: typeof body.default_project_id === 'string' ? body.default_project_id : null, ...passwordRecord(body.password) };
    ks().users.push(user);
    store.changed();
    return ok(ctx, 201, { user: userView(ctx, user) });
  }, true));
  r.add('PUT', '/v3/projects/:projectId/users/:userId/roles/:roleId', authed((ctx, _a, p) => {
    if (!ks().projects.some((x) => x.id === p.projectId)) return keystoneError(ctx, 404, `Could not find project: ${p.projectId}.`);
    if (!ks().users.some((x) => x.id === p.userId)) return keystoneError(ctx, 404, `Could not find user: ${p.userId}.`);
    if (!ks().roles.some((x) => x.id === p.roleId)) return keystoneError(ctx, 404, `Could not find role: ${p.roleId}.`);
    if (!ks().assignments.some((a) => a.projectId === p.projectId && a.userId === p.userId && a.roleId === p.roleId)) {
      ks().assignments.push({ projectId: p.projectId, userId: p.userId, roleId: p.roleId });
      store.changed();
    }
    return ok(ctx, 204, undefined);
  }, true));
  r.add('GET', '/v3/roles', authed((ctx) => ok(ctx, 200, {
    roles: ks().roles.map((x) => ({ id: x.id, name: x.name, domain_id: null, description: null, options: { immutable: true }, links: { self: `${v3(ctx)}/roles/${x.id}` } })),
    links: listLinks(ctx, '/roles'),
  })));
  r.add('GET', '/v3/domains', authed((ctx) => ok(ctx, 200, {
    domains: ks().domains.map((d) => ({ id: d.id, name: d.name, description: d.description, enabled: d.enabled, tags: [], options: {}, links: { self: `${v3(ctx)}/domains/${d.id}` } })),
    links: listLinks(ctx, '/domains'),
  })));
  r.add('GET', '/v3/services', authed((ctx, auth) => {
    const catalog = buildCatalog(ctx.baseUrl, auth.project?.id ?? '', config.nfvUrl, config.region);
    return ok(ctx, 200, { services: catalog.map((s) => ({ id: s.id, type: s.type, name: s.name, enabled: true, description: '', links: { self: `${v3(ctx)}/services/${s.id}` } })), links: listLinks(ctx, '/services') });
  }));
  r.add('GET', '/v3/endpoints', authed((ctx) => {
    // endpoint URLs are templates in Keystone; the project part is filled in per token
    const catalog = buildCatalog(ctx.baseUrl, '%(tenant_id)s', config.nfvUrl, config.region);
    const endpoints = catalog.flatMap((s) => s.endpoints.map((e) => ({ id: e.id, interface: e.interface, region_id: e.region_id, region: e.region, service_id: s.id, url: e.url, enabled: true, links: { self: `${v3(ctx)}/endpoints/${e.id}` } })));
    return ok(ctx, 200, { endpoints, links: listLinks(ctx, '/endpoints') });
  }, true));

  // application credentials (the secret is returned once, at creation)
  const acView = (ctx: RequestContext, id: string, secret?: string) => {
    const ac = ks().appCredentials.find((c) => c.id === id)!;
    return {
      id: ac.id, name: ac.name, description: ac.description, user_id: ac.userId, project_id: ac.projectId, system: null,
      expires_at: ac.expiresAt === null ? null : isoMicros(ac.expiresAt), unrestricted: ac.unrestricted || null,
      roles: ac.roleIds.map((rid) => ({ id: rid, name: keystone.role(rid)?.name ?? rid, domain_id: null, description: null, options: { immutable: true } })),
      ...(secret !== undefined ? { secret } : {}),
      links: { self: `${v3(ctx)}/application_credentials/${ac.id}` },
    };
  };
  r.add('POST', '/v3/users/:userId/application_credentials', authed((ctx, auth, p) => {
    if (p.userId !== auth.user.id) return keystoneError(ctx, 403, 'You are not authorized to perform the requested action.');
    if (!auth.project) return keystoneError(ctx, 401, 'The request you have made requires authentication.');
    const body = (ctx.body as { application_credential?: Record<string, unknown> })?.application_credential;
    if (!body || typeof body.name !== 'string' || !body.name) return keystoneError(ctx, 400, "Invalid input for field 'application_credential.name': a non-empty string is required");
    if (ks().appCredentials.some((c) => c.userId === auth.user.id && c.name === body.name)) return keystoneError(ctx, 409, 'Conflict occurred attempting to store application_credential - Duplicate application credential.');
    let expiresAt: number | null = null;
    if (typeof body.expires_at === 'string') {
      expiresAt = Date.parse(body.expires_at);
      if (Number.isNaN(expiresAt)) return keystoneError(ctx, 400, "Invalid input for field 'application_credential.expires_at': not a date-time");
    }
    const secret = typeof body.secret === 'string' && body.secret ? body.secret : uuid().replace(/-/g, '') + hexId();
    const salt = hexId();
    const id = hexId();
    ks().appCredentials.push({
      id, name: body.name, description: typeof body.description === 'string' ? body.description : null, userId: auth.user.id,
      projectId: auth.project.id, secretHash: sha256(salt + secret), salt, roleIds: auth.token.roleIds, expiresAt,
      unrestricted: body.unrestricted === true,
    });
    store.changed();
    return ok(ctx, 201, { application_credential: acView(ctx, id, secret) });
  }));
  r.add('GET', '/v3/users/:userId/application_credentials', authed((ctx, auth, p) => {
    if (p.userId !== auth.user.id && !auth.isAdmin) return keystoneError(ctx, 403, 'You are not authorized to perform the requested action.');
    const list = ks().appCredentials.filter((c) => c.userId === p.userId).map((c) => acView(ctx, c.id));
    return ok(ctx, 200, { application_credentials: list, links: listLinks(ctx, `/users/${p.userId}/application_credentials`) });
  }));
  r.add('GET', '/v3/users/:userId/application_credentials/:id', authed((ctx, _auth, p) => {
    const found = ks().appCredentials.find((c) => c.id === p.id && c.userId === p.userId);
    if (!found) return keystoneError(ctx, 404, `Could not find Application Credential: ${p.id}.`);
    return ok(ctx, 200, { application_credential: acView(ctx, found.id) });
  }));
  r.add('DELETE', '/v3/users/:userId/application_credentials/:id', authed((ctx, auth, p) => {
    const index = ks().appCredentials.findIndex((c) => c.id === p.id && c.userId === p.userId);
    if (index < 0) return keystoneError(ctx, 404, `Could not find Application Credential: ${p.id}.`);
    if (p.userId !== auth.user.id && !auth.isAdmin) return keystoneError(ctx, 403, 'You are not authorized to perform the requested action.');
    ks().appCredentials.splice(index, 1);
    // tokens issued from a deleted credential stop working, like Keystone's revocation
    for (const [tid, t] of Object.entries(ks().tokens)) if (t.appCredentialId === p.id) delete ks().tokens[tid];
    store.changed();
    return ok(ctx, 204, undefined);
  }));
  return r;
}

/** Runs the keystone router and converts KeystoneError into Keystone's error envelope. */
export async function handleKeystone(router: Router, ctx: RequestContext): Promise<Reply> {
  const found = router.match(ctx.method, ctx.path);
  if (found === null) return keystoneError(ctx, 404, 'The resource could not be found.');
  if (found === 'method-not-allowed') return keystoneError(ctx, 405, 'The method is not allowed for the requested URL.');
  try {
    return await found.handler(ctx, found.params, undefined);
  } catch (e) {
    if (e instanceof KeystoneError) return keystoneError(ctx, e.code, e.message);
    throw e;
  }
}
