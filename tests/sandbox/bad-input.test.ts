// Bad input gets a clear, structured error naming what is wrong, never a crash or a hang.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, startTestSandbox, waitStack, type Session, type TestSandbox } from './helpers';

let sb: TestSandbox;
let s: Session;
beforeAll(async () => {
  sb = await startTestSandbox({ resourceDelayMs: 10 });
  s = await login(sb.url);
});
afterAll(async () => sb?.close());

const HOT = '2018-08-31';

describe('sandbox: bad input', () => {
  const createCases: [string, unknown, number, string][] = [
    ['no stack name', { template: { heat_template_version: HOT } }, 400, 'No stack name specified'],
    ['bad stack name', { stack_name: '1bad name', template: { heat_template_version: HOT } }, 400, 'Invalid stack name 1bad name'],
    ['no template', { stack_name: 'x' }, 400, 'No template specified'],
    ['template is a number', { stack_name: 'x', template: 42 }, 400, 'must be a mapping'],
    ['no version', { stack_name: 'x', template: { resources: {} } }, 400, 'Template format version not found.'],
    ['resources is a list', { stack_name: 'x', template: { heat_template_version: HOT, resources: [] } }, 400, '"resources" must be a mapping'],
    ['resource without type', { stack_name: 'x', template: { heat_template_version: HOT, resources: { a: { properties: {} } } } }, 400, 'Resource a is missing "type"'],
    ['unknown parameter given', { stack_name: 'x', template: { heat_template_version: HOT }, parameters: { nope: 1 } }, 400, 'The Parameter (nope) was not defined in template.'],
    ['undeclared get_param', { stack_name: 'x', template: { heat_template_version: HOT, resources: { a: { type: 'OS::Heat::None', properties: { v: { get_param: 'zz' } } } } } }, 400, 'The Parameter (zz) was not defined in template.'],
    ['number parameter not a number', { stack_name: 'x', template: { heat_template_version: HOT, parameters: { n: { type: 'number' } } }, parameters: { n: 'abc' } }, 400, "Parameter 'n' is invalid"],
    ['bad parameter type', { stack_name: 'x', template: { heat_template_version: HOT, parameters: { n: { type: 'float' } } } }, 400, 'Invalid type (float)'],
    ['circular dependency', { stack_name: 'x', template: { heat_template_version: HOT, resources: { a: { type: 'OS::Heat::None', depends_on: 'b' }, b: { type: 'OS::Heat::None', depends_on: 'a' } } } }, 400, 'Circular Dependency Found'],
    ['allowed_values', { stack_name: 'x', template: { heat_template_version: HOT, parameters: { f: { type: 'string', constraints: [{ allowed_values: ['a'] }] } } }, parameters: { f: 'b' } }, 400, 'is not an allowed value'],
    ['files not a map', { stack_name: 'x', template: { heat_template_version: HOT }, files: 'x' }, 400, '"files" must be a mapping'],
    ['self-nesting template file', { stack_name: 'x', template: { heat_template_version: HOT, resources: { a: { type: 'loop.yaml' } } }, files: { 'loop.yaml': 'heat_template_version: 2018-08-31\nresources:\n  again:\n    type: loop.yaml\n' } }, 400, 'Recursion depth exceeds 5.'],
    ['broken nested file', { stack_name: 'x', template: { heat_template_version: HOT, resources: { a: { type: 'bad.yaml' } } }, files: { 'bad.yaml': 'resources: [' } }, 400, 'Error parsing template file bad.yaml'],
  ];
  it.each(createCases)('stack create: %s', async (_label, body, status, message) => {
    const res = await call(`${s.heat}/stacks`, { method: 'POST', token: s.token, body });
    expect(res.status).toBe(status);
    expect(res.json.error.message).toContain(message);
    expect(res.json.error).toHaveProperty('type');
  });

  it('YAML syntax errors name line and column', async () => {
    const res = await call(`${s.heat}/stacks`, { method: 'POST', token: s.token, body: { stack_name: 'y', template: 'heat_template_version: 2018-08-31\nresources:\n  a:\n    type: [x\n' } });
    expect(res.status).toBe(400);
    expect(res.json.error.message).toMatch(/Error parsing template: .*\(line \d+, column \d+\)/);
  });

  it('malformed JSON bodies are 400 for every service', async () => {
    const raw = { rawBody: '{"x": ', headers: { 'Content-Type': 'application/json' } };
    const heat = await call(`${s.heat}/stacks`, { method: 'POST', token: s.token, ...raw });
    expect(heat.status).toBe(400);
    expect(heat.json.error.message).toMatch(/Malformed JSON/);
    const neutron = await call(`${sb.url}/network/v2.0/networks`, { method: 'POST', token: s.token, ...raw });
    expect(neutron.status).toBe(400);
    expect(neutron.json.NeutronError.message).toMatch(/Malformed JSON/);
    const faults = await call(`${sb.url}/sandbox/faults`, { method: 'POST', token: s.token, ...raw });
    expect(faults.status).toBe(400);
  });

  it('a bad CIDR fails the subnet resource with the reason', async () => {
    const created = await call(`${s.heat}/stacks`, { method: 'POST', token: s.token, body: { stack_name: 'cidr', template: { heat_template_version: HOT, resources: { n: { type: 'OS::Neutron::Net' }, sn: { type: 'OS::Neutron::Subnet', properties: { network: { get_resource: 'n' }, cidr: '10.0.0.0/99' } } } } } });
    const stack = await waitStack(s, 'cidr', created.json.stack.id);
    expect(stack.stack_status).toBe('CREATE_FAILED');
    expect(stack.stack_status_reason).toContain("'10.0.0.0/99' is not a valid IPv4 CIDR");
  });

  it('unknown paths, methods and resources answer in each service\'s envelope', async () => {
    expect((await call(`${sb.url}/nowhere`)).status).toBe(404);
    const heatPath = await call(`${s.heat}/whatever/else`, { token: s.token });
    expect(heatPath.status).toBe(404);
    const method = await call(`${s.heat}/stacks`, { method: 'PUT', token: s.token });
    expect(method.status).toBe(405);
    const nova = await call(`${sb.url}/compute/v2.1/servers/nope`, { token: s.token });
    expect(nova.json.itemNotFound.message).toBe('Instance nope could not be found.');
    const badMv = await call(`${sb.url}/compute/v2.1/servers`, { token: s.token, headers: { 'OpenStack-API-Version': 'compute 3.0' } });
    expect(badMv.status).toBe(406);
    const neutron = await call(`${sb.url}/network/v2.0/ports/nope`, { token: s.token });
    expect(neutron.json.NeutronError.type).toBe('PortNotFound');
    const glance = await call(`${sb.url}/image/v2/images/nope`, { token: s.token });
    expect(glance.status).toBe(404);
    expect(glance.headers.get('content-type')).toMatch(/text\/html/);
  });

  it('signals to resources that cannot take them, and updates during an action, are refused', async () => {
    const created = await call(`${s.heat}/stacks`, { method: 'POST', token: s.token, body: { stack_name: 'sig', template: { heat_template_version: HOT, resources: { n: { type: 'OS::Heat::TestResource', properties: { wait_secs: 1 } } } } } });
    const id = created.json.stack.id;
    const patch = await call(`${s.heat}/stacks/sig/${id}`, { method: 'PATCH', token: s.token, body: {} });
    expect(patch.status).toBe(409);
    expect(patch.json.error.type).toBe('ActionInProgress');
    await waitStack(s, 'sig', id);
    const sig = await call(`${s.heat}/stacks/sig/${id}/resources/n/signal`, { method: 'POST', token: s.token, body: {} });
    expect(sig.status).toBe(400);
    expect(sig.json.error.message).toContain('does not support signal');
    const missing = await call(`${s.heat}/stacks/sig/${id}/resources/zz/signal`, { method: 'POST', token: s.token, body: {} });
    expect(missing.status).toBe(404);
  });
});
