// Keystone v3 of the sandbox: discovery, password and application-credential auth, validation,
// revocation, expiry, catalog and the error envelopes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, startTestSandbox, type TestSandbox } from './helpers';

let sb: TestSandbox;
beforeAll(async () => {
  sb = await startTestSandbox({ env: { SANDBOX_NFV_URL: 'http://127.0.0.1:9999/' } });
});
afterAll(async () => sb?.close());

describe('sandbox keystone', () => {
  it('answers version discovery with 300 + versions.values and GET /v3', async () => {
    const root = await call(`${sb.url}/identity`);
    expect(root.status).toBe(300);
    expect(root.headers.get('location')).toBe(`${sb.url}/identity/v3/`);
    expect(root.json.versions.values[0].id).toBe('v3.14');
    const v3 = await call(`${sb.url}/identity/v3`);
    expect(v3.status).toBe(200);
    expect(v3.json.version.links[0].href).toBe(`${sb.url}/identity/v3/`);
  });

  it('issues a project-scoped token with roles and a catalog that lists every service', async () => {
    const s = await login(sb.url, 'admin', 'admin', 'admin');
    expect(s.token).toMatch(/^gAAAA/);
    const token = s.body.token;
    expect(token.project.name).toBe('admin');
    expect(token.roles.map((r: { name: string }) => r.name).sort()).toEqual(['admin', 'member', 'reader']);
    const types = token.catalog.map((e: { type: string }) => e.type).sort();
    expect(types).toEqual(['compute', 'identity', 'image', 'network', 'nfv-orchestration', 'orchestration']);
    const heat = token.catalog.find((e: { type: string }) => e.type === 'orchestration');
    expect(heat.endpoints.map((e: { interface: string }) => e.interface).sort()).toEqual(['admin', 'internal', 'public']);
    expect(heat.endpoints[0].url).toBe(`${sb.url}/orchestration/v1/${s.projectId}`);
    expect(heat.endpoints[0].region_id).toBe('RegionOne');
    const nfv = token.catalog.find((e: { type: string }) => e.type === 'nfv-orchestration');
    expect(nfv.endpoints[0].url).toBe('http://127.0.0.1:9999/');
    expect(Date.parse(token.expires_at) - Date.parse(token.issued_at)).toBe(24 * 3600 * 1000);
  });

  it('scopes demo to demo with role member only, and refuses demo on the admin project', async () => {
    const demo = await login(sb.url, 'demo', 'demo', 'demo');
    expect(demo.body.token.roles.map((r: { name: string }) => r.name).sort()).toEqual(['member', 'reader']);
    const refused = await call(`${sb.url}/identity/v3/auth/tokens`, {
      method: 'POST',
      body: { auth: { identity: { methods: ['password'], password: { user: { name: 'demo', domain: { name: 'Default' }, password: 'demo' } } }, scope: { project: { name: 'admin', domain: { name: 'Default' } } } } },
    });
    expect(refused.status).toBe(401);
  });

  it('issues unscoped tokens on request and rescopes them with the token method', async () => {
    const unscoped = await call(`${sb.url}/identity/v3/auth/tokens`, {
      method: 'POST',
      body: { auth: { identity: { methods: ['password'], password: { user: { name: 'demo', domain: { name: 'Default' }, password: 'demo' } } }, scope: 'unscoped' } },
    });
    expect(unscoped.status).toBe(201);
    expect(unscoped.json.token.project).toBeUndefined();
    expect(unscoped.json.token.catalog).toBeUndefined();
    const token = unscoped.headers.get('x-subject-token')!;
    const projects = await call(`${sb.url}/identity/v3/auth/projects`, { token });
    expect(projects.json.projects.map((p: { name: string }) => p.name)).toEqual(['demo']);
    const rescoped = await call(`${sb.url}/identity/v3/auth/tokens`, {
      method: 'POST',
      body: { auth: { identity: { methods: ['token'], token: { id: token } }, scope: { project: { id: projects.json.projects[0].id } } } },
    });
    expect(rescoped.status).toBe(201);
    expect(rescoped.json.token.project.name).toBe('demo');
    const domain = await call(`${sb.url}/identity/v3/auth/tokens`, {
      method: 'POST',
      body: { auth: { identity: { methods: ['password'], password: { user: { name: 'admin', domain: { name: 'Default' }, password: 'admin' } } }, scope: { domain: { name: 'Default' } } } },
    });
    expect(domain.status).toBe(401);
  });

  it('scopes by project id too', async () => {
    const admin = await login(sb.url);
    const res = await call(`${sb.url}/identity/v3/auth/tokens`, {
      method: 'POST',
      body: { auth: { identity: { methods: ['password'], password: { user: { id: admin.userId, password: 'admin' } } }, scope: { project: { id: admin.projectId } } } },
    });
    expect(res.status).toBe(201);
    expect(res.json.token.project.id).toBe(admin.projectId);
  });

  it('rejects a wrong password with 401, the Keystone envelope and WWW-Authenticate', async () => {
    const res = await call(`${sb.url}/identity/v3/auth/tokens`, {
      method: 'POST',
      body: { auth: { identity: { methods: ['password'], password: { user: { name: 'admin', domain: { name: 'Default' }, password: 'nope' } } } } },
    });
    expect(res.status).toBe(401);
    expect(res.json).toEqual({ error: { code: 401, message: 'The request you have made requires authentication.', title: 'Unauthorized' } });
    expect(res.headers.get('www-authenticate')).toBe(`Keystone uri="${sb.url}/identity/v3"`);
  });

  it('names the field of a malformed auth body', async () => {
    const res = await call(`${sb.url}/identity/v3/auth/tokens`, { method: 'POST', body: { auth: { identity: { methods: 'password' } } } });
    expect(res.status).toBe(400);
    expect(res.json.error.message).toContain('auth.identity.methods');
    const broken = await call(`${sb.url}/identity/v3/auth/tokens`, { method: 'POST', rawBody: '{"auth": ', headers: { 'Content-Type': 'application/json' } });
    expect(broken.status).toBe(400);
    expect(broken.json.error.message).toMatch(/Malformed JSON/);
  });

  it('validates (with and without catalog), revokes, and answers 404 for unknown subject tokens', async () => {
    const s = await login(sb.url);
    const other = await login(sb.url);
    const v = await call(`${sb.url}/identity/v3/auth/tokens`, { token: s.token, headers: { 'X-Subject-Token': other.token } });
    expect(v.status).toBe(200);
    expect(v.headers.get('x-subject-token')).toBe(other.token);
    expect(v.json.token.catalog).toBeDefined();
    const nocat = await call(`${sb.url}/identity/v3/auth/tokens?nocatalog`, { token: s.token, headers: { 'X-Subject-Token': other.token } });
    expect(nocat.json.token.catalog).toBeUndefined();
    const unknown = await call(`${sb.url}/identity/v3/auth/tokens`, { token: s.token, headers: { 'X-Subject-Token': 'gAAAAABnot-a-valid-token' } });
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.message).toBe('Could not recognize Fernet token');
    const noAuth = await call(`${sb.url}/identity/v3/auth/tokens`, { headers: { 'X-Subject-Token': other.token } });
    expect(noAuth.status).toBe(401);
    const revoke = await call(`${sb.url}/identity/v3/auth/tokens`, { method: 'DELETE', token: s.token, headers: { 'X-Subject-Token': other.token } });
    expect(revoke.status).toBe(204);
    const after = await call(`${sb.url}/identity/v3/auth/tokens`, { token: s.token, headers: { 'X-Subject-Token': other.token } });
    expect(after.status).toBe(404);
    const heat = await call(`${other.heat}/stacks`, { token: other.token });
    expect(heat.status).toBe(401);
  });

  it('lists auth projects, the catalog and regions', async () => {
    const s = await login(sb.url);
    const projects = await call(`${sb.url}/identity/v3/auth/projects`, { token: s.token });
    expect(projects.json.projects.map((p: { name: string }) => p.name).sort()).toEqual(['admin', 'demo']);
    const catalog = await call(`${sb.url}/identity/v3/auth/catalog`, { token: s.token });
    expect(catalog.json.catalog).toHaveLength(6);
    const regions = await call(`${sb.url}/identity/v3/regions`, { token: s.token });
    expect(regions.json.regions).toEqual([{ id: 'RegionOne', description: '', parent_region_id: null, links: { self: `${sb.url}/identity/v3/regions/RegionOne` } }]);
    const all = await call(`${sb.url}/identity/v3/projects`, { token: s.token });
    expect(all.json.projects).toHaveLength(2);
  });

  it('authenticates with an application credential scoped to its project, until deleted', async () => {
    const s = await login(sb.url);
    const created = await call(`${sb.url}/identity/v3/users/${s.userId}/application_credentials`, { method: 'POST', token: s.token, body: { application_credential: { name: 'trellis', description: 'test' } } });
    expect(created.status).toBe(201);
    const { id, secret } = created.json.application_credential;
    expect(typeof secret).toBe('string');
    const auth = await call(`${sb.url}/identity/v3/auth/tokens`, { method: 'POST', body: { auth: { identity: { methods: ['application_credential'], application_credential: { id, secret } } } } });
    expect(auth.status).toBe(201);
    expect(auth.json.token.application_credential).toEqual({ id, name: 'trellis', restricted: true });
    expect(auth.json.token.project.id).toBe(s.projectId);
    const wrong = await call(`${sb.url}/identity/v3/auth/tokens`, { method: 'POST', body: { auth: { identity: { methods: ['application_credential'], application_credential: { id, secret: 'x' } } } } });
    expect(wrong.status).toBe(401);
    const byName = await call(`${sb.url}/identity/v3/auth/tokens`, { method: 'POST', body: { auth: { identity: { methods: ['application_credential'], application_credential: { name: 'trellis', secret, user: { name: 'admin', domain: { name: 'Default' } } } } } } });
    expect(byName.status).toBe(201);
    const del = await call(`${sb.url}/identity/v3/users/${s.userId}/application_credentials/${id}`, { method: 'DELETE', token: s.token });
    expect(del.status).toBe(204);
    const again = await call(`${sb.url}/identity/v3/auth/tokens`, { method: 'POST', body: { auth: { identity: { methods: ['application_credential'], application_credential: { id, secret } } } } });
    expect(again.status).toBe(401);
  });

  it('expires tokens after the TTL set by fault injection', async () => {
    const admin = await login(sb.url);
    const set = await call(`${sb.url}/sandbox/faults`, { method: 'POST', token: admin.token, body: { tokenTtlSeconds: 1 } });
    expect(set.status).toBe(200);
    const short = await login(sb.url);
    expect(Date.parse(short.body.token.expires_at) - Date.parse(short.body.token.issued_at)).toBe(1000);
    await call(`${sb.url}/sandbox/faults`, { method: 'DELETE', token: admin.token });
    await new Promise((r) => setTimeout(r, 2100));
    const res = await call(`${short.heat}/stacks`, { token: short.token });
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe(401);
  });
});
