// Heat / Nova / Glance / Neutron clients through the Cloud facade against a scripted
// server: the requests they send (paths, queries, bodies) and how they read answers.
import { afterEach, describe, expect, it } from 'vitest';
import { Cloud } from '@/lib/openstack';
import { OpenStackError } from '@/lib/openstack/errors';
import { heatError, json, startFake, tokenBody, type FakeServer, type SeenRequest } from './fake-server';
import type http from 'node:http';

const servers: FakeServer[] = [];
const clouds: Cloud[] = [];
afterEach(async () => {
  clouds.splice(0).forEach((c) => c.close());
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const P = 'p-admin-id';
const STACK_ID = 'e443c84b-7238-4f18-86fd-bdf7445c907d';

function stackBody(base: string, status = 'CREATE_COMPLETE') {
  return {
    stack: {
      stack_name: 's2', id: STACK_ID,
      links: [{ href: `${base}/heat/v1/${P}/stacks/s2/${STACK_ID}`, rel: 'self' }],
      creation_time: '2026-11-27T19:34:44Z', updated_time: null, deletion_time: null, notification_topics: [],
      parameters: { 'OS::stack_id': STACK_ID, 'OS::project_id': P, 'OS::stack_name': 's2', wait: '8' },
      description: 'd', template_description: 'd', capabilities: [], disable_rollback: true, timeout_mins: 60,
      stack_owner: 'admin', parent: null, stack_user_project_id: 'x', tags: [], stack_status: status,
      stack_status_reason: 'Stack CREATE completed successfully',
      outputs: [{ output_key: 'asg_size', description: 'No description given', output_value: 1 }],
    },
  };
}

/** Keystone + one handler per service path prefix. */
async function cloudWith(route: (req: SeenRequest, res: http.ServerResponse, base: string) => void) {
  const s = await startFake((req, res) => {
    if (req.path === '/identity/v3/auth/tokens' && req.method === 'POST') return json(res, 201, tokenBody(s.url), { 'X-Subject-Token': 'tok' });
    route(req, res, s.url);
  });
  servers.push(s);
  const cloud = await Cloud.connect({ authUrl: `${s.url}/identity/v3`, username: 'admin', password: 'p', projectName: 'admin', backoffMs: 5 });
  clouds.push(cloud);
  return { s, cloud, calls: () => s.requests.filter((r) => !r.path.startsWith('/identity/')) };
}

const redirectToCanonical = (req: SeenRequest, res: http.ServerResponse, base: string): boolean => {
  const m = new RegExp(`^/heat/v1/${P}/stacks/(s2|${STACK_ID})(/[a-z]+)?(\\?.*)?$`).exec(req.path);
  if (!m) return false;
  json(res, 302, { code: '302 Found', title: 'Found' }, { Location: `${base}/heat/v1/${P}/stacks/s2/${STACK_ID}${m[2] ?? ''}${m[3] ?? ''}` });
  return true;
};

describe('Heat', () => {
  it('create sends name, template, files, parameters, timeout and rollback flag; returns the id', async () => {
    const { cloud, calls } = await cloudWith((req, res, base) =>
      json(res, 201, { stack: { id: STACK_ID, links: [{ href: `${base}/x`, rel: 'self' }] } }, { Location: `${base}/heat/v1/${P}/stacks/s2/${STACK_ID}` }),
    );
    const created = await cloud.heat.create({
      name: 's2', template: 'heat_template_version: 2018-08-31\n', files: { 'member.yaml': 'x: 1\n' },
      parameters: { wait: 5 }, timeoutMins: 10, disableRollback: false, tags: ['vnf', 'trellis'],
    });
    expect(created).toEqual({ id: STACK_ID, name: 's2' });
    expect(calls()[0]).toMatchObject({
      method: 'POST',
      path: `/heat/v1/${P}/stacks`,
      body: { stack_name: 's2', template: 'heat_template_version: 2018-08-31\n', files: { 'member.yaml': 'x: 1\n' }, parameters: { wait: 5 }, timeout_mins: 10, disable_rollback: false, tags: 'vnf,trellis' },
    });
    expect(calls()[0].headers['x-auth-token']).toBe('tok');
  });

  it('create conflict: kind conflict with Heat\'s message; not retried', async () => {
    const { cloud, calls } = await cloudWith((req, res) => json(res, 409, heatError(409, 'Conflict', 'StackExists', 'The Stack (s2) already exists.')));
    const e = await cloud.heat.create({ name: 's2', template: {} }).catch((x) => x);
    expect(e).toBeInstanceOf(OpenStackError);
    expect(e).toMatchObject({ kind: 'conflict', service: 'heat', message: 'The Stack (s2) already exists.', errorType: 'StackExists' });
    expect(calls()).toHaveLength(1);
  });

  it('show by name follows the 302; show by {name,id} goes straight to the canonical URL', async () => {
    const { cloud, calls } = await cloudWith((req, res, base) => {
      if (redirectToCanonical(req, res, base)) return;
      json(res, 200, stackBody(base));
    });
    const byName = await cloud.heat.get('s2');
    expect(byName.id).toBe(STACK_ID);
    expect(byName.outputs?.[0]).toEqual({ output_key: 'asg_size', description: 'No description given', output_value: 1 });
    expect(calls().map((c) => c.path)).toEqual([`/heat/v1/${P}/stacks/s2`, `/heat/v1/${P}/stacks/s2/${STACK_ID}`]);
    await cloud.heat.get({ name: 's2', id: STACK_ID });
    expect(calls()).toHaveLength(3);
  });

  it('findByName gives null for an unknown stack', async () => {
    const { cloud } = await cloudWith((req, res) => json(res, 404, heatError(404, 'Not Found', 'EntityNotFound', 'The Stack (nope) could not be found.')));
    expect(await cloud.heat.findByName('nope')).toBeNull();
  });

  it('delete by name resolves the id from the 302 Location, then DELETEs the canonical URL', async () => {
    const { cloud, calls } = await cloudWith((req, res, base) => {
      if (req.method === 'GET' && redirectToCanonical(req, res, base)) return;
      res.writeHead(204);
      res.end();
    });
    await cloud.heat.delete('s2');
    expect(calls().map((c) => `${c.method} ${c.path}`)).toEqual([`GET /heat/v1/${P}/stacks/s2`, `DELETE /heat/v1/${P}/stacks/s2/${STACK_ID}`]);
  });

  it('list passes repeated id / status filters', async () => {
    const { cloud, calls } = await cloudWith((req, res, base) =>
      json(res, 200, { stacks: [{ id: STACK_ID, stack_name: 's2', stack_status: 'CREATE_FAILED', stack_status_reason: 'x', creation_time: 't', project: P, links: [{ href: base, rel: 'self' }], tags: null }] }),
    );
    const list = await cloud.heat.list({ id: ['a', 'b'], name: ['s2'], status: ['FAILED'], showDeleted: true });
    expect(list[0].stack_status).toBe('CREATE_FAILED');
    expect(calls()[0].path).toBe(`/heat/v1/${P}/stacks?id=a&id=b&name=s2&status=FAILED&show_deleted=true`);
  });

  it('resources with nested_depth, resource show with_attr, events with sort/marker/limit, outputs', async () => {
    const res0 = { resource_name: 'asg', logical_resource_id: 'asg', physical_resource_id: 'x', resource_type: 'OS::Heat::AutoScalingGroup', resource_status: 'CREATE_COMPLETE', resource_status_reason: 'state changed', creation_time: 't', updated_time: 't', required_by: [], links: [] };
    const { cloud, calls } = await cloudWith((req, res, base) => {
      if (req.path.includes('/resources?')) return json(res, 200, { resources: [res0, { ...res0, resource_name: 'm1', parent_resource: 'asg' }] });
      if (req.path.includes('/events')) return json(res, 200, { events: [{ id: 'ev1', event_time: 't', resource_name: 's2', logical_resource_id: 's2', physical_resource_id: STACK_ID, resource_status: 'CREATE_COMPLETE', resource_status_reason: 'done', links: [] }] });
      if (req.path.includes('/resources/asg')) return json(res, 200, { resource: { ...res0, description: '', attributes: { current_size: 1 } } });
      if (req.path.endsWith('/outputs/asg_size')) return json(res, 200, { output: { output_key: 'asg_size', description: 'No description given', output_value: 2 } });
      if (req.path.endsWith('/outputs')) return json(res, 200, { outputs: [{ output_key: 'asg_size', description: 'No description given' }] });
      json(res, 500, {});
    });
    const ref = { name: 's2', id: STACK_ID };
    const rs = await cloud.heat.resources(ref, { nestedDepth: 2 });
    expect(rs.map((r) => [r.resource_name, r.parent_resource])).toEqual([['asg', undefined], ['m1', 'asg']]);
    const asg = await cloud.heat.resource(ref, 'asg', { withAttr: ['show'] });
    expect(asg.attributes).toEqual({ current_size: 1 });
    const ev = await cloud.heat.events(ref, { sortDir: 'asc', marker: 'ev0', limit: 5 });
    expect(ev[0].resource_status).toBe('CREATE_COMPLETE');
    await cloud.heat.events(ref, { resourceName: 'asg' });
    expect((await cloud.heat.outputs(ref))[0].output_key).toBe('asg_size');
    expect((await cloud.heat.output(ref, 'asg_size')).output_value).toBe(2);
    const base = `/heat/v1/${P}/stacks/s2/${STACK_ID}`;
    expect(calls().map((c) => c.path)).toEqual([
      `${base}/resources?nested_depth=2`,
      `${base}/resources/asg?with_attr=show`,
      `${base}/events?sort_dir=asc&marker=ev0&limit=5`,
      `${base}/resources/asg/events`,
      `${base}/outputs`,
      `${base}/outputs/asg_size`,
    ]);
  });

  it('signal POSTs the data (or no body) and reads the 200 null; a 5xx is not re-sent', async () => {
    let fail = false;
    const { cloud, calls } = await cloudWith((req, res) => {
      if (fail) return json(res, 503, heatError(503, 'Service Unavailable', 'X', 'engine down'));
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('null');
    });
    const ref = { name: 's2', id: STACK_ID };
    await cloud.heat.signal(ref, 'scale_out', {});
    await cloud.heat.signal(ref, 'scale_out');
    expect(calls().map((c) => [c.method, c.path, c.body])).toEqual([
      ['POST', `/heat/v1/${P}/stacks/s2/${STACK_ID}/resources/scale_out/signal`, {}],
      ['POST', `/heat/v1/${P}/stacks/s2/${STACK_ID}/resources/scale_out/signal`, undefined],
    ]);
    fail = true;
    await expect(cloud.heat.signal(ref, 'scale_out')).rejects.toMatchObject({ kind: 'server', message: 'engine down' });
    expect(calls()).toHaveLength(3);
  });

  it('validate returns the parameters; an invalid template is a badRequest with Heat\'s reason', async () => {
    let ok = true;
    const { cloud, calls } = await cloudWith((req, res) =>
      ok
        ? json(res, 200, { Description: 'd', Parameters: { wait: { Type: 'Number', Default: 8 } } })
        : json(res, 400, heatError(400, 'Bad Request', 'StackValidationFailed', 'The Resource Type (OS::Heat::NoSuchThing) could not be found.')),
    );
    const v = await cloud.heat.validate({ template: { heat_template_version: '2018-08-31' }, files: { 'a.yaml': 'x' } });
    expect(v.Parameters).toEqual({ wait: { Type: 'Number', Default: 8 } });
    expect(calls()[0]).toMatchObject({ method: 'POST', path: `/heat/v1/${P}/validate`, body: { template: { heat_template_version: '2018-08-31' }, files: { 'a.yaml': 'x' } } });
    ok = false;
    await expect(cloud.heat.validate({ template: 'x' })).rejects.toMatchObject({ kind: 'badRequest', message: 'The Resource Type (OS::Heat::NoSuchThing) could not be found.' });
  });

  it('update PATCHes only what is given (202)', async () => {
    const { cloud, calls } = await cloudWith((req, res) => json(res, 202, { message: 'The request is accepted for processing.', code: '202 Accepted', title: 'Accepted' }));
    await cloud.heat.update({ name: 's2', id: STACK_ID }, { parameters: { v: 'b' } });
    expect(calls()[0]).toMatchObject({ method: 'PATCH', path: `/heat/v1/${P}/stacks/s2/${STACK_ID}`, body: { parameters: { v: 'b' } } });
  });

  it('a stack body missing stack_status is a server error naming the field', async () => {
    const { cloud } = await cloudWith((req, res, base) => {
      const b = stackBody(base);
      delete (b.stack as Partial<typeof b.stack>).stack_status;
      json(res, 200, b);
    });
    await expect(cloud.heat.get({ name: 's2', id: STACK_ID })).rejects.toThrow(/stack\.stack_status/);
  });
});

describe('Nova, Glance, Neutron', () => {
  it('nova: server show with microversion header, list detail with filters, flavors; 404 -> null', async () => {
    const server = { id: 'srv1', name: 'vdu1', status: 'ACTIVE', tenant_id: P, image: { id: 'img' }, flavor: { id: 'f1', links: [] }, addresses: { VL1: [{ version: 4, addr: '192.168.200.2', 'OS-EXT-IPS:type': 'fixed', 'OS-EXT-IPS-MAC:mac_addr': 'fa:16:3e:ac:b5:d4' }] }, 'OS-EXT-STS:vm_state': 'active' };
    const { cloud, calls } = await cloudWith((req, res) => {
      if (req.path === '/nova/v2.1/servers/srv1') return json(res, 200, { server });
      if (req.path.startsWith('/nova/v2.1/servers/detail')) return json(res, 200, { servers: [server] });
      if (req.path === '/nova/v2.1/flavors/detail') return json(res, 200, { flavors: [{ id: 'f1', name: 'm1.tiny', ram: 64, disk: 1, vcpus: 1, swap: '' }] });
      json(res, 404, { itemNotFound: { code: 404, message: 'Instance nope could not be found.' } });
    });
    const s = await cloud.nova.server('srv1');
    expect(s['OS-EXT-STS:vm_state']).toBe('active');
    expect(s.addresses?.VL1[0].addr).toBe('192.168.200.2');
    expect(calls()[0].headers['openstack-api-version']).toBe('compute 2.1');
    expect((await cloud.nova.servers({ name: 'vdu', allTenants: true })).length).toBe(1);
    expect(calls()[1].path).toBe('/nova/v2.1/servers/detail?name=vdu&all_tenants=1');
    expect((await cloud.nova.flavors())[0].name).toBe('m1.tiny');
    expect(await cloud.nova.findServer('nope')).toBeNull();
    await expect(cloud.nova.server('nope')).rejects.toMatchObject({ kind: 'notFound', message: 'Instance nope could not be found.' });
  });

  it('glance: appends /v2 to the catalog URL and follows next pages', async () => {
    const img = (id: string) => ({ id, name: id, status: 'active', visibility: 'public', disk_format: 'raw', container_format: 'bare', size: 1, min_disk: 0, min_ram: 0 });
    const { cloud, calls } = await cloudWith((req, res) => {
      if (req.path === '/glance/v2/images') return json(res, 200, { images: [img('a')], next: '/v2/images?marker=a', first: '/v2/images', schema: '/v2/schemas/images' });
      if (req.path === '/glance/v2/images?marker=a') return json(res, 200, { images: [img('b')], first: '/v2/images', schema: '/v2/schemas/images' });
      if (req.path === '/glance/v2/images/a') return json(res, 200, img('a'));
      res.writeHead(404, { 'Content-Type': 'text/html' });
      res.end('<html><head><title>404 Not Found</title></head><body><h1>404 Not Found</h1>No image found with ID zz</body></html>');
    });
    expect((await cloud.glance.images()).map((i) => i.id)).toEqual(['a', 'b']);
    expect((await cloud.glance.image('a')).name).toBe('a');
    expect(await cloud.glance.findImage('zz')).toBeNull();
    expect(calls().map((c) => c.path)).toEqual(['/glance/v2/images', '/glance/v2/images?marker=a', '/glance/v2/images/a', '/glance/v2/images/zz']);
  });

  it('neutron: appends /v2.0 and passes filters', async () => {
    const { cloud, calls } = await cloudWith((req, res) => {
      if (req.path.startsWith('/neutron/v2.0/networks?')) return json(res, 200, { networks: [{ id: 'n1', name: 'net0', status: 'ACTIVE', subnets: ['s1'] }] });
      if (req.path.startsWith('/neutron/v2.0/ports')) return json(res, 200, { ports: [{ id: 'pt1', name: 'CP1', network_id: 'n1', mac_address: 'fa:16:3e:00:00:01', device_id: 'srv1', fixed_ips: [{ subnet_id: 's1', ip_address: '10.10.0.5' }] }] });
      json(res, 404, { NeutronError: { type: 'NetworkNotFound', message: 'Network x could not be found.', detail: '' } });
    });
    expect((await cloud.neutron.networks({ name: 'net0' }))[0].id).toBe('n1');
    expect((await cloud.neutron.ports({ device_id: 'srv1' }))[0].fixed_ips[0].ip_address).toBe('10.10.0.5');
    await expect(cloud.neutron.network('x')).rejects.toMatchObject({ kind: 'notFound', errorType: 'NetworkNotFound' });
    expect(calls().map((c) => c.path)).toEqual(['/neutron/v2.0/networks?name=net0', '/neutron/v2.0/ports?device_id=srv1', '/neutron/v2.0/networks/x']);
  });
});

describe('Cloud.connect', () => {
  it('refuses to start without credentials, naming what is missing', async () => {
    await expect(Cloud.connect({ authUrl: 'http://127.0.0.1:1/v3', username: 'a' })).rejects.toThrow(/credentials missing/);
  });
  it('an unreachable auth URL is kind unreachable', async () => {
    await expect(Cloud.connect({ authUrl: 'http://127.0.0.1:1/v3', username: 'a', password: 'b', retries: 0 })).rejects.toMatchObject({ kind: 'unreachable', service: 'keystone' });
  });
});
