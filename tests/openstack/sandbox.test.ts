// The clients against the embedded sandbox cloud (sandbox/main.ts, started here on a free
// port with a temporary state dir): Keystone logins, a full Heat stack life (files, 302,
// nested resources, events, outputs, signal, PATCH, delete), Nova/Glance/Neutron reads,
// and the sandbox's fault injection driving the clients' retry / timeout / re-auth paths.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cloud, HttpClient, OpenStackError, listAuthProjects, serverAddresses, type RequestLogEntry, type Stack, type StackRef } from '@/lib/openstack';
import { sandboxAvailable, startSandboxProcess, type SandboxProcess } from './sandbox-process';

if (!sandboxAvailable) console.log('[tests/openstack] sandbox integration tests skipped: sandbox/main.ts does not exist yet');

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');

/** Bounded poll until `probe` returns something other than undefined. */
async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const v = await probe();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

describe.skipIf(!sandboxAvailable)('clients against the sandbox cloud', () => {
  let sbx: SandboxProcess;
  let admin: Cloud;
  const opened: Cloud[] = [];
  const connect = async (o: Partial<Parameters<typeof Cloud.connect>[0]> = {}) => {
    const c = await Cloud.connect({ authUrl: `${sbx.url}/identity`, username: 'admin', password: 'admin', projectName: 'admin', backoffMs: 20, ...o });
    opened.push(c);
    return c;
  };
  const faults = async (body: unknown, method: 'POST' | 'DELETE' = 'POST') => {
    const t = await admin.token();
    await admin.session.http.request({ service: 'sandbox', method, url: `${sbx.url}/sandbox/faults`, headers: { 'X-Auth-Token': t.token }, json: method === 'POST' ? body : undefined });
  };
  const settled = (cloud: Cloud, ref: StackRef) => async (): Promise<Stack | undefined> => {
    const s = await cloud.heat.get(ref);
    return s.stack_status.endsWith('IN_PROGRESS') ? undefined : s;
  };

  beforeAll(async () => {
    sbx = await startSandboxProcess({ resourceDelayMs: 100 });
    admin = await connect();
  }, 60_000);
  afterAll(async () => {
    opened.forEach((c) => c.close());
    await sbx?.stop();
    if (sbx) fs.rmSync(sbx.stateDir, { recursive: true, force: true });
  });

  describe('Keystone', () => {
    it('admin: discovery from /identity, project scope, roles, catalog with nfv-orchestration', async () => {
      const t = await admin.token();
      expect(admin.keystone.identityUrl).toBe(`${sbx.url}/identity/v3`);
      expect(t.user.name).toBe('admin');
      expect(t.project?.name).toBe('admin');
      expect(t.roles.map((r) => r.name)).toContain('admin');
      expect(await admin.keystone.endpoint({ type: 'orchestration' })).toBe(`${sbx.url}/orchestration/v1/${t.project!.id}`);
      expect(await admin.keystone.endpoint({ type: 'nfv-orchestration' })).toMatch(/^http:\/\/127\.0\.0\.1:\d+/);
      expect((await admin.keystone.regions()).map((r) => r.id)).toContain('RegionOne');
    });

    it('demo: member of project demo only', async () => {
      const demo = await connect({ username: 'demo', password: 'demo', projectName: 'demo' });
      const t = await demo.token();
      expect(t.roles.map((r) => r.name)).toContain('member');
      expect(t.roles.map((r) => r.name)).not.toContain('admin');
      const http = new HttpClient();
      try {
        expect((await listAuthProjects(http, { authUrl: `${sbx.url}/identity/v3`, token: t.token })).map((p) => p.name)).toEqual(['demo']);
      } finally {
        http.close();
      }
    });

    it('wrong password and unknown project are kind auth', async () => {
      await expect(connect({ password: 'nope' })).rejects.toMatchObject({ kind: 'auth', status: 401, service: 'keystone' });
      await expect(connect({ projectName: 'no-such-project' })).rejects.toMatchObject({ kind: 'auth' });
    });

    it('validate and revoke', async () => {
      const other = await connect();
      const token = (await other.token()).token;
      expect((await admin.keystone.validate(token))?.user.name).toBe('admin');
      await admin.keystone.revoke(token);
      expect(await admin.keystone.validate(token)).toBeNull();
    });
  });

  describe('Heat + Nova + Glance + Neutron', () => {
    const name = `trellis-client-${Date.now().toString(36)}`;
    let ref: { name: string; id: string };

    it('validate: parameters of a good template; unknown type is a badRequest naming it', async () => {
      const v = await admin.heat.validate({ template: fixture('vnf.yaml'), files: { 'member.yaml': fixture('member.yaml') } });
      expect(Object.keys(v.Parameters ?? {}).sort()).toEqual(['flavor', 'image', 'label']);
      const bad = await admin.heat.validate({ template: 'heat_template_version: 2016-10-14\nresources:\n  x:\n    type: OS::Heat::NoSuchThing\n' }).catch((e) => e);
      expect(bad).toMatchObject({ kind: 'badRequest', status: 400 });
      expect(bad.message).toContain('OS::Heat::NoSuchThing');
    });

    it('create with files + parameters reaches CREATE_COMPLETE with computed outputs', async () => {
      const created = await admin.heat.create({ name, template: fixture('vnf.yaml'), files: { 'member.yaml': fixture('member.yaml') }, parameters: { label: 'one' }, timeoutMins: 5 });
      ref = { name, id: created.id };
      expect((await admin.heat.get(ref)).stack_status).toMatch(/^CREATE_(IN_PROGRESS|COMPLETE)$/);
      const done = await waitFor('create', settled(admin, ref));
      expect(done.stack_status).toBe('CREATE_COMPLETE');
      const out = Object.fromEntries((done.outputs ?? []).map((o) => [o.output_key, o.output_value]));
      expect(out['mgmt_ip-VDU1']).toMatch(/^192\.168\.210\.\d+$/);
      expect(out.group_size).toBe(1);
      expect(out.label).toBe('one');
    });

    it('duplicate name is a conflict; show by name follows the 302; list filters by id', async () => {
      await expect(admin.heat.create({ name, template: fixture('vnf.yaml'), files: { 'member.yaml': fixture('member.yaml') } })).rejects.toMatchObject({ kind: 'conflict' });
      expect((await admin.heat.get(name)).id).toBe(ref.id);
      expect(await admin.heat.resolve(name)).toEqual(ref);
      expect((await admin.heat.list({ id: [ref.id] })).map((s) => s.stack_name)).toEqual([name]);
      expect((await admin.heat.list({ name: [name] })).map((s) => s.id)).toEqual([ref.id]);
    });

    it('resources (nested_depth), the server in Nova, its port in Neutron', async () => {
      const nested = await admin.heat.resources(ref, { nestedDepth: 2 });
      expect(nested.filter((r) => r.parent_resource === 'group').map((r) => r.resource_type)).toEqual(['member.yaml']);
      const vdu = await admin.heat.resource(ref, 'VDU1');
      const server = await admin.nova.server(vdu.physical_resource_id!);
      expect(server.status).toBe('ACTIVE');
      const mgmt = (await admin.heat.output(ref, 'mgmt_ip-VDU1')).output_value;
      expect(serverAddresses(server).map((a) => [a.network, a.addr])).toEqual([['VL1', mgmt]]);
      const ports = await admin.neutron.ports({ device_id: server.id });
      expect(ports.map((p) => p.fixed_ips[0].ip_address)).toEqual([mgmt]);
      expect((await admin.nova.flavors()).map((f) => f.name)).toContain('m1.tiny');
      expect((await admin.glance.images()).map((i) => i.name)).toContain('tiny');
      expect((await admin.neutron.networks({ name: 'VL1' })).length).toBeGreaterThanOrEqual(1);
    });

    it('events newest first, asc with marker paging', async () => {
      const desc = await admin.heat.events(ref);
      expect(desc[0].resource_name).toBe(name);
      const asc = await admin.heat.events(ref, { sortDir: 'asc' });
      expect(asc.map((e) => e.id)).toEqual([...desc].reverse().map((e) => e.id));
      const page = await admin.heat.events(ref, { sortDir: 'asc', marker: asc[1].id, limit: 2 });
      expect(page.map((e) => e.id)).toEqual(asc.slice(2, 4).map((e) => e.id));
    });

    it('scale-out signal grows the group; PATCH update changes a parameter', async () => {
      await admin.heat.signal(ref, 'scale_out', {});
      await waitFor('group_size 2', async () => ((await admin.heat.output(ref, 'group_size')).output_value === 2 ? true : undefined));
      await waitFor('settled after signal', settled(admin, ref));
      await admin.heat.update(ref, { parameters: { label: 'two' } });
      const updated = await waitFor('update', async () => {
        const s = await admin.heat.get(ref);
        return s.stack_status === 'UPDATE_COMPLETE' ? s : undefined;
      });
      expect(updated.outputs?.find((o) => o.output_key === 'label')?.output_value).toBe('two');
    });

    it('delete tears the stack down and removes the server', async () => {
      const serverId = (await admin.heat.resource(ref, 'VDU1')).physical_resource_id!;
      await admin.heat.delete(name);
      await waitFor('delete', async () => ((await admin.heat.findByName(name)) === null ? true : undefined));
      expect(await admin.nova.findServer(serverId)).toBeNull();
    });
  });

  describe('fault injection drives the client paths', () => {
    it('503s for the next requests: retried with backoff, then success', async () => {
      const log: RequestLogEntry[] = [];
      const c = await connect({ onRequest: (e) => log.push(e), retries: 3 });
      await faults({ failNextRequests: 2, services: ['orchestration'] });
      try {
        expect(Array.isArray(await c.heat.list())).toBe(true);
      } finally {
        await faults(undefined, 'DELETE');
      }
      const heatCalls = log.filter((e) => e.service === 'heat');
      expect(heatCalls.map((e) => e.status)).toEqual([503, 503, 200]);
      expect(heatCalls.every((e) => e.requestId?.startsWith('req-'))).toBe(true);
    });

    it('hung requests become kind timeout', async () => {
      const c = await connect({ timeoutMs: 400, retries: 1 });
      await faults({ timeoutRate: 1, services: ['compute'] });
      try {
        await expect(c.nova.flavors()).rejects.toMatchObject({ kind: 'timeout', service: 'nova' });
      } finally {
        await faults(undefined, 'DELETE');
      }
    });

    it('tokens expired early by the cloud: the session re-authenticates transparently', async () => {
      const c = await connect();
      const before = (await c.token()).token;
      const t = await admin.token();
      await admin.session.http.request({ service: 'sandbox', method: 'POST', url: `${sbx.url}/sandbox/expire-tokens`, headers: { 'X-Auth-Token': t.token } });
      expect(Array.isArray(await c.heat.list())).toBe(true);
      expect((await c.token()).token).not.toBe(before);
      admin = await connect(); // admin's token went too
    });

    it('a failing resource: CREATE_FAILED with the reason readable through the client', async () => {
      await faults({ failResources: [{ name: 'VDU1', reason: 'No valid host was found.' }] });
      const name = `trellis-fail-${Date.now().toString(36)}`;
      try {
        const created = await admin.heat.create({ name, template: fixture('vnf.yaml'), files: { 'member.yaml': fixture('member.yaml') } });
        const s = await waitFor('failure', settled(admin, { name, id: created.id }));
        expect(s.stack_status).toBe('CREATE_FAILED');
        expect(s.stack_status_reason).toContain('No valid host was found.');
        expect((await admin.heat.list({ status: ['FAILED'] })).map((x) => x.id)).toContain(created.id);
        await admin.heat.delete({ name, id: created.id });
      } finally {
        await faults(undefined, 'DELETE');
      }
    });
  });

  it('unknown things are notFound errors with the service message', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    const e = await admin.nova.server(id).catch((x) => x);
    expect(e).toBeInstanceOf(OpenStackError);
    expect(e).toMatchObject({ kind: 'notFound', status: 404 });
    expect(e.message).toContain(id);
    await expect(admin.heat.get({ name: 'nope', id })).rejects.toMatchObject({ kind: 'notFound' });
    await expect(admin.glance.image(id)).rejects.toMatchObject({ kind: 'notFound' });
    await expect(admin.neutron.port(id)).rejects.toMatchObject({ kind: 'notFound' });
  });
});
