// Heat of the sandbox: the Tacker-shaped stack from create to delete, with Nova/Neutron side
// effects, lookups, errors, update, validate and resource failures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, readTemplate, startTestSandbox, waitStack, type Session, type TestSandbox } from './helpers';

let sb: TestSandbox;
let s: Session;
beforeAll(async () => {
  sb = await startTestSandbox({ resourceDelayMs: 30 });
  s = await login(sb.url);
});
afterAll(async () => sb?.close());

const HOT_VERSION = '2018-08-31';

async function create(name: string, template: unknown, extra: Record<string, unknown> = {}) {
  const res = await call(`${s.heat}/stacks`, { method: 'POST', token: s.token, body: { stack_name: name, template, ...extra } });
  return res;
}

describe('sandbox heat: Tacker-shaped VNF stack', () => {
  it('creates asynchronously in dependency order and builds the Nova server on its port', async () => {
    const created = await create('vnf1', readTemplate('tacker-vnf.yaml'));
    expect(created.status).toBe(201);
    const id = created.json.stack.id;
    expect(created.headers.get('location')).toBe(`${s.heat}/stacks/vnf1/${id}`);

    const early = await call(`${s.heat}/stacks/vnf1/${id}`, { token: s.token });
    expect(early.json.stack.stack_status).toBe('CREATE_IN_PROGRESS');
    expect(early.json.stack.outputs).toEqual([{ output_key: 'mgmt_ip-VDU1', description: 'No description given', output_value: null }]);

    const stack = await waitStack(s, 'vnf1', id);
    expect(stack.stack_status).toBe('CREATE_COMPLETE');
    expect(stack.outputs[0].output_value).toBe('192.168.200.2');

    const events = await call(`${s.heat}/stacks/vnf1/${id}/events?sort_dir=asc`, { token: s.token });
    const order = events.json.events.filter((e: { resource_status: string }) => e.resource_status === 'CREATE_COMPLETE').map((e: { resource_name: string }) => e.resource_name);
    expect(order.indexOf('VL1')).toBeLessThan(order.indexOf('VL1_subnet'));
    expect(order.indexOf('VL1_subnet')).toBeLessThan(order.indexOf('VDU1'));
    expect(order.indexOf('CP1')).toBeLessThan(order.indexOf('VDU1'));
    expect(order[order.length - 1]).toBe('vnf1');
    const newestFirst = await call(`${s.heat}/stacks/vnf1/${id}/events`, { token: s.token });
    expect(newestFirst.json.events[0].resource_status_reason).toBe('Stack CREATE completed successfully');

    const vdu = await call(`${s.heat}/stacks/vnf1/${id}/resources/VDU1`, { token: s.token });
    const serverId = vdu.json.resource.physical_resource_id;
    expect(vdu.json.resource.attributes.addresses.VL1[0].addr).toBe('192.168.200.2');
    const server = await call(`${sb.url}/compute/v2.1/servers/${serverId}`, { token: s.token });
    expect(server.status).toBe(200);
    expect(server.json.server.status).toBe('ACTIVE');
    expect(server.json.server.addresses.VL1[0]['OS-EXT-IPS:type']).toBe('fixed');
    const cp1 = await call(`${s.heat}/stacks/vnf1/${id}/resources/CP1`, { token: s.token });
    expect(cp1.json.resource.attributes.device_id).toBe(serverId);
    expect(cp1.json.resource.required_by).toEqual(['VDU1']);
    const ports = await call(`${sb.url}/network/v2.0/ports?device_id=${serverId}`, { token: s.token });
    expect(ports.json.ports).toHaveLength(1);

    const output = await call(`${s.heat}/stacks/vnf1/${id}/outputs/mgmt_ip-VDU1`, { token: s.token });
    expect(output.json.output.output_value).toBe('192.168.200.2');

    const del = await call(`${s.heat}/stacks/vnf1/${id}`, { method: 'DELETE', token: s.token });
    expect(del.status).toBe(204);
    expect(del.text).toBe('');
    const gone = await waitStack(s, 'vnf1', id);
    expect(gone.stack_status).toBe('DELETE_COMPLETE');
    expect(gone.deletion_time).not.toBeNull();
    expect(gone.outputs).toBeUndefined();
    expect((await call(`${sb.url}/compute/v2.1/servers/${serverId}`, { token: s.token })).status).toBe(404);
    expect((await call(`${sb.url}/network/v2.0/ports?device_id=${serverId}`, { token: s.token })).json.ports).toHaveLength(0);
    const byName = await call(`${s.heat}/stacks/vnf1`, { token: s.token });
    expect(byName.status).toBe(404);
    expect(byName.json.error.type).toBe('EntityNotFound');
    const again = await call(`${s.heat}/stacks/vnf1/${id}`, { method: 'DELETE', token: s.token });
    expect(again.status).toBe(404);
  });

  it('redirects name lookups with 302 (keeping sub-path and query) and 404s unknown stacks', async () => {
    const created = await create('look', { heat_template_version: '2018-08-31', resources: { n: { type: 'OS::Heat::None' } } });
    const id = created.json.stack.id;
    const r = await call(`${s.heat}/stacks/look/events?sort_dir=asc`, { token: s.token });
    expect(r.status).toBe(302);
    expect(r.headers.get('location')).toBe(`${s.heat}/stacks/look/${id}/events?sort_dir=asc`);
    expect(r.json.code).toBe('302 Found');
    const byId = await call(`${s.heat}/stacks/${id}`, { token: s.token });
    expect(byId.headers.get('location')).toBe(`${s.heat}/stacks/look/${id}`);
    const nameOnlyResource = await call(`${s.heat}/stacks/look/resources/n`, { token: s.token });
    expect(nameOnlyResource.status).toBe(404);
    const missing = await call(`${s.heat}/stacks/nosuch/00000000-0000-0000-0000-000000000000`, { token: s.token });
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({ code: 404, title: 'Not Found', error: { type: 'EntityNotFound', traceback: null, message: 'The Stack (nosuch) could not be found.' } });
  });

  it('rejects duplicates (409), unknown types and missing parameters (400) with Heat errors', async () => {
    await create('dup', { heat_template_version: '2018-08-31', resources: {} });
    const dup = await create('dup', { heat_template_version: '2018-08-31', resources: {} });
    expect(dup.status).toBe(409);
    expect(dup.json.error).toEqual({ type: 'StackExists', traceback: null, message: 'The Stack (dup) already exists.' });
    const bad = await create('bad', { heat_template_version: '2018-08-31', resources: { x: { type: 'OS::Heat::NoSuchThing' } } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toBe('The Resource Type (OS::Heat::NoSuchThing) could not be found.');
    const missing = await create('miss', { heat_template_version: '2018-08-31', parameters: { flavor: { type: 'string' } }, resources: {} });
    expect(missing.status).toBe(400);
    expect(missing.json.error).toMatchObject({ type: 'UserParameterMissing', message: 'The Parameter (flavor) was not provided.' });
    const yamlError = await create('yamlerr', 'heat_template_version: 2018-08-31\nresources:\n  a: [unclosed\n');
    expect(yamlError.status).toBe(400);
    expect(yamlError.json.error.message).toMatch(/line \d+, column \d+/);
    const badRef = await create('badref', { heat_template_version: '2018-08-31', resources: { a: { type: 'OS::Heat::None', properties: { x: { get_resource: 'zzz' } } } } });
    expect(badRef.status).toBe(400);
    expect(badRef.json.error.message).toContain('"zzz"');
  });

  it('fails a server with an unknown image with Heat-style reason, and the stack with it', async () => {
    const template = readTemplate('tacker-vnf.yaml').replace('image: tiny', 'image: no-such-image');
    const created = await create('badimg', template);
    const stack = await waitStack(s, 'badimg', created.json.stack.id);
    expect(stack.stack_status).toBe('CREATE_FAILED');
    expect(stack.stack_status_reason).toContain("Resource CREATE failed: StackValidationFailed: resources.VDU1: Property error: VDU1.Properties.image: Error validating value 'no-such-image'");
    const res = await call(`${s.heat}/stacks/badimg/${created.json.stack.id}/resources/VDU1`, { token: s.token });
    expect(res.json.resource.resource_status).toBe('CREATE_FAILED');
    const failed = await call(`${s.heat}/stacks?status=FAILED`, { token: s.token });
    expect(failed.json.stacks.map((x: { stack_name: string }) => x.stack_name)).toEqual(['badimg']);
  });

  it('fails TestResource with fail: true like Heat', async () => {
    const created = await create('sfail', { heat_template_version: '2018-08-31', resources: { ok: { type: 'OS::Heat::None' }, bad: { type: 'OS::Heat::TestResource', properties: { value: 'x', fail: true } } } });
    const stack = await waitStack(s, 'sfail', created.json.stack.id);
    expect(stack.stack_status_reason).toBe('Resource CREATE failed: ValueError: resources.bad: Test Resource failed bad');
  });

  it('updates parameters with PATCH (202) and re-resolves dependent resources', async () => {
    const template = { heat_template_version: '2018-08-31', parameters: { v: { type: 'string', default: 'a' } }, resources: { t: { type: 'OS::Heat::TestResource', properties: { value: { get_param: 'v' } } } }, outputs: { out: { value: { get_attr: ['t', 'output'] } } } };
    const created = await create('supd', template);
    const id = created.json.stack.id;
    expect((await waitStack(s, 'supd', id)).outputs[0].output_value).toBe('a');
    const patch = await call(`${s.heat}/stacks/supd/${id}`, { method: 'PATCH', token: s.token, body: { parameters: { v: 'b' } } });
    expect(patch.status).toBe(202);
    expect(patch.json.code).toBe('202 Accepted');
    const updated = await waitStack(s, 'supd', id);
    expect(updated.stack_status).toBe('UPDATE_COMPLETE');
    expect(updated.parameters.v).toBe('b');
    expect(updated.outputs[0].output_value).toBe('b');
    const events = await call(`${s.heat}/stacks/supd/${id}/resources/t/events?sort_dir=asc`, { token: s.token });
    expect(events.json.events.map((e: { resource_status: string }) => e.resource_status)).toEqual(['CREATE_IN_PROGRESS', 'CREATE_COMPLETE', 'UPDATE_IN_PROGRESS', 'UPDATE_COMPLETE']);
  });

  it('heals: a resource marked unhealthy is replaced by the next update', async () => {
    const created = await create('heal', readTemplate('tacker-vnf.yaml'));
    const id = created.json.stack.id;
    await waitStack(s, 'heal', id);
    const before = (await call(`${s.heat}/stacks/heal/${id}/resources/VDU1`, { token: s.token })).json.resource.physical_resource_id;
    const mark = await call(`${s.heat}/stacks/heal/${id}/resources/VDU1`, { method: 'PATCH', token: s.token, body: { mark_unhealthy: true, resource_status_reason: 'ping failed' } });
    expect(mark.status).toBe(200);
    const marked = (await call(`${s.heat}/stacks/heal/${id}/resources/VDU1`, { token: s.token })).json.resource;
    expect(marked.resource_status).toBe('CREATE_FAILED');
    expect(marked.resource_status_reason).toBe('ping failed');
    const bad = await call(`${s.heat}/stacks/heal/${id}/resources/VDU1`, { method: 'PATCH', token: s.token, body: { mark_unhealthy: 'yes' } });
    expect(bad.status).toBe(400);
    expect((await call(`${s.heat}/stacks/heal/${id}`, { method: 'PATCH', token: s.token, body: {} })).status).toBe(202);
    const healed = await waitStack(s, 'heal', id);
    expect(healed.stack_status).toBe('UPDATE_COMPLETE');
    expect(healed.outputs[0].output_value).toBe('192.168.200.2');
    const after = (await call(`${s.heat}/stacks/heal/${id}/resources/VDU1`, { token: s.token })).json.resource;
    expect(after.resource_status).toBe('CREATE_COMPLETE');
    expect(after.physical_resource_id).not.toBe(before);
    expect((await call(`${sb.url}/compute/v2.1/servers/${before}`, { token: s.token })).status).toBe(404);
    expect((await call(`${sb.url}/compute/v2.1/servers/${after.physical_resource_id}`, { token: s.token })).json.server.addresses.VL1[0].addr).toBe('192.168.200.2');
    // the other resources were left alone
    const cp1Events = await call(`${s.heat}/stacks/heal/${id}/resources/CP1/events`, { token: s.token });
    expect(cp1Events.json.events).toHaveLength(2);
  });

  it('PUT with a new template adds, replaces (type change) and removes resources', async () => {
    const v1 = { heat_template_version: HOT_VERSION, resources: { keep: { type: 'OS::Heat::None' }, morph: { type: 'OS::Heat::None' }, drop: { type: 'OS::Heat::RandomString' } } };
    const created = await create('reshape', v1);
    const id = created.json.stack.id;
    await waitStack(s, 'reshape', id);
    const v2 = { heat_template_version: HOT_VERSION, resources: { keep: { type: 'OS::Heat::None' }, morph: { type: 'OS::Heat::RandomString', properties: { length: 8 } }, added: { type: 'OS::Heat::None' } }, outputs: { r: { value: { get_attr: ['morph', 'value'] } } } };
    const put = await call(`${s.heat}/stacks/reshape/${id}`, { method: 'PUT', token: s.token, body: { template: v2 } });
    expect(put.status).toBe(202);
    const stack = await waitStack(s, 'reshape', id);
    expect(stack.stack_status, stack.stack_status_reason).toBe('UPDATE_COMPLETE');
    expect(stack.outputs[0].output_value).toMatch(/^[A-Za-z0-9]{8}$/);
    const rows = (await call(`${s.heat}/stacks/reshape/${id}/resources`, { token: s.token })).json.resources;
    expect(Object.fromEntries(rows.map((r: { resource_name: string; resource_type: string }) => [r.resource_name, r.resource_type]))).toEqual({ keep: 'OS::Heat::None', morph: 'OS::Heat::RandomString', added: 'OS::Heat::None' });
    const keepEvents = await call(`${s.heat}/stacks/reshape/${id}/resources/keep/events`, { token: s.token });
    expect(keepEvents.json.events).toHaveLength(2);
  });

  it('PATCH clear_parameters reverts a parameter to its default', async () => {
    const template = { heat_template_version: '2018-08-31', parameters: { v: { type: 'string', default: 'a' } }, resources: {}, outputs: { out: { value: { get_param: 'v' } } } };
    const created = await create('clr', template, { parameters: { v: 'b' } });
    const id = created.json.stack.id;
    expect((await waitStack(s, 'clr', id)).outputs[0].output_value).toBe('b');
    await call(`${s.heat}/stacks/clr/${id}`, { method: 'PATCH', token: s.token, body: { clear_parameters: ['v'] } });
    const updated = await waitStack(s, 'clr', id);
    expect(updated.parameters.v).toBe('a');
    expect(updated.outputs[0].output_value).toBe('a');
  });

  it('maps types through environment.resource_registry (also inside nested stacks)', async () => {
    const member = { heat_template_version: HOT_VERSION, resources: { r: { type: 'Trellis::Nothing' } }, outputs: { id: { value: { get_resource: 'r' } } } };
    const template = {
      heat_template_version: HOT_VERSION,
      resources: {
        one: { type: 'Trellis::Member' },
        group: { type: 'OS::Heat::AutoScalingGroup', properties: { min_size: 2, max_size: 2, resource: { type: 'Trellis::Member' } } },
      },
      outputs: { ids: { value: { get_attr: ['group', 'outputs_list', 'id'] } } },
    };
    const environment = { resource_registry: { 'Trellis::Member': 'member.json', 'Trellis::Nothing': 'OS::Heat::None' } };
    const created = await create('reg', template, { files: { 'member.json': JSON.stringify(member) }, environment });
    expect(created.status, created.text).toBe(201);
    const stack = await waitStack(s, 'reg', created.json.stack.id);
    expect(stack.stack_status, stack.stack_status_reason).toBe('CREATE_COMPLETE');
    expect(stack.outputs[0].output_value).toHaveLength(2);
    const one = await call(`${s.heat}/stacks/reg/${created.json.stack.id}/resources/one`, { token: s.token });
    expect(one.json.resource.resource_type).toBe('Trellis::Member');
    const unmapped = await create('reg2', template, { files: { 'member.json': JSON.stringify(member) } });
    expect(unmapped.status).toBe(400);
    expect(unmapped.json.error.message).toBe('The Resource Type (Trellis::Member) could not be found.');
  });

  it('pages events with marker and limit', async () => {
    const created = await create('ev', { heat_template_version: '2018-08-31', resources: { a: { type: 'OS::Heat::None' }, b: { type: 'OS::Heat::None', depends_on: 'a' } } });
    const id = created.json.stack.id;
    await waitStack(s, 'ev', id);
    const all = await call(`${s.heat}/stacks/ev/${id}/events?sort_dir=asc`, { token: s.token });
    expect(all.json.events).toHaveLength(6);
    const page = await call(`${s.heat}/stacks/ev/${id}/events?sort_dir=asc&marker=${all.json.events[1].id}&limit=2`, { token: s.token });
    expect(page.json.events.map((e: { id: string }) => e.id)).toEqual([all.json.events[2].id, all.json.events[3].id]);
  });

  it('validates templates: parameters description and unknown types', async () => {
    const ok = await call(`${s.heat}/validate`, { method: 'POST', token: s.token, body: { template: readTemplate('T.yaml'), files: { 'member.yaml': readTemplate('member.yaml') } } });
    expect(ok.status).toBe(200);
    expect(ok.json.Parameters.wait).toMatchObject({ Type: 'Number', Default: 8 });
    const bad = await call(`${s.heat}/validate`, { method: 'POST', token: s.token, body: { template: readTemplate('T.yaml') } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toBe('The Resource Type (member.yaml) could not be found.');
    const missing = await call(`${s.heat}/validate`, { method: 'POST', token: s.token, body: { template: { heat_template_version: '2018-08-31', parameters: { p: { type: 'string' } } }, parameters: {} } });
    expect(missing.status).toBe(400);
    expect(missing.json.error.type).toBe('UserParameterMissing');
  });

  it('refuses requests without a valid token and for another project; admin lists all with global_tenant', async () => {
    expect((await call(`${s.heat}/stacks`)).status).toBe(401);
    const demo = await login(sb.url, 'demo');
    const cross = await call(`${s.heat}/stacks`, { token: demo.token });
    expect(cross.status).toBe(403);
    const own = await call(`${demo.heat}/stacks`, { method: 'POST', token: demo.token, body: { stack_name: 'demo1', template: { heat_template_version: '2018-08-31' } } });
    expect(own.status).toBe(201);
    expect((await call(`${demo.heat}/stacks`, { token: demo.token })).json.stacks.map((x: { stack_name: string }) => x.stack_name)).toEqual(['demo1']);
    expect((await call(`${s.heat}/stacks`, { token: s.token })).json.stacks.map((x: { stack_name: string }) => x.stack_name)).not.toContain('demo1');
    const global = await call(`${s.heat}/stacks?global_tenant=True`, { token: s.token });
    expect(global.json.stacks.map((x: { stack_name: string }) => x.stack_name)).toContain('demo1');
    const demoGlobal = await call(`${demo.heat}/stacks?global_tenant=True`, { token: demo.token });
    expect(demoGlobal.json.stacks.map((x: { stack_name: string }) => x.stack_name)).toEqual(['demo1']);
  });
});
