// The VNF lifecycle through the real /v1.0/vnfs handlers, the job runner and stack tracker,
// against the in-process sandbox cloud (real Keystone/Heat/Nova APIs over HTTP).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startHarness, type Harness } from '../support/harness';
import { insertVim, projectOf, sample, setFaults, waitFor, startVnfWorkers, stopVnfWorkers } from './helpers';

let h: Harness;
let list: typeof import('@/app/v1.0/vnfs/route');
let item: typeof import('@/app/v1.0/vnfs/[id]/route');
let actions: typeof import('@/app/v1.0/vnfs/[id]/actions/route');
let resources: typeof import('@/app/v1.0/vnfs/[id]/resources/route');
let mapping: typeof import('@/app/api/vnfs/[id]/mapping/route');
let dbm: typeof import('@/lib/server/db');
let admin: string;
let demo: string;
let adminVim: string;
let demoVim: string;

const SCALE = sample('tosca-vnfd-scale.yaml');
const HELLO = sample('tosca-vnfd-hello-world.yaml');

beforeAll(async () => {
  h = await startHarness({ resourceDelayMs: 30 });
  list = await import('@/app/v1.0/vnfs/route');
  item = await import('@/app/v1.0/vnfs/[id]/route');
  actions = await import('@/app/v1.0/vnfs/[id]/actions/route');
  resources = await import('@/app/v1.0/vnfs/[id]/resources/route');
  mapping = await import('@/app/api/vnfs/[id]/mapping/route');
  dbm = await import('@/lib/server/db');
  admin = await h.token('admin');
  demo = await h.token('demo');
  adminVim = await insertVim(h, { user: 'admin', tenantId: await projectOf(h, admin), isDefault: true });
  demoVim = await insertVim(h, { user: 'demo', tenantId: await projectOf(h, demo) });
  await startVnfWorkers();
});
afterAll(async () => {
  await stopVnfWorkers();
  await h?.close();
});

const create = (token: string, vnf: Record<string, unknown>) => call(list.POST, 'POST', '/v1.0/vnfs', { token, body: { vnf } });
const show = (token: string, id: string) => call(item.GET, 'GET', `/v1.0/vnfs/${id}`, { token, params: { id } });
const scale = (token: string, id: string, type: 'out' | 'in', policy = 'SP1') => call(actions.POST, 'POST', `/v1.0/vnfs/${id}/actions`, { token, params: { id }, body: { scale: { type, policy } } });
const remove = (token: string, id: string, body: unknown = {}) => call(item.DELETE, 'DELETE', `/v1.0/vnfs/${id}`, { token, params: { id }, body });
const settled = (token: string, id: string, timeoutMs = 20_000) =>
  waitFor(async () => {
    const r = await show(token, id);
    return r.status === 200 && !r.json.vnf.status.startsWith('PENDING_') ? r.json.vnf : null;
  }, timeoutMs);
const stacksNamed = (name: string) => Object.values(h.sandbox.store.state.heat.stacks).filter((s) => s.name === name);
const vnfEvents = async (id: string) => dbm.db().event.findMany({ where: { resourceId: id }, orderBy: { id: 'asc' } });

describe('launch, scale, update and delete a VNF with a scaling policy', () => {
  let id = '';

  it('launch: 201 in PENDING_CREATE with the Heat stack id, then ACTIVE with mgmt_url from every group member', async () => {
    const res = await create(admin, { name: 'scaled', description: 'scale sample', vnfd_template: SCALE, vim_id: adminVim, placement_attr: { region_name: 'RegionOne' } });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    const v = res.json.vnf;
    id = v.id;
    expect(v).toMatchObject({ name: 'scaled', status: 'PENDING_CREATE', vim_id: adminVim, mgmt_url: null, error_reason: null, placement_attr: { region_name: 'RegionOne' } });
    expect(v.instance_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(typeof v.attributes.heat_template).toBe('string');
    expect(v.attributes.heat_template).toContain('OS::Heat::AutoScalingGroup');
    expect(JSON.parse(v.attributes.scaling_group_names)).toEqual({ SP1: 'SP1_group' });

    const active = await settled(admin, id);
    expect(active.status).toBe('ACTIVE');
    const mgmt = JSON.parse(active.mgmt_url);
    expect(mgmt.VDU1).toHaveLength(2); // default_instances: 2
    expect(mgmt.VDU2).toHaveLength(2);
    for (const ip of [...mgmt.VDU1, ...mgmt.VDU2]) expect(ip).toMatch(/^192\.168\.120\.\d+$/);
    expect(active.mgmt_ip_address).toBe(active.mgmt_url);

    const stack = stacksNamed(`vnf-scaled-${id}`);
    expect(stack).toHaveLength(1);
    expect(stack[0].id).toBe(v.instance_id);
    expect(stack[0].disableRollback).toBe(true);
    const events = await vnfEvents(id);
    expect(events.map((e) => `${e.eventType}:${e.resourceState}`)).toEqual(['CREATE:PENDING_CREATE', 'CREATE:ACTIVE']);
  });

  it('resources and the UI mapping list the Nova servers inside the scaling group', async () => {
    const r = await call(resources.GET, 'GET', `/v1.0/vnfs/${id}/resources`, { token: admin, params: { id } });
    expect(r.status).toBe(200);
    const servers = r.json.resources.filter((x: { type: string }) => x.type === 'OS::Nova::Server');
    expect(servers).toHaveLength(4);
    for (const s of r.json.resources) expect(Object.keys(s).sort()).toEqual(['id', 'name', 'type']);

    const m = await call(mapping.GET, 'GET', `/api/vnfs/${id}/mapping`, { token: admin, params: { id } });
    expect(m.status).toBe(200);
    expect(m.json.stack).toMatchObject({ id: (await show(admin, id)).json.vnf.instance_id, status: 'CREATE_COMPLETE' });
    expect(m.json.servers).toHaveLength(4);
    const novaIds = new Set(h.sandbox.store.state.cloud.servers.map((s: { id: string }) => s.id));
    for (const s of m.json.servers) {
      expect(novaIds.has(s.id)).toBe(true);
      expect(s.status).toBe('ACTIVE');
      expect(s.addresses[0].network).toBe('net_mgmt');
      expect(s.parent).toBeTruthy(); // a member of SP1_group's nested stack
    }
    expect(m.json.resources.find((x: { name: string }) => x.name === 'SP1_group').type).toBe('OS::Heat::AutoScalingGroup');
  });

  it('invalid transitions are 409 naming the current state', async () => {
    const out = await scale(admin, id, 'out');
    expect(out.status).toBe(202);
    expect((await show(admin, id)).json.vnf.status).toBe('PENDING_SCALE_OUT');
    const again = await scale(admin, id, 'in');
    expect(again.status).toBe(409);
    expect(again.json.TackerError.type).toBe('VNFInvalidState');
    expect(again.json.TackerError.message).toContain('PENDING_SCALE_OUT');
    expect(again.json.TackerError.detail.current_state).toBe('PENDING_SCALE_OUT');
    const del = await remove(admin, id);
    expect(del.status).toBe(409);
    expect(del.json.TackerError.message).toContain('PENDING_SCALE_OUT');
  });

  it('scale out settles ACTIVE with one more member; scale in with one fewer', async () => {
    let v = await settled(admin, id);
    expect(v.status).toBe('ACTIVE');
    expect(JSON.parse(v.mgmt_url).VDU1).toHaveLength(3);
    const inn = await scale(admin, id, 'in');
    expect(inn.status).toBe(202);
    expect(inn.json).toEqual({ scale: { type: 'in', policy: 'SP1' } });
    v = await settled(admin, id);
    expect(v.status).toBe('ACTIVE');
    expect(JSON.parse(v.mgmt_url).VDU1).toHaveLength(2);
    const events = await vnfEvents(id);
    const scaleEvents = events.filter((e) => e.eventType === 'SCALE').map((e) => e.resourceState);
    expect(scaleEvents).toEqual(['PENDING_SCALE_OUT', 'ACTIVE', 'PENDING_SCALE_IN', 'ACTIVE']);
  });

  it('scale with an unknown policy is a 400 naming it', async () => {
    const res = await scale(admin, id, 'out', 'SP9');
    expect(res.status).toBe(400);
    expect(res.json.TackerError.message).toContain("no scaling policy 'SP9'");
  });

  it('update of attributes.config: PENDING_UPDATE then ACTIVE, config merged', async () => {
    const res = await call(item.PUT, 'PUT', `/v1.0/vnfs/${id}`, { token: admin, params: { id }, body: { vnf: { attributes: { config: { vdus: { VDU1: { config: { firewall: 'package firewall' } } } } } } } });
    expect(res.status).toBe(200);
    expect(res.json.vnf.status).toBe('PENDING_UPDATE');
    expect(res.json.vnf.attributes.config).toContain('firewall: package firewall');
    const v = await settled(admin, id);
    expect(v.status).toBe('ACTIVE');
    const bad = await call(item.PUT, 'PUT', `/v1.0/vnfs/${id}`, { token: admin, params: { id }, body: { vnf: { attributes: { config: 'vdus: [' } } } });
    expect(bad.status).toBe(400);
    expect(bad.json.TackerError.message).toMatch(/vnf\.attributes\.config: YAML syntax error at line 1, column \d+/);
  });

  it('delete: 204, PENDING_DELETE, stack deleted, VNF gone (soft-deleted, events kept), inline VNFD deleted with it', async () => {
    const before = await show(admin, id);
    const res = await remove(admin, id);
    expect(res.status).toBe(204);
    await waitFor(async () => (await show(admin, id)).status === 404);
    const stack = h.sandbox.store.state.heat.stacks[before.json.vnf.instance_id];
    expect(`${stack.action}_${stack.status}`).toBe('DELETE_COMPLETE');
    const row = await dbm.db().vnf.findUnique({ where: { id } });
    expect(row?.deletedAt).not.toBeNull();
    const vnfd = await dbm.db().vnfd.findUnique({ where: { id: before.json.vnf.vnfd_id } });
    expect(vnfd?.templateSource).toBe('inline');
    expect(vnfd?.deletedAt).not.toBeNull();
    const events = await vnfEvents(id);
    expect(events.slice(-2).map((e) => `${e.eventType}:${e.resourceState}:${e.eventDetails}`)).toEqual(['DELETE:PENDING_DELETE:VNF delete request received', 'DELETE:PENDING_DELETE:VNF Delete Complete']);
    const listed = await call(list.GET, 'GET', '/v1.0/vnfs', { token: admin });
    expect(listed.json.vnfs.map((v: { id: string }) => v.id)).not.toContain(id);
  });
});

describe('failures and validation', () => {
  it('an injected resource failure ends in ERROR with Heat\'s stack_status_reason', async () => {
    await setFaults(h, admin, { failResources: [{ name: 'VDU1', reason: 'No valid host was found. There are not enough hosts available.' }] });
    try {
      const res = await create(admin, { name: 'doomed', vnfd_template: HELLO });
      expect(res.status).toBe(201);
      const v = await settled(admin, res.json.vnf.id);
      expect(v.status).toBe('ERROR');
      expect(v.error_reason).toContain('No valid host was found');
      expect(v.error_reason).toContain('VDU1');
      const stack = Object.values(h.sandbox.store.state.heat.stacks).find((s) => s.id === v.instance_id)!;
      expect(v.error_reason).toBe(stack.statusReason);
      // ERROR may be deleted
      expect((await remove(admin, v.id)).status).toBe(204);
      await waitFor(async () => (await show(admin, v.id)).status === 404);
    } finally {
      await setFaults(h, admin, null);
    }
  });

  it('Heat answering 503s: the job retries and the VNF still ends ACTIVE with exactly one stack', async () => {
    await setFaults(h, admin, { failNextRequests: 6, services: ['orchestration'] });
    try {
      const res = await create(admin, { name: 'flaky', vnfd_template: HELLO, vim_id: adminVim });
      expect(res.status).toBe(201);
      const v = await settled(admin, res.json.vnf.id);
      expect(v.status).toBe('ACTIVE');
      expect(stacksNamed(`vnf-flaky-${v.id}`)).toHaveLength(1);
      const job = await dbm.db().job.findFirst({ where: { vnfId: v.id, kind: 'create' } });
      expect(job?.status).toBe('DONE');
      expect(job?.attempts).toBeGreaterThanOrEqual(1); // a Heat call failed and the job was retried
    } finally {
      await setFaults(h, admin, null);
    }
  });

  it('vim_id empty uses the project default VIM; a region the VIM lacks is a 400', async () => {
    const bad = await create(admin, { name: 'nowhere', vnfd_template: HELLO, placement_attr: { region_name: 'Atlantis' } });
    expect(bad.status).toBe(400);
    expect(bad.json.TackerError.message).toContain("vnf.placement_attr.region_name: 'Atlantis' is not a region of VIM");
    const ok = await create(admin, { name: 'default-vim', vnfd_template: HELLO, vim_id: '' });
    expect(ok.status).toBe(201);
    expect(ok.json.vnf.vim_id).toBe(adminVim);
    const v = await settled(admin, ok.json.vnf.id);
    expect(v.status).toBe('ACTIVE');
    expect(JSON.parse(v.mgmt_url)).toEqual({ VDU1: expect.stringMatching(/^192\.168\.120\./) });
    // no scaling policies: scale is a 400, not a crash
    expect((await scale(admin, v.id, 'out')).status).toBe(400);
    // demo has no default VIM
    const none = await create(demo, { name: 'x', vnfd_template: HELLO });
    expect(none.status).toBe(400);
    expect(none.json.TackerError.message).toContain('vnf.vim_id');
  });

  it('a broken template is a 400 with line and column; unknown attributes are named', async () => {
    const broken = HELLO.replace('tosca.nodes.nfv.VDU.Tacker', 'tosca.nodes.nfv.VDU.Nope');
    const res = await create(admin, { name: 'broken', vnfd_template: broken, vim_id: adminVim });
    expect(res.status).toBe(400);
    expect(res.json.TackerError.message).toMatch(/vnf\.vnfd_template: .*\(line \d+, column \d+\)/);
    expect(res.json.TackerError.detail[0].line).toBeGreaterThan(1);
    const yamlErr = await create(admin, { name: 'broken', vnfd_template: 'a: [1\n', vim_id: adminVim });
    expect(yamlErr.status).toBe(400);
    expect(yamlErr.json.TackerError.detail[0]).toMatchObject({ field: 'vnf.vnfd_template', line: expect.any(Number), column: expect.any(Number) });
    const unknown = await create(admin, { name: 'x', vnfd_template: HELLO, colour: 'red' });
    expect(unknown.status).toBe(400);
    expect(unknown.json.TackerError.message).toContain("'colour'");
    const neither = await create(admin, { name: 'x', vim_id: adminVim });
    expect(neither.status).toBe(400);
    expect(neither.json.TackerError.message).toContain('vnfd_id');
    const missingVnfd = await create(admin, { name: 'x', vnfd_id: '00000000-0000-0000-0000-000000000000' });
    expect(missingVnfd.status).toBe(404);
  });

  it('launch from an onboarded VNFD (vnfd_id) with param_values as YAML text', async () => {
    const { db } = dbm;
    const tenantId = await projectOf(h, demo);
    const vnfdId = crypto.randomUUID();
    await db().vnfd.create({ data: { id: vnfdId, tenantId, name: 'param-vnfd', versions: { create: { id: crypto.randomUUID(), version: 1, template: sample('tosca-vnfd-with-params.yaml') } } } });
    const params = sample('tosca-vnfd-param-values.yaml'); // YAML flow mapping, as Tacker's sample
    const res = await create(demo, { name: 'with-params', vnfd_id: vnfdId, vim_id: demoVim, attributes: { param_values: params } });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    expect(res.json.vnf.attributes.param_values).toContain('image_name: cirros-0.3.5-x86_64-disk');
    const v = await settled(demo, res.json.vnf.id);
    expect(v.status).toBe('ACTIVE');
    expect(v.vnfd_id).toBe(vnfdId);
  });
});

describe('project isolation and policy', () => {
  it('demo cannot see, scale or delete an admin VNF (404), and lists only its own', async () => {
    const res = await create(admin, { name: 'private', vnfd_template: HELLO, vim_id: adminVim });
    const id = res.json.vnf.id;
    expect((await show(demo, id)).status).toBe(404);
    expect((await scale(demo, id, 'out')).status).toBe(404);
    expect((await remove(demo, id)).status).toBe(404);
    expect((await call(resources.GET, 'GET', `/v1.0/vnfs/${id}/resources`, { token: demo, params: { id } })).status).toBe(404);
    expect((await call(mapping.GET, 'GET', `/api/vnfs/${id}/mapping`, { token: demo, params: { id } })).status).toBe(404);
    const demoList = await call(list.GET, 'GET', '/v1.0/vnfs', { token: demo });
    expect(demoList.json.vnfs.every((v: { tenant_id: string }) => v.tenant_id !== res.json.vnf.tenant_id)).toBe(true);
    const adminList = await call(list.GET, 'GET', `/v1.0/vnfs?id=${id}&fields=id`, { token: admin });
    expect(adminList.json.vnfs).toEqual([{ id }]);
    // demo cannot launch on the admin VIM (not shared)
    const onAdminVim = await create(demo, { name: 'steal', vnfd_template: HELLO, vim_id: adminVim });
    expect(onAdminVim.status).toBe(404);
  });
});
