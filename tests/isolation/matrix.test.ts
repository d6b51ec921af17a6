// Tenant isolation: every v1.0 route × {owner, member of another project, admin, no token}.
// The owner and admins reach the resource; another project neither sees it (404, not 403: no
// existence leak) nor finds it in lists; without a token everything is a 401.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startHarness, type Harness } from '../support/harness';

const SAMPLES = path.resolve(__dirname, '../../../shared/conformance/tacker-pike/samples-vnfd');
const HELLO = fs.readFileSync(path.join(SAMPLES, 'tosca-vnfd-hello-world.yaml'), 'utf8');

let h: Harness;
let routes: {
  vims: typeof import('@/app/v1.0/vims/route');
  vim: typeof import('@/app/v1.0/vims/[id]/route');
  vnfds: typeof import('@/app/v1.0/vnfds/route');
  vnfd: typeof import('@/app/v1.0/vnfds/[id]/route');
  vnfs: typeof import('@/app/v1.0/vnfs/route');
  vnf: typeof import('@/app/v1.0/vnfs/[id]/route');
  resources: typeof import('@/app/v1.0/vnfs/[id]/resources/route');
  actions: typeof import('@/app/v1.0/vnfs/[id]/actions/route');
  events: typeof import('@/app/v1.0/events/route');
  event: typeof import('@/app/v1.0/events/[id]/route');
};
type Who = 'owner' | 'other' | 'admin' | 'none';
const tokens: Record<Who, string | undefined> = { owner: undefined, other: undefined, admin: undefined, none: undefined };
const ids = { vim: '', vnfd: '', vnf: '', event: '' };

beforeAll(async () => {
  h = await startHarness();
  routes = {
    vims: await import('@/app/v1.0/vims/route'),
    vim: await import('@/app/v1.0/vims/[id]/route'),
    vnfds: await import('@/app/v1.0/vnfds/route'),
    vnfd: await import('@/app/v1.0/vnfds/[id]/route'),
    vnfs: await import('@/app/v1.0/vnfs/route'),
    vnf: await import('@/app/v1.0/vnfs/[id]/route'),
    resources: await import('@/app/v1.0/vnfs/[id]/resources/route'),
    actions: await import('@/app/v1.0/vnfs/[id]/actions/route'),
    events: await import('@/app/v1.0/events/route'),
    event: await import('@/app/v1.0/events/[id]/route'),
  };
  tokens.owner = await h.token('demo');
  tokens.other = (await h.newProjectMember('tenant-b')).token;
  tokens.admin = await h.token('admin');

  // The owner (demo) registers a VIM, onboards a VNFD and launches a VNF.
  const vim = await call(routes.vims.POST, 'POST', '/v1.0/vims', {
    token: tokens.owner,
    body: {
      vim: {
        name: 'demo-vim',
        type: 'openstack',
        auth_url: h.keystoneUrl,
        auth_cred: { username: 'demo', password: 'demo', user_domain_name: 'Default' },
        vim_project: { name: 'demo', project_domain_name: 'Default' },
        is_default: true,
      },
    },
  });
  expect(vim.status, JSON.stringify(vim.json)).toBe(201);
  ids.vim = vim.json.vim.id;
  const vnfd = await call(routes.vnfds.POST, 'POST', '/v1.0/vnfds', { token: tokens.owner, body: { vnfd: { name: 'demo-vnfd', attributes: { vnfd: HELLO } } } });
  expect(vnfd.status, JSON.stringify(vnfd.json)).toBe(201);
  ids.vnfd = vnfd.json.vnfd.id;
  const vnf = await call(routes.vnfs.POST, 'POST', '/v1.0/vnfs', { token: tokens.owner, body: { vnf: { name: 'demo-vnf', vnfd_id: ids.vnfd, vim_id: ids.vim } } });
  expect(vnf.status, JSON.stringify(vnf.json)).toBe(201);
  ids.vnf = vnf.json.vnf.id;
  const events = await call(routes.events.GET, 'GET', `/v1.0/events?resource_id=${ids.vnf}`, { token: tokens.owner });
  ids.event = String(events.json.events[0].id);
});
afterAll(async () => h?.close());

const expected = (owner: number, other: number, admin: number): Record<Who, number> => ({ owner, other, admin, none: 401 });
const WHO: Who[] = ['owner', 'other', 'admin', 'none'];

describe('lists show only what the caller may see', () => {
  for (const who of WHO) {
    it(`vims, vnfds, vnfs, events as ${who}`, async () => {
      const token = tokens[who];
      const lists = {
        vim: await call(routes.vims.GET, 'GET', '/v1.0/vims', { token }),
        vnfd: await call(routes.vnfds.GET, 'GET', '/v1.0/vnfds', { token }),
        vnf: await call(routes.vnfs.GET, 'GET', '/v1.0/vnfs', { token }),
        event: await call(routes.events.GET, 'GET', '/v1.0/events', { token }),
      };
      for (const [kind, res] of Object.entries(lists)) {
        if (who === 'none') {
          expect(res.status, kind).toBe(401);
          expect(res.json.TackerError.type).toBe('NotAuthorized');
          continue;
        }
        expect(res.status, kind).toBe(200);
        const collection = `${kind}s`;
        const seen = (res.json[collection] as { id: string | number }[]).map((r) => String(r.id));
        expect(seen.includes(ids[kind as keyof typeof ids]), `${who} sees ${kind}`).toBe(who !== 'other');
      }
    });
  }
});

describe('item routes: owner and admin reach, another project gets 404, no token 401', () => {
  const table: { name: string; expect: Record<Who, number>; run: (token?: string) => Promise<{ status: number; json: any }> }[] = [
    { name: 'GET /v1.0/vims/{id}', expect: expected(200, 404, 200), run: (token) => call(routes.vim.GET, 'GET', `/v1.0/vims/${ids.vim}`, { token, params: { id: ids.vim } }) },
    { name: 'PUT /v1.0/vims/{id}', expect: expected(200, 404, 200), run: (token) => call(routes.vim.PUT, 'PUT', `/v1.0/vims/${ids.vim}`, { token, params: { id: ids.vim }, body: { vim: { description: `by ${token?.slice(0, 4)}` } } }) },
    { name: 'GET /v1.0/vnfds/{id}', expect: expected(200, 404, 200), run: (token) => call(routes.vnfd.GET, 'GET', `/v1.0/vnfds/${ids.vnfd}`, { token, params: { id: ids.vnfd } }) },
    { name: 'GET /v1.0/vnfs/{id}', expect: expected(200, 404, 200), run: (token) => call(routes.vnf.GET, 'GET', `/v1.0/vnfs/${ids.vnf}`, { token, params: { id: ids.vnf } }) },
    { name: 'GET /v1.0/vnfs/{id}/resources', expect: expected(200, 404, 200), run: (token) => call(routes.resources.GET, 'GET', `/v1.0/vnfs/${ids.vnf}/resources`, { token, params: { id: ids.vnf } }) },
    { name: 'GET /v1.0/events/{id}', expect: expected(200, 404, 200), run: (token) => call(routes.event.GET, 'GET', `/v1.0/events/${ids.event}`, { token, params: { id: ids.event } }) },
  ];
  for (const route of table) {
    for (const who of WHO) {
      it(`${route.name} as ${who} -> ${route.expect[who]}`, async () => {
        const res = await route.run(tokens[who]);
        if (route.expect[who] === 200 && res.status === 409) return; // resources of a VNF still being created: a 409 with its state is fine for the owner
        expect(res.status, JSON.stringify(res.json)).toBe(route.expect[who]);
        if (res.status >= 400) expect(res.json.TackerError).toBeDefined();
      });
    }
  }
});

describe('mutations by another project never touch the resource', () => {
  it('delete and scale of the owner\'s VNF, VNFD and VIM are 404 for another project, 401 without a token', async () => {
    for (const who of ['other', 'none'] as const) {
      const token = tokens[who];
      const want = who === 'other' ? 404 : 401;
      const attempts = [
        await call(routes.vnf.DELETE, 'DELETE', `/v1.0/vnfs/${ids.vnf}`, { token, params: { id: ids.vnf }, body: {} }),
        await call(routes.actions.POST, 'POST', `/v1.0/vnfs/${ids.vnf}/actions`, { token, params: { id: ids.vnf }, body: { scale: { type: 'out', policy: 'SP1' } } }),
        await call(routes.vnfd.DELETE, 'DELETE', `/v1.0/vnfds/${ids.vnfd}`, { token, params: { id: ids.vnfd } }),
        await call(routes.vim.DELETE, 'DELETE', `/v1.0/vims/${ids.vim}`, { token, params: { id: ids.vim } }),
      ];
      expect(attempts.map((a) => a.status), who).toEqual([want, want, want, want]);
    }
    // Everything is still there for the owner.
    const still = await call(routes.vnf.GET, 'GET', `/v1.0/vnfs/${ids.vnf}`, { token: tokens.owner, params: { id: ids.vnf } });
    expect(still.status).toBe(200);
    expect(still.json.vnf.status).not.toMatch(/DELETE/);
    expect((await call(routes.vnfd.GET, 'GET', `/v1.0/vnfds/${ids.vnfd}`, { token: tokens.owner, params: { id: ids.vnfd } })).status).toBe(200);
    expect((await call(routes.vim.GET, 'GET', `/v1.0/vims/${ids.vim}`, { token: tokens.owner, params: { id: ids.vim } })).status).toBe(200);
  });

  it('another project cannot launch on the owner\'s VIM or from the owner\'s VNFD', async () => {
    const res = await call(routes.vnfs.POST, 'POST', '/v1.0/vnfs', { token: tokens.other, body: { vnf: { name: 'intruder', vnfd_id: ids.vnfd, vim_id: ids.vim } } });
    expect([404, 400]).toContain(res.status);
    expect(res.json.TackerError).toBeDefined();
  });
});
