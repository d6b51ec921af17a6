// Keystone v3 client against a scripted server: discovery, auth bodies, token parsing,
// catalog selection, session renewal, validate / revoke / projects / rescope.
import { afterEach, describe, expect, it } from 'vitest';
import { OpenStackError } from '@/lib/openstack/errors';
import { HttpClient } from '@/lib/openstack/http';
import {
  Session,
  authenticate,
  discoverV3,
  listAuthProjects,
  listRegions,
  rescope,
  revokeToken,
  selectEndpoint,
  validateToken,
} from '@/lib/openstack/keystone';
import { json, startFake, tokenBody, type FakeServer, type SeenRequest } from './fake-server';
import type http from 'node:http';

const servers: FakeServer[] = [];
const clients: HttpClient[] = [];
afterEach(async () => {
  clients.splice(0).forEach((c) => c.close());
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
function client() {
  const c = new HttpClient({ backoffMs: 5, retries: 1 });
  clients.push(c);
  return c;
}

const UNAUTHORIZED = { error: { code: 401, message: 'The request you have made requires authentication.', title: 'Unauthorized' } };

/** A Keystone that issues tokens "tok-1", "tok-2", ... and answers the identity API below /identity. */
async function fakeKeystone(opts: { expiresInMs?: number; extra?: (req: SeenRequest, res: http.ServerResponse, base: string) => boolean } = {}) {
  let issued = 0;
  const revoked = new Set<string>();
  const s = await startFake((req, res) => {
    const base = s.url;
    if (opts.extra?.(req, res, base)) return;
    if (req.method === 'GET' && req.path === '/identity/') {
      return json(res, 300, { versions: { values: [{ id: 'v3.14', status: 'stable', links: [{ rel: 'self', href: `${base}/identity/v3/` }] }] } }, { Location: `${base}/identity/v3/` });
    }
    if (req.method === 'POST' && req.path === '/identity/v3/auth/tokens') {
      const auth = (req.body as { auth: { identity: { methods: string[]; password?: { user: { password: string } } } } }).auth;
      if (auth.identity.password && auth.identity.password.user.password !== 'secret') return json(res, 401, UNAUTHORIZED, { 'x-openstack-request-id': 'req-401' });
      issued++;
      const body = tokenBody(base, { expiresAt: new Date(Date.now() + (opts.expiresInMs ?? 3600_000)), methods: auth.identity.methods });
      return json(res, 201, body, { 'X-Subject-Token': `tok-${issued}` });
    }
    if (!req.path.startsWith('/identity/v3/') && !req.path.startsWith('/nova/')) {
      return json(res, 404, { error: { code: 404, message: `no route ${req.path}`, title: 'Not Found' } });
    }
    const token = req.headers['x-auth-token'] as string | undefined;
    if (!token || revoked.has(token)) return json(res, 401, UNAUTHORIZED);
    if (req.path.startsWith('/identity/v3/auth/tokens')) {
      const subject = req.headers['x-subject-token'] as string;
      if (!subject.startsWith('tok-') || revoked.has(subject)) return json(res, 404, { error: { code: 404, message: 'Could not recognize Fernet token', title: 'Not Found' } });
      if (req.method === 'DELETE') {
        revoked.add(subject);
        res.writeHead(204);
        return res.end();
      }
      const body = tokenBody(base);
      if (req.path.endsWith('?nocatalog')) delete (body.token as { catalog?: unknown }).catalog;
      return json(res, 200, body, { 'X-Subject-Token': subject });
    }
    if (req.path === '/identity/v3/auth/projects') {
      return json(res, 200, { projects: [{ id: 'p1', name: 'admin', domain_id: 'default', description: 'Bootstrap project', enabled: true, parent_id: 'default', is_domain: false, tags: [], options: {}, links: {} }], links: {} });
    }
    if (req.path === '/identity/v3/regions') {
      return json(res, 200, { regions: [{ id: 'RegionOne', description: '', parent_region_id: null, links: {} }], links: {} });
    }
    if (req.path.startsWith('/nova/v2.1/')) return json(res, 200, { servers: [] });
    json(res, 404, { error: { code: 404, message: `no route ${req.path}`, title: 'Not Found' } });
  });
  servers.push(s);
  return { s, revoked, issuedCount: () => issued };
}

describe('version discovery', () => {
  it('finds v3 from the root (300 versions.values) and caches it; a /v3 URL is used as is', async () => {
    const { s } = await fakeKeystone();
    const http = client();
    expect(await discoverV3(http, `${s.url}/identity`)).toBe(`${s.url}/identity/v3`);
    expect(await discoverV3(http, `${s.url}/identity/`)).toBe(`${s.url}/identity/v3`);
    expect(s.requests).toHaveLength(1);
    expect(await discoverV3(http, `${s.url}/other/v3/`)).toBe(`${s.url}/other/v3`);
    expect(s.requests).toHaveLength(1);
  });

  it('falls back to appending /v3 when the root is a 404', async () => {
    const { s } = await fakeKeystone();
    expect(await discoverV3(client(), `${s.url}/nothing-here`)).toBe(`${s.url}/nothing-here/v3`);
  });
});

describe('authenticate', () => {
  it('password auth with project scope by name: request body and parsed token', async () => {
    const { s } = await fakeKeystone();
    const t = await authenticate(client(), {
      authUrl: `${s.url}/identity`,
      auth: { type: 'password', username: 'admin', password: 'secret' },
      scope: { projectName: 'admin', projectDomainName: 'Default' },
    });
    expect(s.requests.at(-1)!.body).toEqual({
      auth: {
        identity: { methods: ['password'], password: { user: { name: 'admin', password: 'secret', domain: { name: 'Default' } } } },
        scope: { project: { name: 'admin', domain: { name: 'Default' } } },
      },
    });
    expect(t.token).toBe('tok-1');
    expect(t.user).toEqual({ id: 'u-admin-id', name: 'admin', domain: { id: 'default', name: 'Default' } });
    expect(t.project).toMatchObject({ id: 'p-admin-id', name: 'admin' });
    expect(t.roles.map((r) => r.name)).toEqual(['admin', 'member']);
    expect(t.expiresAt.getTime()).toBeGreaterThan(Date.now());
    expect(t.catalog.map((c) => c.type)).toContain('orchestration');
  });

  it('application credential: no scope sent, by id + secret', async () => {
    const { s } = await fakeKeystone();
    await authenticate(client(), {
      authUrl: `${s.url}/identity/v3`,
      auth: { type: 'applicationCredential', id: 'ac1', secret: 's3cr3t' },
      scope: { projectId: 'ignored' },
    });
    expect(s.requests.at(-1)!.body).toEqual({ auth: { identity: { methods: ['application_credential'], application_credential: { id: 'ac1', secret: 's3cr3t' } } } });
  });

  it('wrong password: kind auth with Keystone\'s message and request id, not retried', async () => {
    const { s } = await fakeKeystone();
    const e = await authenticate(client(), { authUrl: `${s.url}/identity/v3`, auth: { type: 'password', userId: 'u1', password: 'nope' }, scope: { projectId: 'p1' } }).catch((x) => x);
    expect(e).toBeInstanceOf(OpenStackError);
    expect(e).toMatchObject({ kind: 'auth', status: 401, message: 'The request you have made requires authentication.', requestId: 'req-401' });
    expect(s.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('a 201 without X-Subject-Token or with a malformed token body is a server error naming the problem', async () => {
    const s = await startFake((req, res) => json(res, 201, { token: { methods: ['password'], user: { id: 'u' } } }, { 'X-Subject-Token': 't' }));
    servers.push(s);
    const e = await authenticate(client(), { authUrl: `${s.url}/v3`, auth: { type: 'password', username: 'a', password: 'b' } }).catch((x) => x);
    expect(e).toMatchObject({ kind: 'server', service: 'keystone' });
    expect(e.message).toContain('token.user.name');
  });

  it('rescope exchanges a token (method token) for another project', async () => {
    const { s } = await fakeKeystone();
    const t = await rescope(client(), { authUrl: `${s.url}/identity/v3`, token: 'tok-9', scope: { projectId: 'p-demo' } });
    expect(s.requests.at(-1)!.body).toEqual({ auth: { identity: { methods: ['token'], token: { id: 'tok-9' } }, scope: { project: { id: 'p-demo' } } } });
    expect(t.methods).toEqual(['token']);
  });
});

describe('token operations', () => {
  it('validate returns the token info, null once revoked; revoke of an unknown token is fine', async () => {
    const { s } = await fakeKeystone();
    const http = client();
    const authUrl = `${s.url}/identity/v3`;
    const t = await authenticate(http, { authUrl, auth: { type: 'password', username: 'admin', password: 'secret' } });
    const v = await validateToken(http, { authUrl, subjectToken: t.token, noCatalog: true });
    expect(v?.user.name).toBe('admin');
    expect(v?.catalog).toEqual([]);
    expect(s.requests.at(-1)!.path).toBe('/identity/v3/auth/tokens?nocatalog');
    await revokeToken(http, { authUrl, subjectToken: t.token });
    expect(await validateToken(http, { authUrl, subjectToken: t.token })).toBeNull();
    // revoking again (Keystone: 404) is not an error
    await revokeToken(http, { authUrl, subjectToken: t.token, authToken: 'tok-other' });
    // but an invalid *auth* token is
    await expect(revokeToken(http, { authUrl, subjectToken: 'tok-5', authToken: t.token })).rejects.toMatchObject({ kind: 'auth' });
  });

  it('lists the projects a token can scope to, and the regions', async () => {
    const { s } = await fakeKeystone();
    const http = client();
    const authUrl = `${s.url}/identity/v3`;
    expect(await listAuthProjects(http, { authUrl, token: 'tok-1' })).toEqual([{ id: 'p1', name: 'admin', domainId: 'default', description: 'Bootstrap project', enabled: true }]);
    expect(await listRegions(http, { authUrl, token: 'tok-1' })).toEqual([{ id: 'RegionOne', description: '', parentRegionId: null }]);
  });
});

describe('selectEndpoint', () => {
  const catalog = tokenBody('http://127.0.0.1:1').token.catalog;
  it('picks by type, interface and region and fills in the project id', () => {
    expect(selectEndpoint(catalog, { type: 'orchestration' }, 'p9')).toBe('http://127.0.0.1:1/heat/v1/p9');
    expect(selectEndpoint(catalog, { type: 'compute', interface: 'internal' })).toBe('http://internal.example:1/nova/v2.1');
    expect(selectEndpoint(catalog, { type: 'compute', region: 'RegionTwo' })).toBe('http://127.0.0.1:1/nova-two/v2.1');
    expect(selectEndpoint(catalog, { type: 'compute', interface: 'publicURL' })).toBe('http://127.0.0.1:1/nova/v2.1');
  });
  it('explains what is missing', () => {
    expect(() => selectEndpoint(catalog, { type: 'volumev3' })).toThrow(/no service of type 'volumev3' \(it offers: identity, orchestration/);
    expect(() => selectEndpoint(catalog, { type: 'compute', region: 'Mars' })).toThrow(/no public endpoint of service type 'compute' in region Mars \(regions: RegionOne, RegionTwo\)/);
  });
});

describe('Session', () => {
  it('re-authenticates before the token expires (one request for concurrent callers)', async () => {
    const { s, issuedCount } = await fakeKeystone({ expiresInMs: 60_000 });
    const session = await Session.create(client(), { authUrl: `${s.url}/identity`, auth: { type: 'password', username: 'admin', password: 'secret' }, renewBeforeMs: 120_000 });
    expect(session.tokenInfo.token).toBe('tok-1');
    const [a, b] = await Promise.all([session.getToken(), session.getToken()]);
    expect(a.token).toBe('tok-2');
    expect(b.token).toBe('tok-2');
    expect(issuedCount()).toBe(2);
  });

  it('keeps the token while it is far from expiry', async () => {
    const { s, issuedCount } = await fakeKeystone({ expiresInMs: 3600_000 });
    const session = await Session.create(client(), { authUrl: `${s.url}/identity`, auth: { type: 'password', username: 'admin', password: 'secret' } });
    await session.getToken();
    await session.request('nova', { method: 'GET', path: 'servers' });
    expect(issuedCount()).toBe(1);
  });

  it('a 401 from a service (token revoked early) triggers one re-authentication and a replay', async () => {
    const { s, revoked, issuedCount } = await fakeKeystone();
    const session = await Session.create(client(), { authUrl: `${s.url}/identity`, auth: { type: 'password', username: 'admin', password: 'secret' } });
    revoked.add('tok-1');
    const res = await session.request('nova', { method: 'GET', path: 'servers/detail' });
    expect(res.body).toEqual({ servers: [] });
    expect(issuedCount()).toBe(2);
    const novaCalls = s.requests.filter((r) => r.path.startsWith('/nova/'));
    expect(novaCalls.map((r) => r.headers['x-auth-token'])).toEqual(['tok-1', 'tok-2']);
  });

  it('a session built from a bare token cannot renew: kind auth telling to log in again', async () => {
    const { s, revoked } = await fakeKeystone({ expiresInMs: 3600_000 });
    const session = await Session.create(client(), { authUrl: `${s.url}/identity/v3`, auth: { type: 'token', token: 'tok-user' }, scope: { projectId: 'p1' } });
    revoked.add(session.tokenInfo.token);
    const e = await session.request('nova', { method: 'GET', path: 'servers' }).catch((x) => x);
    expect(e).toMatchObject({ kind: 'auth', status: 401 });
  });

  it('a token that already expired and cannot be renewed fails with log-in-again', async () => {
    const { s } = await fakeKeystone({ expiresInMs: 1000 });
    const session = await Session.create(client(), { authUrl: `${s.url}/identity/v3`, auth: { type: 'token', token: 'tok-user' } });
    await expect(session.getToken()).rejects.toThrow(/log in again/);
  });
});
