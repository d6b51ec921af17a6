// The request pipeline, through real route handlers, a real Keystone (the sandbox) and a real database.
import { encode } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { call, startHarness, type Harness } from '../support/harness';

let h: Harness;
let pipeline: typeof import('@/lib/server/api/route');
let errors: typeof import('@/lib/server/api/errors');
let attributes: typeof import('@/lib/server/api/attributes');
let overview: typeof import('@/app/api/overview/route');

beforeAll(async () => {
  h = await startHarness();
  pipeline = await import('@/lib/server/api/route');
  errors = await import('@/lib/server/api/errors');
  attributes = await import('@/lib/server/api/attributes');
  overview = await import('@/app/api/overview/route');
});
afterAll(async () => h?.close());

const REQUEST_ID = /^req-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function thingRoutes() {
  const table = {
    name: attributes.attr(z.string().min(1).max(255)),
    description: attributes.attr(z.string(), { default: '', allowPut: true }),
    size: attributes.attr(z.number().int().positive(), { default: 1 }),
  };
  return {
    create: pipeline.apiRoute(
      { name: 'things.create', body: attributes.compileBodySchema('thing', table, 'POST'), policy: { rule: 'create_vnf' } },
      async ({ body }) => pipeline.json({ thing: body.thing }, 201),
    ),
    update: pipeline.apiRoute({ name: 'things.update', body: attributes.compileBodySchema('thing', table, 'PUT') }, async ({ body }) => ({ thing: body.thing })),
    adminOnly: pipeline.apiRoute({ name: 'things.admin', policy: { rule: 'context_is_admin' } }, async () => ({ ok: true })),
    missing: pipeline.apiRoute({ name: 'things.show' }, async ({ params }) => {
      throw errors.notFound('Thing', params.id);
    }),
    busy: pipeline.apiRoute({ name: 'things.delete' }, async () => {
      throw errors.conflict('ThingInUse', 'Thing t1 is still in use by vnf v1');
    }),
    broken: pipeline.apiRoute({ name: 'things.broken' }, async () => {
      throw new Error('a real bug');
    }),
  };
}

describe('authentication', () => {
  it('refuses a request without a token: 401, Tacker error body, request id', async () => {
    const res = await call(overview.GET, 'GET', '/api/overview');
    expect(res.status).toBe(401);
    expect(res.json).toEqual({ TackerError: { type: 'NotAuthorized', message: 'Authentication required', detail: '' } });
    expect(res.headers.get('x-openstack-request-id')).toMatch(REQUEST_ID);
  });

  it('refuses an unknown token', async () => {
    const res = await call(overview.GET, 'GET', '/api/overview', { token: 'gAAAAAnot-a-token' });
    expect(res.status).toBe(401);
    expect(res.json.TackerError.type).toBe('NotAuthorized');
  });

  it('accepts a Keystone token and scopes to its project', async () => {
    const res = await call(overview.GET, 'GET', '/api/overview', { token: await h.token('demo') });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ vims: 0, vnfds: 0, vnfs: 0, events: 0 });
  });

  it('refuses a revoked token once the cache forgets it', async () => {
    const token = await (await import('../support/harness')).issueToken(h.keystoneUrl, 'demo', 'demo', 'demo');
    expect((await call(overview.GET, 'GET', '/api/overview', { token })).status).toBe(200);
    const { forgetToken } = await import('@/lib/server/auth/authenticate');
    const revoke = await fetch(`${h.keystoneUrl}/auth/tokens`, { method: 'DELETE', headers: { 'x-auth-token': token, 'x-subject-token': token } });
    expect(revoke.status).toBe(204);
    forgetToken(token);
    expect((await call(overview.GET, 'GET', '/api/overview', { token })).status).toBe(401);
  });

  it('accepts the dashboard session cookie, and refuses a cross-site mutation made with it', async () => {
    const token = await (await import('../support/harness')).issueToken(h.keystoneUrl, 'admin', 'admin', 'admin');
    const identity = { userId: 'u', userName: 'admin', domainId: 'default', projectId: 'p-admin', projectName: 'admin', roles: ['admin'], isAdmin: true, token, expiresAt: new Date(Date.now() + 3600e3).toISOString(), via: 'session' };
    const cookie = `next-auth.session-token=${await encode({ token: { identity }, secret: 'integration-test-secret' })}`;
    const ok = await call(overview.GET, 'GET', '/api/overview', { headers: { cookie } });
    expect(ok.status).toBe(200);
    const routes = thingRoutes();
    const crossSite = await call(routes.create, 'POST', '/things', { headers: { cookie, origin: 'https://evil.example', host: 'trellis.test' }, body: { thing: { name: 'x' } } });
    expect(crossSite.status).toBe(403);
    expect(crossSite.json.TackerError.type).toBe('CrossSiteRequestRefused');
    const sameSite = await call(routes.create, 'POST', '/things', { headers: { cookie, origin: 'http://trellis.test', host: 'trellis.test' }, body: { thing: { name: 'x' } } });
    expect(sameSite.status).toBe(201);
  });
});

describe('body validation from the attribute table', () => {
  it('applies defaults and accepts a valid body', async () => {
    const res = await call(thingRoutes().create, 'POST', '/things', { token: await h.token('demo'), body: { thing: { name: 'a' } } });
    expect(res.status).toBe(201);
    expect(res.json).toEqual({ thing: { name: 'a', description: '', size: 1 } });
  });

  it('400 for malformed JSON', async () => {
    const res = await call(thingRoutes().create, 'POST', '/things', { token: await h.token('demo'), rawBody: '{"thing": ', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    expect(res.json.TackerError.type).toBe('BadRequest');
    expect(res.json.TackerError.message).toMatch(/^Malformed request body/);
  });

  it('400 naming an unknown attribute', async () => {
    const res = await call(thingRoutes().create, 'POST', '/things', { token: await h.token('demo'), body: { thing: { name: 'a', colour: 'red' } } });
    expect(res.status).toBe(400);
    expect(res.json.TackerError.message).toBe("Invalid input for thing: unknown attribute(s) 'colour'");
    expect(res.json.TackerError.detail).toEqual([{ field: 'thing', message: "unknown attribute(s) 'colour'" }]);
  });

  it('400 naming a missing required attribute and a wrong type', async () => {
    const res = await call(thingRoutes().create, 'POST', '/things', { token: await h.token('demo'), body: { thing: { size: 'big' } } });
    expect(res.status).toBe(400);
    const fields = res.json.TackerError.detail.map((d: { field: string }) => d.field).sort();
    expect(fields).toEqual(['thing.name', 'thing.size']);
    expect(res.json.TackerError.message).toContain('Invalid input for thing.name: is required');
  });

  it('PUT accepts only updatable attributes', async () => {
    const token = await h.token('demo');
    const ok = await call(thingRoutes().update, 'PUT', '/things/1', { token, body: { thing: { description: 'd' } } });
    expect(ok.status).toBe(200);
    const bad = await call(thingRoutes().update, 'PUT', '/things/1', { token, body: { thing: { name: 'renamed' } } });
    expect(bad.status).toBe(400);
    expect(bad.json.TackerError.message).toContain("unknown attribute(s) 'name'");
  });
});

describe('policy and handler errors', () => {
  it('403 when the policy denies', async () => {
    const res = await call(thingRoutes().adminOnly, 'GET', '/things/admin', { token: await h.token('demo') });
    expect(res.status).toBe(403);
    expect(res.json).toEqual({ TackerError: { type: 'PolicyNotAuthorized', message: "Policy doesn't allow context_is_admin to be performed.", detail: '' } });
    const admin = await call(thingRoutes().adminOnly, 'GET', '/things/admin', { token: await h.token('admin') });
    expect(admin.status).toBe(200);
  });

  it('404 and 409 carry their types and messages', async () => {
    const token = await h.token('demo');
    const nf = await call(thingRoutes().missing, 'GET', '/things/t9', { token, params: { id: 't9' } });
    expect(nf.status).toBe(404);
    expect(nf.json).toEqual({ TackerError: { type: 'ThingNotFound', message: 'Thing t9 could not be found', detail: '' } });
    const busy = await call(thingRoutes().busy, 'DELETE', '/things/t1', { token });
    expect(busy.status).toBe(409);
    expect(busy.json.TackerError).toEqual({ type: 'ThingInUse', message: 'Thing t1 is still in use by vnf v1', detail: '' });
  });

  it('a real bug is a 500 with a generic message (details only in the log)', async () => {
    const res = await call(thingRoutes().broken, 'GET', '/things/broken', { token: await h.token('demo') });
    expect(res.status).toBe(500);
    expect(res.json.TackerError.type).toBe('InternalServerError');
    expect(res.text).not.toContain('a real bug');
    expect(res.headers.get('x-openstack-request-id')).toMatch(REQUEST_ID);
  });
});
