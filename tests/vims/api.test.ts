// /v1.0/vims through the real route handlers, a real Keystone (the sandbox) and a real database.
import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startHarness, type Harness } from '../support/harness';
import { closedPort, createUser, loadRoutes, projectId, vimBody, type VimRoutes } from './support';

let h: Harness;
let r: VimRoutes;
let admin: string;
let demo: string;
let adminProject: string;
let demoProject: string;

beforeAll(async () => {
  h = await startHarness();
  r = await loadRoutes();
  admin = await h.token('admin');
  demo = await h.token('demo');
  adminProject = await projectId(h, 'admin');
  demoProject = await projectId(h, 'demo');
});
afterAll(async () => h?.close());

const create = (token: string | undefined, body: unknown) => call(r.list.POST, 'POST', '/v1.0/vims', { token, body });
const show = (token: string | undefined, id: string, query = '') => call(r.one.GET, 'GET', `/v1.0/vims/${id}${query}`, { token, params: { id } });
const update = (token: string | undefined, id: string, vim: unknown) => call(r.one.PUT, 'PUT', `/v1.0/vims/${id}`, { token, params: { id }, body: { vim } });
const remove = (token: string | undefined, id: string) => call(r.one.DELETE, 'DELETE', `/v1.0/vims/${id}`, { token, params: { id } });
const list = (token: string | undefined, query = '') => call(r.list.GET, 'GET', `/v1.0/vims${query}`, { token });

async function events(resourceId: string) {
  const { db } = await import('@/lib/server/db');
  return db().event.findMany({ where: { resourceId }, orderBy: { id: 'asc' } });
}

describe('register, show, list, update, delete (Tacker shapes)', () => {
  let id: string;

  it('registers a VIM as python-tackerclient sends it: verified, regions discovered, password masked, CREATE event', async () => {
    const res = await create(admin, vimBody(h, { is_default: true }));
    expect(res.status).toBe(201);
    const vim = res.json.vim;
    id = vim.id;
    expect(vim).toMatchObject({
      tenant_id: adminProject,
      type: 'openstack',
      name: 'vim1',
      description: 'my vim',
      auth_url: h.keystoneUrl,
      auth_cred: { username: 'admin', user_domain_name: 'Default', cert_verify: 'False', password: '***' },
      vim_project: { name: 'admin', project_domain_name: 'Default' },
      placement_attr: { regions: ['RegionOne'] },
      status: 'PENDING',
      is_default: true,
      shared: false,
    });
    expect(vim.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(vim.created_at).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    const ev = await events(id);
    expect(ev.map((e) => [e.eventType, e.resourceState, e.resourceType])).toEqual([['CREATE', 'PENDING', 'vim']]);
  });

  it('appends /v3 through version discovery when the auth URL lacks it', async () => {
    const res = await create(admin, vimBody(h, { name: 'no-v3', auth_url: h.keystoneUrl.replace(/\/v3$/, '') }));
    expect(res.status).toBe(201);
    expect(res.json.vim.auth_url).toBe(h.keystoneUrl);
    expect((await remove(admin, res.json.vim.id)).status).toBe(204);
  });

  it('accepts cert_verify as a JSON boolean and shows it as Tacker\'s string', async () => {
    const res = await create(admin, vimBody(h, { name: 'bool-cert' }, { cert_verify: true }));
    expect(res.status).toBe(201);
    expect(res.json.vim.auth_cred.cert_verify).toBe('True');
    expect((await remove(admin, res.json.vim.id)).status).toBe(204);
  });

  it('shows it (and honours fields=)', async () => {
    const res = await show(admin, id);
    expect(res.status).toBe(200);
    expect(res.json.vim.id).toBe(id);
    expect(res.json.vim.auth_cred.password).toBe('***');
    const some = await show(admin, id, '?fields=id&fields=name');
    expect(some.json).toEqual({ vim: { id, name: 'vim1' } });
  });

  it('lists it; the name/id lookups python-tackerclient does work', async () => {
    const all = await list(admin);
    expect(all.status).toBe(200);
    expect(all.json.vims.map((v: { id: string }) => v.id)).toEqual([id]);
    expect((await list(admin, '?name=vim1&fields=id')).json).toEqual({ vims: [{ id }] });
    expect((await list(admin, `?id=${id}&fields=id`)).json).toEqual({ vims: [{ id }] });
    expect((await list(admin, '?name=nope&fields=id')).json).toEqual({ vims: [] });
  });

  it('updates name and description with an UPDATE event (vim set --description)', async () => {
    const res = await update(admin, id, { description: 'newdesc', name: 'vim1b' });
    expect(res.status).toBe(200);
    expect(res.json.vim).toMatchObject({ id, description: 'newdesc', name: 'vim1b', status: 'PENDING' });
    const ev = await events(id);
    expect(ev.at(-1)).toMatchObject({ eventType: 'UPDATE', resourceState: 'PENDING' });
    expect(ev.at(-1)!.eventDetails).toContain('description');
  });

  it('a new password is verified first: a wrong one is a 400 and changes nothing; a right one REACHABLE', async () => {
    const bad = await update(admin, id, { auth_cred: { password: 'wrong' } });
    expect(bad.status).toBe(400);
    expect(bad.json.TackerError.type).toBe('VimVerificationFailed');
    expect(bad.json.TackerError.detail).toMatchObject({ field: 'auth_cred.password', kind: 'auth' });
    expect((await show(admin, id)).json.vim.status).toBe('PENDING');
    const good = await update(admin, id, { auth_cred: { password: 'admin' } });
    expect(good.status).toBe(200);
    expect(good.json.vim).toMatchObject({ status: 'REACHABLE', auth_cred: { password: '***', username: 'admin' } });
    expect((await events(id)).at(-1)).toMatchObject({ eventType: 'UPDATE', resourceState: 'REACHABLE' });
  });

  it('deletes it (204, DELETE event), after which it is gone', async () => {
    const res = await remove(admin, id);
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect((await show(admin, id)).status).toBe(404);
    expect((await list(admin)).json.vims).toEqual([]);
    expect((await events(id)).at(-1)).toMatchObject({ eventType: 'DELETE', resourceState: 'DELETED' });
    expect((await remove(admin, id)).status).toBe(404);
  });
});

describe('request errors: status and body name what is wrong', () => {
  it('401 without a token', async () => {
    expect((await list(undefined)).status).toBe(401);
    const res = await create(undefined, vimBody(h));
    expect(res.status).toBe(401);
    expect(res.json.TackerError.type).toBe('NotAuthorized');
  });

  it.each([
    ['a missing name', (b: any) => delete b.vim.name, 'Invalid input for vim.name: is required'],
    ['an unknown attribute', (b: any) => (b.vim.colour = 'red'), "Invalid input for vim: unknown attribute(s) 'colour'"],
    ['a bad auth_url', (b: any) => (b.vim.auth_url = 'ftp://x'), 'Invalid input for vim.auth_url: must be an http:// or https:// URL'],
    ['a bad cert_verify', (b: any) => (b.vim.auth_cred.cert_verify = 'maybe'), 'Invalid input for vim.auth_cred.cert_verify: must be True or False'],
    ['no user', (b: any) => delete b.vim.auth_cred.username, 'Invalid input for vim.auth_cred.username: give username or user_id'],
    ['no password', (b: any) => delete b.vim.auth_cred.password, 'Invalid input for vim.auth_cred.password: is required'],
    ['no project', (b: any) => (b.vim.vim_project = {}), 'Invalid input for vim.vim_project.name: give the project name or id'],
    ['another type', (b: any) => (b.vim.type = 'kubernetes'), "Invalid input for vim.type: only type 'openstack' is supported"],
  ])('400 for %s', async (_what, mutate, message) => {
    const body = vimBody(h, { name: 'bad' });
    mutate(body);
    const res = await create(admin, body);
    expect(res.status).toBe(400);
    expect(res.json.TackerError.type).toBe('BadRequest');
    expect(res.json.TackerError.message).toContain(message);
  });

  it('400 for an empty update and for attributes that cannot change (auth_url)', async () => {
    const made = await create(admin, vimBody(h, { name: 'fixed' }));
    const empty = await update(admin, made.json.vim.id, {});
    expect(empty.status).toBe(400);
    expect(empty.json.TackerError.message).toContain('at least one attribute to update is required');
    const url = await update(admin, made.json.vim.id, { auth_url: 'http://elsewhere/v3' });
    expect(url.status).toBe(400);
    expect(url.json.TackerError.message).toContain("unknown attribute(s) 'auth_url'");
    await remove(admin, made.json.vim.id);
  });

  it('400 when the auth URL is unreachable', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/identity/v3`;
    const res = await create(admin, vimBody(h, { name: 'down', auth_url: url }));
    expect(res.status).toBe(400);
    expect(res.json.TackerError).toMatchObject({ type: 'VimVerificationFailed', detail: { field: 'auth_url', kind: 'unreachable' } });
    expect(res.json.TackerError.message).toContain(`Cannot reach the VIM's Keystone at ${url}`);
  });

  it('400 when TLS verification fails, naming cert_verify as the way out', async () => {
    const dir = path.resolve(__dirname, '../openstack/fixtures');
    const server = https.createServer({ key: fs.readFileSync(path.join(dir, 'test-server.key')), cert: fs.readFileSync(path.join(dir, 'test-server.crt')) }, (_q, s) => s.end('{}'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/v3`;
      const res = await create(admin, vimBody(h, { name: 'tls', auth_url: url }, { cert_verify: 'True' }));
      expect(res.status).toBe(400);
      expect(res.json.TackerError.detail).toMatchObject({ field: 'auth_url', kind: 'tls' });
      expect(res.json.TackerError.message).toMatch(/TLS verification of https:\/\/127\.0\.0\.1:\d+\/v3 failed: .*cert_verify False/);
    } finally {
      server.close();
    }
  });

  it('400 for a wrong password, naming the user', async () => {
    const res = await create(admin, vimBody(h, { name: 'badpw' }, { password: 'not-it' }));
    expect(res.status).toBe(400);
    expect(res.json.TackerError.detail).toMatchObject({ field: 'auth_cred.password', kind: 'auth' });
    expect(res.json.TackerError.message).toContain('refused the credentials of user admin (domain Default): wrong user name, domain or password');
  });

  it('400 for an unknown project, after the password was accepted', async () => {
    const res = await create(admin, vimBody(h, { name: 'noproj' }, {}, { name: 'no-such-project' }));
    expect(res.status).toBe(400);
    expect(res.json.TackerError.detail).toMatchObject({ field: 'vim_project', kind: 'project' });
    expect(res.json.TackerError.message).toContain('The credentials are valid, but user admin (domain Default) cannot get a token for project no-such-project (domain Default)');
  });

  it('409 for a second default VIM in the project, and for a duplicate name', async () => {
    const first = await create(admin, vimBody(h, { name: 'd1', is_default: true }));
    expect(first.status).toBe(201);
    const second = await create(admin, vimBody(h, { name: 'd2', is_default: true }));
    expect(second.status).toBe(409);
    expect(second.json.TackerError).toMatchObject({ type: 'VimDefaultDuplicateException', detail: { field: 'is_default', vim_id: first.json.vim.id } });
    expect(second.json.TackerError.message).toContain(`Default VIM already exists for project ${adminProject}: d1 (${first.json.vim.id})`);
    const plain = await create(admin, vimBody(h, { name: 'd2' }));
    expect(plain.status).toBe(201);
    const toDefault = await update(admin, plain.json.vim.id, { is_default: true });
    expect(toDefault.status).toBe(409);
    const dup = await create(admin, vimBody(h, { name: 'd1' }));
    expect(dup.status).toBe(409);
    expect(dup.json.TackerError).toMatchObject({ type: 'DuplicateEntity', detail: { field: 'name' } });
    // another project may have its own default
    const demoDefault = await create(demo, vimBody(h, { name: 'demo-default', is_default: true }, { username: 'demo', password: 'demo' }, { name: 'demo' }));
    expect(demoDefault.status).toBe(201);
    // moving the default: unset, then set
    expect((await update(admin, first.json.vim.id, { is_default: false })).status).toBe(200);
    expect((await update(admin, plain.json.vim.id, { is_default: true })).json.vim.is_default).toBe(true);
    for (const v of [first, plain]) await remove(admin, v.json.vim.id);
    await remove(demo, demoDefault.json.vim.id);
  });
});

describe('VIMs used by live VNFs', () => {
  it('delete and re-credential are 409s naming the VNFs; a new password is fine', async () => {
    const { db } = await import('@/lib/server/db');
    const vim = (await create(admin, vimBody(h, { name: 'busy' }))).json.vim;
    await db().vnfd.create({ data: { id: 'vnfd-busy', tenantId: adminProject, name: 'd' } });
    await db().vnf.create({ data: { id: 'vnf-busy-1', tenantId: adminProject, name: 'web', vnfdId: 'vnfd-busy', vimId: vim.id, stackName: 's1', status: 'ACTIVE' } });

    const del = await remove(admin, vim.id);
    expect(del.status).toBe(409);
    expect(del.json.TackerError.type).toBe('VimInUseException');
    expect(del.json.TackerError.message).toContain('it is in use by VNF(s) web (vnf-busy-1)');
    expect(del.json.TackerError.detail.vnfs).toEqual([{ id: 'vnf-busy-1', name: 'web' }]);

    const recred = await update(admin, vim.id, { auth_cred: { username: 'demo', password: 'demo' }, vim_project: { name: 'demo' } });
    expect(recred.status).toBe(409);
    expect(recred.json.TackerError.message).toContain('cannot be re-credentialed (user or project changed): it is in use by VNF(s) web (vnf-busy-1)');

    expect((await update(admin, vim.id, { auth_cred: { password: 'admin' } })).status).toBe(200);

    // a deleted VNF no longer holds the VIM
    await db().vnf.update({ where: { id: 'vnf-busy-1' }, data: { deletedAt: new Date() } });
    expect((await remove(admin, vim.id)).status).toBe(204);
  });
});

describe('tenant isolation and shared VIMs', () => {
  let adminVim: string;
  let sharedVim: string;
  let demoVim: string;

  beforeAll(async () => {
    adminVim = (await create(admin, vimBody(h, { name: 'admins' }))).json.vim.id;
    sharedVim = (await create(admin, vimBody(h, { name: 'shared-one', shared: true }))).json.vim.id;
    const d = await create(demo, vimBody(h, { name: 'demos' }, { username: 'demo', password: 'demo' }, { name: 'demo' }));
    expect(d.status).toBe(201);
    demoVim = d.json.vim.id;
  });

  it('the owner project sees its own and shared VIMs, never another project\'s', async () => {
    const names = (await list(demo)).json.vims.map((v: { name: string }) => v.name).sort();
    expect(names).toEqual(['demos', 'shared-one']);
    expect((await show(demo, adminVim)).status).toBe(404);
    expect((await show(demo, adminVim)).json.TackerError.type).toBe('VimNotFound');
    expect((await update(demo, adminVim, { description: 'x' })).status).toBe(404);
    expect((await remove(demo, adminVim)).status).toBe(404);
  });

  it('admin sees every project\'s VIMs', async () => {
    const names = (await list(admin)).json.vims.map((v: { name: string }) => v.name).sort();
    expect(names).toEqual(['admins', 'demos', 'shared-one']);
    expect((await show(admin, demoVim)).json.vim.auth_cred.username).toBe('demo');
  });

  it('a shared VIM is visible to other projects without its credentials (get_vim:auth_cred), and not theirs to change', async () => {
    const seen = await show(demo, sharedVim);
    expect(seen.status).toBe(200);
    expect(seen.json.vim.name).toBe('shared-one');
    expect(seen.json.vim).not.toHaveProperty('auth_cred');
    const listed = (await list(demo)).json.vims.find((v: { id: string }) => v.id === sharedVim);
    expect(listed).not.toHaveProperty('auth_cred');
    expect((await show(admin, sharedVim)).json.vim.auth_cred).toMatchObject({ username: 'admin', password: '***' });
    const upd = await update(demo, sharedVim, { description: 'mine now' });
    expect(upd.status).toBe(403);
    expect(upd.json.TackerError.type).toBe('PolicyNotAuthorized');
    expect((await remove(demo, sharedVim)).status).toBe(403);
  });

  it('a project member may not share a VIM nor register one for another project', async () => {
    const shared = await create(demo, vimBody(h, { name: 'x', shared: true }, { username: 'demo', password: 'demo' }, { name: 'demo' }));
    expect(shared.status).toBe(403);
    expect(shared.json.TackerError.message).toBe('Only an admin may register a shared VIM (shared: true)');
    const other = await create(demo, vimBody(h, { name: 'x', tenant_id: adminProject }, { username: 'demo', password: 'demo' }, { name: 'demo' }));
    expect(other.status).toBe(403);
    expect(other.json.TackerError.message).toContain('create_vim');
  });

  it('an admin may register a VIM for another project', async () => {
    const res = await create(admin, vimBody(h, { name: 'for-demo', tenant_id: demoProject }));
    expect(res.status).toBe(201);
    expect(res.json.vim.tenant_id).toBe(demoProject);
    expect((await show(demo, res.json.vim.id)).status).toBe(200);
  });

  it('a user of another project with its own credentials stays isolated', async () => {
    await createUser(h, 'carol', 'carol-pass', 'demo');
    const carol = await h.token('carol', 'carol-pass', 'demo');
    const names = (await list(carol)).json.vims.map((v: { name: string }) => v.name).sort();
    expect(names).toEqual(['demos', 'for-demo', 'shared-one']);
    expect((await show(carol, adminVim)).status).toBe(404);
  });
});

describe('POST /api/policy/allowed', () => {
  it('answers each rule for the caller against the given target', async () => {
    const route = await import('@/app/api/policy/allowed/route');
    const res = await call(route.POST, 'POST', '/api/policy/allowed', {
      token: demo,
      body: { rules: ['update_vim', 'get_vim', 'get_vim:auth_cred'], target: { tenant_id: adminProject, shared: true } },
    });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ allowed: { update_vim: false, get_vim: true, 'get_vim:auth_cred': false } });
    const own = await call(route.POST, 'POST', '/api/policy/allowed', { token: demo, body: { rules: ['create_vim', 'context_is_admin'], target: {} } });
    expect(own.json).toEqual({ allowed: { create_vim: true, context_is_admin: false } });
    const bad = await call(route.POST, 'POST', '/api/policy/allowed', { token: demo, body: { rules: [] } });
    expect(bad.status).toBe(400);
    expect(bad.json.TackerError.message).toContain('rules');
  });
});

describe('POST /api/vims/test-connection', () => {
  it('returns the discovered v3 URL, project and regions without storing anything', async () => {
    const route = await import('@/app/api/vims/test-connection/route');
    const before = (await list(admin)).json.vims.length;
    const res = await call(route.POST, 'POST', '/api/vims/test-connection', { token: admin, body: vimBody(h, { name: 'probe', auth_url: h.keystoneUrl.replace(/\/v3$/, '/') }) });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ auth_url: h.keystoneUrl, project_id: adminProject, project_name: 'admin', regions: ['RegionOne'] });
    expect((await list(admin)).json.vims.length).toBe(before);
    const bad = await call(route.POST, 'POST', '/api/vims/test-connection', { token: admin, body: vimBody(h, { name: 'probe' }, { password: 'nope' }) });
    expect(bad.status).toBe(400);
    expect(bad.json.TackerError.detail.field).toBe('auth_cred.password');
  });
});
