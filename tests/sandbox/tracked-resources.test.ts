// The resource types the sandbox tracks beside servers and networks: flavors, images, volumes and
// attachments, floating IPs, alarms, server groups, containers, software config/deployments.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, startTestSandbox, waitStack, type Session, type TestSandbox } from './helpers';

let sb: TestSandbox;
let s: Session;
beforeAll(async () => {
  sb = await startTestSandbox({ resourceDelayMs: 5 });
  s = await login(sb.url);
});
afterAll(async () => sb?.close());

const template = {
  heat_template_version: '2016-10-14',
  resources: {
    flavor: { type: 'OS::Nova::Flavor', properties: { ram: 1024, vcpus: 2, disk: 10, extra_specs: { 'hw:cpu_policy': 'dedicated' } } },
    image: { type: 'OS::Glance::Image', properties: { name: 'vnf-image', disk_format: 'qcow2', container_format: 'bare', location: 'http://example.invalid/img.qcow2' } },
    group: { type: 'OS::Nova::ServerGroup', properties: { name: 'anti', policies: ['anti-affinity'] } },
    port: { type: 'OS::Neutron::Port', properties: { network: 'net_mgmt' } },
    server: { type: 'OS::Nova::Server', properties: { image: { get_resource: 'image' }, flavor: { get_resource: 'flavor' }, networks: [{ port: { get_resource: 'port' } }] } },
    fip: { type: 'OS::Neutron::FloatingIP', properties: { floating_network: 'public', port_id: { get_resource: 'port' } } },
    volume: { type: 'OS::Cinder::Volume', properties: { size: 2 } },
    attach: { type: 'OS::Cinder::VolumeAttachment', properties: { instance_uuid: { get_resource: 'server' }, volume_id: { get_resource: 'volume' }, mountpoint: '/dev/vdb' } },
    alarm: { type: 'OS::Aodh::Alarm', properties: { meter_name: 'cpu_util', threshold: 50, comparison_operator: 'gt', alarm_actions: ['http://127.0.0.1:9/nowhere'] } },
    bucket: { type: 'OS::Swift::Container', properties: { name: 'logs' } },
    config: { type: 'OS::Heat::SoftwareConfig', properties: { group: 'script', config: '#!/bin/sh\necho hi' } },
    deploy: { type: 'OS::Heat::SoftwareDeployment', properties: { config: { get_resource: 'config' }, server: { get_resource: 'server' } } },
  },
  outputs: {
    floating: { value: { get_attr: ['fip', 'floating_ip_address'] } },
    first_address: { value: { get_attr: ['server', 'first_address'] } },
    deploy_status: { value: { get_attr: ['deploy', 'deploy_status_code'] } },
    volume_status: { value: { get_attr: ['volume', 'status'] } },
  },
};

describe('sandbox: tracked resource types', () => {
  it('creates them with their cloud records and attributes, and deletes them all', async () => {
    const before = JSON.parse(JSON.stringify({ flavors: sb.store.state.cloud.flavors.length, images: sb.store.state.cloud.images.length }));
    const created = await call(`${s.heat}/stacks`, { method: 'POST', token: s.token, body: { stack_name: 'kit', template } });
    expect(created.status, created.text).toBe(201);
    const stack = await waitStack(s, 'kit', created.json.stack.id);
    expect(stack.stack_status, stack.stack_status_reason).toBe('CREATE_COMPLETE');
    const out = Object.fromEntries(stack.outputs.map((o: { output_key: string; output_value: unknown }) => [o.output_key, o.output_value]));
    expect(out.floating).toBe('172.24.4.2');
    expect(out.first_address).toMatch(/^192\.168\.120\.\d+$/);
    expect(out.deploy_status).toBe(0);
    expect(out.volume_status).toBe('in-use');

    const cloud = sb.store.state.cloud;
    expect(cloud.flavors).toHaveLength(before.flavors + 1);
    expect(cloud.images.some((i) => i.name === 'vnf-image')).toBe(true);
    const server = (await call(`${sb.url}/compute/v2.1/servers/detail`, { token: s.token, headers: { 'OpenStack-API-Version': 'compute latest' } })).json.servers[0];
    expect(server.flavor).toMatchObject({ vcpus: 2, ram: 1024, extra_specs: { 'hw:cpu_policy': 'dedicated' } });
    expect(server.addresses.net_mgmt.map((a: { 'OS-EXT-IPS:type': string }) => a['OS-EXT-IPS:type'])).toEqual(['fixed', 'floating']);
    expect(server['os-extended-volumes:volumes_attached']).toHaveLength(1);
    const fips = await call(`${sb.url}/network/v2.0/floatingips`, { token: s.token });
    expect(fips.json.floatingips[0]).toMatchObject({ floating_ip_address: '172.24.4.2', status: 'ACTIVE' });
    const alarms = await call(`${sb.url}/sandbox/alarms`, { token: s.token });
    expect(alarms.json.alarms[0]).toMatchObject({ state: 'insufficient data', alarm_actions: ['http://127.0.0.1:9/nowhere'] });
    const fired = await call(`${sb.url}/sandbox/alarms/${alarms.json.alarms[0].id}/fire`, { method: 'POST', token: s.token, body: {} });
    expect(fired.json.deliveries[0].error).toBeDefined();

    await call(`${s.heat}/stacks/kit/${created.json.stack.id}`, { method: 'DELETE', token: s.token });
    expect((await waitStack(s, 'kit', created.json.stack.id)).stack_status).toBe('DELETE_COMPLETE');
    expect(cloud.servers).toEqual([]);
    expect(cloud.ports).toEqual([]);
    expect(cloud.volumes).toEqual([]);
    expect(cloud.floatingIps).toEqual([]);
    expect(cloud.alarms).toEqual([]);
    expect(cloud.misc).toEqual([]);
    expect(cloud.flavors).toHaveLength(before.flavors);
    expect(cloud.images).toHaveLength(before.images);
  });

  it('fails an attachment to a volume that is already attached', async () => {
    const t = {
      heat_template_version: '2016-10-14',
      resources: {
        server: { type: 'OS::Nova::Server', properties: { image: 'tiny', flavor: 'm1.tiny', networks: [{ network: 'net0' }] } },
        volume: { type: 'OS::Cinder::Volume', properties: { size: 1 } },
        a1: { type: 'OS::Cinder::VolumeAttachment', properties: { instance_uuid: { get_resource: 'server' }, volume_id: { get_resource: 'volume' } } },
        a2: { type: 'OS::Cinder::VolumeAttachment', depends_on: 'a1', properties: { instance_uuid: { get_resource: 'server' }, volume_id: { get_resource: 'volume' } } },
      },
    };
    const created = await call(`${s.heat}/stacks`, { method: 'POST', token: s.token, body: { stack_name: 'twice', template: t } });
    const stack = await waitStack(s, 'twice', created.json.stack.id);
    expect(stack.stack_status).toBe('CREATE_FAILED');
    expect(stack.stack_status_reason).toMatch(/resources\.a2: .*is already attached/);
    // a server booted on a network (no port resource) got its own port, removed with it
    await call(`${s.heat}/stacks/twice/${created.json.stack.id}`, { method: 'DELETE', token: s.token });
    expect((await waitStack(s, 'twice', created.json.stack.id)).stack_status).toBe('DELETE_COMPLETE');
    expect(sb.store.state.cloud.ports).toEqual([]);
  });
});
