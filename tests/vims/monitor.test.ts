// The reachability monitor (PENDING -> REACHABLE / UNREACHABLE with a MONITOR event per change),
// connectVim/defaultVimFor, and the sandbox VIM seeded on first start.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '@/sandbox/server';
import { configFromEnv } from '@/sandbox/config';
import { call, startHarness, type Harness } from '../support/harness';
import { loadRoutes, projectId, setFaults, vimBody, type VimRoutes } from './support';

let h: Harness;
let r: VimRoutes;
let admin: string;
let monitor: typeof import('@/lib/server/vims/monitor');

beforeAll(async () => {
  h = await startHarness();
  r = await loadRoutes();
  admin = await h.token('admin');
  monitor = await import('@/lib/server/vims/monitor');
});
afterAll(async () => {
  monitor?.stopVimMonitor();
  await setFaults(h, null).catch(() => {});
  await h?.close();
});

async function register(name: string, over: Record<string, unknown> = {}) {
  const res = await call(r.list.POST, 'POST', '/v1.0/vims', { token: admin, body: vimBody(h, { name, ...over }) });
  expect(res.status).toBe(201);
  return res.json.vim.id as string;
}

async function monitorEvents(id: string) {
  const { db } = await import('@/lib/server/db');
  const rows = await db().event.findMany({ where: { resourceId: id, eventType: 'MONITOR' }, orderBy: { id: 'asc' } });
  return rows.map((e) => ({ state: e.resourceState, details: JSON.parse(e.eventDetails) as { previous: string; reason: string } }));
}

async function statusOf(id: string) {
  const { db } = await import('@/lib/server/db');
  return (await db().vim.findUniqueOrThrow({ where: { id } })).status;
}

describe('reachability checks', () => {
  it('PENDING -> REACHABLE -> UNREACHABLE (Keystone answers 503) -> REACHABLE, one event per change', async () => {
    const id = await register('watched');
    expect(await statusOf(id)).toBe('PENDING');
    expect(await monitor.checkVim(id)).toBe('REACHABLE');
    expect(await monitor.checkVim(id)).toBe('REACHABLE'); // no change, no event
    expect(await monitorEvents(id)).toEqual([{ state: 'REACHABLE', details: { previous: 'PENDING', reason: 'Keystone issued a project-scoped token' } }]);

    await setFaults(h, { errorRate: 1, services: ['identity'] });
    try {
      expect(await monitor.checkVim(id)).toBe('UNREACHABLE');
    } finally {
      await setFaults(h, null);
    }
    const afterFault = await monitorEvents(id);
    expect(afterFault).toHaveLength(2);
    expect(afterFault[1].state).toBe('UNREACHABLE');
    expect(afterFault[1].details.previous).toBe('REACHABLE');
    expect(afterFault[1].details.reason).toMatch(/503|Service Unavailable/);

    expect(await monitor.checkVim(id)).toBe('REACHABLE');
    expect((await monitorEvents(id)).map((e) => e.state)).toEqual(['REACHABLE', 'UNREACHABLE', 'REACHABLE']);
    // the API shows the status
    expect((await call(r.one.GET, 'GET', `/v1.0/vims/${id}`, { token: admin, params: { id } })).json.vim.status).toBe('REACHABLE');
  });

  it('a cloud whose port stopped answering becomes UNREACHABLE', async () => {
    const other = await startSandbox({ ...configFromEnv({} as NodeJS.ProcessEnv), port: 0, stateDir: path.join(h.dataDir, 'other-cloud') });
    let closed = false;
    try {
      const res = await call(r.list.POST, 'POST', '/v1.0/vims', { token: admin, body: vimBody(h, { name: 'other-cloud', auth_url: `${other.url}/identity/v3` }) });
      expect(res.status).toBe(201);
      const id = res.json.vim.id;
      expect(await monitor.checkVim(id)).toBe('REACHABLE');
      await other.close();
      closed = true;
      expect(await monitor.checkVim(id)).toBe('UNREACHABLE');
      const ev = await monitorEvents(id);
      expect(ev.map((e) => e.state)).toEqual(['REACHABLE', 'UNREACHABLE']);
      expect(ev[1].details.reason).toMatch(/ECONNREFUSED|refused|connect/i);
    } finally {
      if (!closed) await other.close();
    }
  });

  it('the background task checks every VIM on its interval, and checks a new VIM right after registration', async () => {
    const id = await register('background');
    process.env.TRELLIS_VIM_CHECK_INTERVAL_S = '0.2';
    await monitor.startVimMonitor();
    try {
      for (let i = 0; i < 50 && (await statusOf(id)) !== 'REACHABLE'; i++) await new Promise((res) => setTimeout(res, 100));
      expect(await statusOf(id)).toBe('REACHABLE');
      // registration triggers a check of its own (not waiting for the next round)
      monitor.stopVimMonitor();
      const fresh = await register('fresh');
      for (let i = 0; i < 50 && (await statusOf(fresh)) !== 'REACHABLE'; i++) await new Promise((res) => setTimeout(res, 100));
      expect(await statusOf(fresh)).toBe('REACHABLE');
    } finally {
      monitor.stopVimMonitor();
      const { onVimChanged } = await import('@/lib/server/vims/service');
      onVimChanged(undefined);
      delete process.env.TRELLIS_VIM_CHECK_INTERVAL_S;
    }
  });

  it('refuses a bad interval setting', () => {
    expect(monitor.checkIntervalMs({})).toBe(60_000);
    expect(monitor.checkIntervalMs({ TRELLIS_VIM_CHECK_INTERVAL_S: '5' })).toBe(5000);
    expect(() => monitor.checkIntervalMs({ TRELLIS_VIM_CHECK_INTERVAL_S: 'soon' })).toThrow('TRELLIS_VIM_CHECK_INTERVAL_S must be a positive number of seconds, got "soon"');
    expect(() => monitor.checkIntervalMs({ TRELLIS_VIM_CHECK_INTERVAL_S: '0' })).toThrow(/positive/);
  });

  it('a deleted VIM is not checked', async () => {
    const id = await register('gone');
    expect((await call(r.one.DELETE, 'DELETE', `/v1.0/vims/${id}`, { token: admin, params: { id } })).status).toBe(204);
    expect(await monitor.checkVim(id)).toBeNull();
  });
});

describe('connectVim / defaultVimFor', () => {
  it('connects to the default VIM of a project with its stored credentials', async () => {
    const { connectVim, defaultVimFor } = await import('@/lib/server/vims/connect');
    const demoProject = await projectId(h, 'demo');
    expect(await defaultVimFor(demoProject)).toBeNull();
    const res = await call(r.list.POST, 'POST', '/v1.0/vims', {
      token: await h.token('demo'),
      body: vimBody(h, { name: 'demo-default', is_default: true }, { username: 'demo', password: 'demo' }, { name: 'demo' }),
    });
    expect(res.status).toBe(201);
    const row = await defaultVimFor(demoProject);
    expect(row?.id).toBe(res.json.vim.id);
    const cloud = await connectVim(row!);
    try {
      const token = await cloud.token();
      expect(token.project?.name).toBe('demo');
      expect(cloud.session.region).toBe('RegionOne');
    } finally {
      cloud.close();
    }
  });
});

describe('sandbox VIM seeded on first start', () => {
  it('registers the sandbox as the admin project\'s default VIM once, and never again (even after a delete)', async () => {
    const { seedSandboxVim } = await import('@/lib/server/vims/seed');
    const { db } = await import('@/lib/server/db');
    const adminProject = await projectId(h, 'admin');
    const env = { TRELLIS_SANDBOX_VIM: JSON.stringify({ authUrl: h.keystoneUrl, username: 'admin', password: 'admin', project: 'admin' }) };
    // earlier tests left non-default admin VIMs on the same URL: start from a clean slate
    await db().vim.deleteMany({ where: { tenantId: adminProject } });
    await db().vnf.deleteMany({});

    expect(await seedSandboxVim({})).toBeNull(); // nothing configured
    const id = await seedSandboxVim(env);
    expect(id).toBeTruthy();
    const shown = await call(r.one.GET, 'GET', `/v1.0/vims/${id}`, { token: admin, params: { id: id! } });
    expect(shown.json.vim).toMatchObject({ name: 'sandbox', tenant_id: adminProject, is_default: true, auth_url: h.keystoneUrl, placement_attr: { regions: ['RegionOne'] } });
    expect(await seedSandboxVim(env)).toBeNull();
    expect(await db().vim.count({ where: { tenantId: adminProject } })).toBe(1);

    expect((await call(r.one.DELETE, 'DELETE', `/v1.0/vims/${id}`, { token: admin, params: { id: id! } })).status).toBe(204);
    expect(await seedSandboxVim(env)).toBeNull();
    expect(await db().vim.count({ where: { tenantId: adminProject, deletedAt: null } })).toBe(0);
  });

  it('reports a broken setting', async () => {
    const { seedSandboxVim } = await import('@/lib/server/vims/seed');
    await expect(seedSandboxVim({ TRELLIS_SANDBOX_VIM: '{"authUrl":"http://x"}' })).rejects.toThrow('TRELLIS_SANDBOX_VIM needs a string "username"');
  });
});
