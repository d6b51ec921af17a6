// VIMs that authenticate with a Keystone application credential (id + secret) instead of a password.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startHarness, type Harness } from '../support/harness';
import { loadRoutes, type VimRoutes } from './support';

let h: Harness;
let r: VimRoutes;
let admin: string;
let appCred: { id: string; secret: string };

beforeAll(async () => {
  h = await startHarness();
  r = await loadRoutes();
  admin = await h.token('admin');
  // an application credential of admin on project admin
  const who = await fetch(`${h.keystoneUrl}/auth/tokens`, { headers: { 'x-auth-token': admin, 'x-subject-token': admin } });
  const userId = (await who.json()).token.user.id;
  const res = await fetch(`${h.keystoneUrl}/users/${userId}/application_credentials`, {
    method: 'POST',
    headers: { 'x-auth-token': admin, 'content-type': 'application/json' },
    body: JSON.stringify({ application_credential: { name: 'trellis-vim', secret: 'AppCred-Secret-0a1b2c3d4e' } }),
  });
  expect(res.status).toBe(201);
  const { application_credential: ac } = await res.json();
  appCred = { id: ac.id, secret: ac.secret };
});
afterAll(async () => h?.close());

const body = (cred: Record<string, unknown>, project: Record<string, unknown> = { name: 'admin' }, over: Record<string, unknown> = {}) => ({
  vim: { name: 'ac-vim', auth_url: h.keystoneUrl, auth_cred: { cert_verify: 'False', ...cred }, vim_project: project, ...over },
});
const create = (b: unknown) => call(r.list.POST, 'POST', '/v1.0/vims', { token: admin, body: b });
const update = (id: string, vim: unknown) => call(r.one.PUT, 'PUT', `/v1.0/vims/${id}`, { token: admin, params: { id }, body: { vim } });

describe('application credentials', () => {
  let id: string;

  it('registers with an application credential; the secret is masked and encrypted', async () => {
    const res = await create(body({ application_credential_id: appCred.id, application_credential_secret: appCred.secret }));
    expect(res.status).toBe(201);
    id = res.json.vim.id;
    expect(res.json.vim.auth_cred).toEqual({ application_credential_id: appCred.id, application_credential_secret: '***', cert_verify: 'False' });
    expect(res.json.vim.placement_attr.regions).toEqual(['RegionOne']);
    expect(res.text).not.toContain(appCred.secret);
    const base = path.join(h.dataDir, 'trellis.db');
    const bytes = Buffer.concat([base, `${base}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)));
    expect(bytes.includes(Buffer.from(appCred.secret))).toBe(false);
    const { checkVim } = await import('@/lib/server/vims/monitor');
    expect(await checkVim(id)).toBe('REACHABLE');
  });

  it('connectVim authenticates with it', async () => {
    const { connectVim } = await import('@/lib/server/vims/connect');
    const { db } = await import('@/lib/server/db');
    const cloud = await connectVim(await db().vim.findUniqueOrThrow({ where: { id } }));
    const token = await cloud.token();
    expect(token.methods).toContain('application_credential');
    expect(token.applicationCredentialId).toBe(appCred.id);
    cloud.close();
  });

  it('400 for a wrong secret, naming application_credential_secret', async () => {
    const res = await create(body({ application_credential_id: appCred.id, application_credential_secret: 'wrong' }, { name: 'admin' }, { name: 'ac-bad' }));
    expect(res.status).toBe(400);
    expect(res.json.TackerError.detail).toMatchObject({ field: 'auth_cred.application_credential_secret', kind: 'auth' });
    expect(res.json.TackerError.message).toContain(`refused application credential ${appCred.id}`);
  });

  it('400 when vim_project is not the credential\'s project', async () => {
    const res = await create(body({ application_credential_id: appCred.id, application_credential_secret: appCred.secret }, { name: 'demo' }, { name: 'ac-proj' }));
    expect(res.status).toBe(400);
    expect(res.json.TackerError.detail).toMatchObject({ field: 'vim_project', kind: 'project' });
    expect(res.json.TackerError.message).toMatch(/belongs to project admin \([0-9a-f]+\), not to project demo \(domain Default\)/);
  });

  it.each([
    ['a user and an application credential', { username: 'admin', password: 'admin', application_credential_id: 'x', application_credential_secret: 'y' }, 'vim.auth_cred.username: give either a user and password or an application credential, not both'],
    ['an id without secret', { application_credential_id: 'x' }, 'vim.auth_cred.application_credential_secret: is required'],
    ['a secret without id', { application_credential_secret: 'y' }, 'vim.auth_cred.application_credential_id: is required with application_credential_secret'],
  ])('400 for %s', async (_what, cred, message) => {
    const res = await create(body(cred, { name: 'admin' }, { name: 'ac-mixed' }));
    expect(res.status).toBe(400);
    expect(res.json.TackerError.message).toContain(message);
  });

  it('updates: a password for an app-credential VIM is refused; switching to a user needs its password', async () => {
    const pw = await update(id, { auth_cred: { password: 'admin' } });
    expect(pw.status).toBe(400);
    expect(pw.json.TackerError.message).toBe('Invalid input for auth_cred.password: this VIM authenticates with an application credential');
    const noPw = await update(id, { auth_cred: { username: 'admin' } });
    expect(noPw.status).toBe(400);
    expect(noPw.json.TackerError.message).toBe('Invalid input for auth_cred.password: is required when switching to a user and password');
    const switched = await update(id, { auth_cred: { username: 'admin', password: 'admin' } });
    expect(switched.status).toBe(200);
    expect(switched.json.vim.auth_cred).toEqual({ username: 'admin', user_domain_name: 'Default', cert_verify: 'False', password: '***' });
    const back = await update(id, { auth_cred: { application_credential_id: appCred.id, application_credential_secret: appCred.secret } });
    expect(back.status).toBe(200);
    expect(back.json.vim.auth_cred.application_credential_id).toBe(appCred.id);
  });
});
