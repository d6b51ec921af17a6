// The clients read the REAL answers recorded from Keystone 22 / Heat 19 / Nova 26 / Glance 25
// (../shared/openstack-api): each recording is replayed verbatim (status line, headers, body)
// by a local server, and the client call that would have produced it must parse it.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cloud, OpenStackError } from '@/lib/openstack';
import { startFake, tokenBody, type FakeServer } from './fake-server';

const REC = path.resolve(__dirname, '../../../shared/openstack-api');
const available = fs.existsSync(path.join(REC, 'README.md'));
if (!available) console.log(`[tests/openstack] recording replay skipped: ${REC} not found`);

/** Status, headers and raw body of a recording "<dir>/<NN-name>". */
function recording(name: string): { status: number; headers: Record<string, string>; body: string } {
  const lines = fs.readFileSync(path.join(REC, `${name}.headers`), 'utf8').split(/\r?\n/);
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(lines[0])![1]);
  const headers: Record<string, string> = {};
  for (const line of lines.slice(1)) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    // hop-by-hop and length headers are recomputed by our server
    if (m && !/^(content-length|connection|date|transfer-encoding)$/i.test(m[1])) headers[m[1]] = m[2];
  }
  const bodyFile = path.join(REC, `${name}.json`);
  return { status, headers, body: fs.existsSync(bodyFile) ? fs.readFileSync(bodyFile, 'utf8') : '' };
}

describe.skipIf(!available)('recorded real answers', () => {
  let server: FakeServer;
  let cloud: Cloud;
  let replay: string | null = null; // recording to answer the next service request with

  beforeAll(async () => {
    server = await startFake((req, res) => {
      if (req.path === '/identity/v3/auth/tokens' && req.method === 'POST') {
        const body = JSON.stringify(tokenBody(server.url));
        res.writeHead(201, { 'Content-Type': 'application/json', 'X-Subject-Token': 'tok' });
        return res.end(body);
      }
      const r = recording(replay!);
      res.writeHead(r.status, r.headers);
      res.end(r.body);
    });
    cloud = await Cloud.connect({ authUrl: `${server.url}/identity/v3`, username: 'admin', password: 'x', projectName: 'admin', retries: 0 });
  });
  afterAll(async () => {
    cloud?.close();
    await server?.close();
  });
  const ref = { name: 's2', id: 'e443c84b-7238-4f18-86fd-bdf7445c907d' };

  it('heat: stack create 201, show, list, resources (nested), resource show, events, outputs', async () => {
    replay = 'heat/01-post-stacks';
    expect((await cloud.heat.create({ name: 's2', template: 'x' })).id).toBe(ref.id);
    replay = 'heat/09-get-stack-complete';
    const stack = await cloud.heat.get(ref);
    expect(stack.stack_status).toBe('CREATE_COMPLETE');
    expect(stack.outputs?.find((o) => o.output_key === 'asg_size')?.output_value).toBe(1);
    replay = 'heat/03-get-stack-in-progress';
    expect((await cloud.heat.get(ref)).outputs?.every((o) => 'output_value' in o)).toBe(true);
    replay = 'heat/10-list-stacks';
    expect((await cloud.heat.list())[0].stack_name).toBe('s2');
    replay = 'heat/12-get-resources-nested2';
    expect((await cloud.heat.resources(ref, { nestedDepth: 2 })).some((r) => r.parent_resource === 'asg')).toBe(true);
    replay = 'heat/tacker-vnf/05-get-resource-VDU1';
    expect((await cloud.heat.resource(ref, 'VDU1')).attributes).toHaveProperty('addresses');
    replay = 'heat/15-get-events';
    expect((await cloud.heat.events(ref))[0].resource_status).toBe('CREATE_COMPLETE');
    replay = 'heat/17-get-outputs';
    expect((await cloud.heat.outputs(ref)).map((o) => o.output_key)).toContain('asg_size');
    replay = 'heat/18-get-output-asg_size';
    expect((await cloud.heat.output(ref, 'asg_size')).output_value).toBe(1);
    replay = 'heat/tacker-vnf/10-get-output-mgmt_ip-VDU1';
    expect((await cloud.heat.output(ref, 'mgmt_ip-VDU1')).output_value).toBe('192.168.200.2');
  });

  it('heat: 302 for a name lookup, signal 200 null, PATCH 202, DELETE 204', async () => {
    replay = 'heat/02-get-stack-by-name-redirect';
    // the recorded Location points at the rig's address; only its path matters for resolve()
    expect(await cloud.heat.resolve('s2')).toEqual({ name: 's2', id: ref.id });
    replay = 'heat/20-signal-scale_out';
    await expect(cloud.heat.signal(ref, 'scale_out', {})).resolves.toBeUndefined();
    replay = 'heat/extra/09-patch-stack-update';
    await expect(cloud.heat.update(ref, { parameters: { v: 'b' } })).resolves.toBeUndefined();
    replay = 'heat/32-delete-stack';
    await expect(cloud.heat.delete(ref)).resolves.toBeUndefined();
  });

  it.each([
    ['heat/06-post-stacks-duplicate-409', 'conflict', 'The Stack (s2) already exists.', 'StackExists'],
    ['heat/07-post-stacks-invalid-400', 'badRequest', 'The Resource Type (OS::Heat::NoSuchThing) could not be found.', 'StackValidationFailed'],
  ] as const)('heat error %s -> %s with Heat\'s message', async (file, kind, message, errorType) => {
    replay = file;
    const e = await cloud.heat.create({ name: 's2', template: 'x' }).catch((x) => x);
    expect(e).toBeInstanceOf(OpenStackError);
    expect(e).toMatchObject({ kind, message, errorType });
    expect(e.requestId).toMatch(/^req-/);
  });

  it('heat 404, nova 404, glance 404 (HTML), neutron 404', async () => {
    replay = 'heat/08-get-stack-notfound-404';
    await expect(cloud.heat.get(ref)).rejects.toMatchObject({ kind: 'notFound', message: 'The Stack (nosuchstack) could not be found.', errorType: 'EntityNotFound' });
    replay = 'nova/08-get-server-notfound-404';
    await expect(cloud.nova.server('x')).rejects.toMatchObject({ kind: 'notFound', message: 'Instance 00000000-0000-4000-8000-000000000000 could not be found.' });
    replay = 'glance/04-get-v2-image-notfound-404';
    await expect(cloud.glance.image('x')).rejects.toMatchObject({ kind: 'notFound', message: '404 Not Found No image found with ID 00000000-0000-4000-8000-000000000000' });
    replay = 'neutron-standin/06-get-network-notfound-404';
    await expect(cloud.neutron.network('x')).rejects.toMatchObject({ kind: 'notFound', errorType: 'NetworkNotFound' });
  });

  it('nova servers (2.1 and latest microversion), flavors; glance images; neutron networks and ports', async () => {
    replay = 'nova/04-get-server-with-port';
    expect((await cloud.nova.server('x')).addresses?.VL1[0].addr).toBe('192.168.200.2');
    replay = 'nova/05-get-server-with-port-microversion-latest';
    expect((await cloud.nova.server('x')).flavor?.original_name).toBe('m1.tiny');
    replay = 'nova/03-get-servers-detail';
    expect((await cloud.nova.servers()).length).toBe(3);
    replay = 'nova/09-get-servers';
    expect((await cloud.nova.serverRefs()).length).toBe(3);
    replay = 'nova/07-get-flavors-detail';
    expect((await cloud.nova.flavors())[0].name).toBe('m1.tiny');
    replay = 'glance/02-get-v2-images';
    expect((await cloud.glance.images())[0].name).toBe('tiny');
    replay = 'glance/03-get-v2-image';
    expect((await cloud.glance.image('x')).status).toBe('active');
    replay = 'neutron-standin/02-get-networks';
    expect((await cloud.neutron.networks()).map((n) => n.name)).toContain('net_mgmt');
    replay = 'neutron-standin/03-get-subnets';
    expect((await cloud.neutron.subnets())[0].cidr).toMatch(/\/\d+$/);
    replay = 'neutron-standin/04-get-ports-by-device_id';
    expect((await cloud.neutron.ports({ device_id: 'x' }))[0].fixed_ips[0].ip_address).toMatch(/^\d+\./);
    replay = 'neutron-standin/05-get-port';
    expect((await cloud.neutron.port('x')).mac_address).toMatch(/^fa:16:3e/);
  });

  it('keystone: regions, auth projects, catalog, validate (incl. application-credential token)', async () => {
    replay = 'keystone/11-get-regions';
    expect((await cloud.keystone.regions())[0].id).toBe('RegionOne');
    replay = 'keystone/12-get-auth-projects';
    expect((await cloud.keystone.projects())[0].name).toBe('admin');
    replay = 'keystone/13-get-auth-catalog';
    expect((await cloud.keystone.catalog()).map((c) => c.type)).toContain('nfv-orchestration');
    replay = 'keystone/04-get-auth-tokens-validate';
    expect((await cloud.keystone.validate('t'))?.catalog.length).toBe(7);
    replay = 'keystone/15-post-auth-tokens-application-credential';
    expect((await cloud.keystone.validate('t'))?.applicationCredentialId).toBe('0fd2cf37b9c94ed5998146db8c7a8e81');
    replay = 'keystone/08-get-auth-tokens-invalid-subject-404';
    expect(await cloud.keystone.validate('t')).toBeNull();
  });
});
