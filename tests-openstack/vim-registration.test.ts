// Rig tier: the REAL Keystone of ../shared/openstack-rig registered as a VIM through the API.
// Skipped unless the OS_* variables of the rig's admin-openrc are set (scripts/test-openstack.sh
// exports them), e.g.:  set -a; . data/openstack-rig/admin-openrc; set +a; npx vitest run --config tests-openstack/vitest.config.ts tests-openstack/vim-registration.test.ts
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startHarness, type Harness } from '../tests/support/harness';
import { loadRoutes, type VimRoutes } from '../tests/vims/support';

const rig = process.env.OS_AUTH_URL && process.env.OS_PASSWORD ? process.env : null;

describe.skipIf(!rig)('a real Keystone (openstack-rig) as a VIM', () => {
  let h: Harness;
  let r: VimRoutes;
  let admin: string;
  const env = rig as NodeJS.ProcessEnv;
  const body = (over: Record<string, unknown> = {}, cred: Record<string, unknown> = {}) => ({
    vim: {
      name: 'rig',
      auth_url: env.OS_AUTH_URL,
      auth_cred: { username: env.OS_USERNAME ?? 'admin', password: env.OS_PASSWORD, user_domain_name: env.OS_USER_DOMAIN_NAME ?? 'Default', cert_verify: 'True', ...cred },
      vim_project: { name: env.OS_PROJECT_NAME ?? 'admin', project_domain_name: env.OS_PROJECT_DOMAIN_NAME ?? 'Default' },
      ...over,
    },
  });

  beforeAll(async () => {
    h = await startHarness(); // Trellis's own sign-in still uses the sandbox
    r = await loadRoutes();
    admin = await h.token('admin');
  }, 60_000);
  afterAll(async () => h?.close());

  it('registers, discovers its regions, is REACHABLE, and is deleted', async () => {
    const res = await call(r.list.POST, 'POST', '/v1.0/vims', { token: admin, body: body({ auth_url: env.OS_AUTH_URL!.replace(/\/v3\/?$/, '') }) });
    expect(res.status).toBe(201);
    expect(res.json.vim.auth_url).toMatch(/\/v3$/);
    expect(res.json.vim.placement_attr.regions).toContain(env.OS_REGION_NAME ?? 'RegionOne');
    expect(res.json.vim.auth_cred.password).toBe('***');
    const { checkVim } = await import('@/lib/server/vims/monitor');
    expect(await checkVim(res.json.vim.id)).toBe('REACHABLE');
    const { connectVim } = await import('@/lib/server/vims/connect');
    const { db } = await import('@/lib/server/db');
    const cloud = await connectVim(await db().vim.findUniqueOrThrow({ where: { id: res.json.vim.id } }));
    expect((await cloud.token()).project?.name).toBe(env.OS_PROJECT_NAME ?? 'admin');
    cloud.close();
    expect((await call(r.one.DELETE, 'DELETE', `/v1.0/vims/${res.json.vim.id}`, { token: admin, params: { id: res.json.vim.id } })).status).toBe(204);
  }, 60_000);

  it('refuses a wrong password and an unknown project with the real Keystone\'s answers', async () => {
    const pw = await call(r.list.POST, 'POST', '/v1.0/vims', { token: admin, body: body({ name: 'rig-bad' }, { password: 'definitely-wrong' }) });
    expect(pw.status).toBe(400);
    expect(pw.json.TackerError.detail).toMatchObject({ field: 'auth_cred.password', kind: 'auth' });
    const b = body({ name: 'rig-noproj' });
    (b.vim.vim_project as { name: string }).name = 'no-such-project';
    const proj = await call(r.list.POST, 'POST', '/v1.0/vims', { token: admin, body: b });
    expect(proj.status).toBe(400);
    expect(proj.json.TackerError.detail).toMatchObject({ field: 'vim_project', kind: 'project' });
  }, 60_000);
});
