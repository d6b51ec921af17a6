// Fault injection of the sandbox: failing resources, 5xx answers, hung requests, latency,
// early token expiry; the admin API validates its input and needs an admin token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, readTemplate, startTestSandbox, waitStack, type Session, type TestSandbox } from './helpers';

let sb: TestSandbox;
let admin: Session;
beforeAll(async () => {
  sb = await startTestSandbox({ resourceDelayMs: 20 });
  admin = await login(sb.url);
});
afterAll(async () => sb?.close());

const setFaults = (body: unknown, token = admin.token) => call(`${sb.url}/sandbox/faults`, { method: 'POST', token, body });
const clearFaults = () => call(`${sb.url}/sandbox/faults`, { method: 'DELETE', token: admin.token });

describe('sandbox fault injection', () => {
  it('needs an admin token and names bad fields', async () => {
    const demo = await login(sb.url, 'demo');
    expect((await setFaults({ errorRate: 1 }, demo.token)).status).toBe(403);
    expect((await call(`${sb.url}/sandbox/faults`, { method: 'POST', body: {} })).status).toBe(401);
    const bad = await setFaults({ errorRate: 3 });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toContain('errorRate');
    const unknown = await setFaults({ explode: true });
    expect(unknown.json.error.message).toContain('explode');
  });

  it('fails a named resource with the given reason', async () => {
    await setFaults({ failResources: [{ name: 'VDU1', reason: 'No valid host was found.' }] });
    const created = await call(`${admin.heat}/stacks`, { method: 'POST', token: admin.token, body: { stack_name: 'faulty', template: readTemplate('tacker-vnf.yaml') } });
    const stack = await waitStack(admin, 'faulty', created.json.stack.id);
    expect(stack.stack_status).toBe('CREATE_FAILED');
    expect(stack.stack_status_reason).toBe('Resource CREATE failed: Error: resources.VDU1: No valid host was found.');
    await clearFaults();
    const servers = await call(`${sb.url}/compute/v2.1/servers`, { token: admin.token });
    expect(servers.json.servers).toHaveLength(0);
  });

  it('slows Heat resources down on demand', async () => {
    await setFaults({ resourceDelayMs: 400 });
    const t0 = Date.now();
    const created = await call(`${admin.heat}/stacks`, { method: 'POST', token: admin.token, body: { stack_name: 'slowed', template: { heat_template_version: '2018-08-31', resources: { a: { type: 'OS::Heat::None' }, b: { type: 'OS::Heat::None', depends_on: 'a' } } } } });
    const stack = await waitStack(admin, 'slowed', created.json.stack.id);
    expect(stack.stack_status).toBe('CREATE_COMPLETE');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(780);
    await clearFaults();
  });

  it('fails a create that outlasts timeout_mins with "Timed out"', async () => {
    await setFaults({ resourceDelayMs: 5000 });
    const created = await call(`${admin.heat}/stacks`, { method: 'POST', token: admin.token, body: { stack_name: 'late', timeout_mins: 0.01, template: { heat_template_version: '2018-08-31', resources: { a: { type: 'OS::Heat::None' } } } } });
    expect(created.status).toBe(201);
    const stack = await waitStack(admin, 'late', created.json.stack.id);
    expect(stack.stack_status).toBe('CREATE_FAILED');
    expect(stack.stack_status_reason).toBe('Timed out');
    await clearFaults();
    const bad = await call(`${admin.heat}/stacks`, { method: 'POST', token: admin.token, body: { stack_name: 'late2', timeout_mins: -1, template: { heat_template_version: '2018-08-31' } } });
    expect(bad.status).toBe(400);
  });

  it('answers the next N requests of a service with 503, then recovers', async () => {
    await setFaults({ failNextRequests: 2, services: ['compute'] });
    expect((await call(`${sb.url}/compute/v2.1/servers`, { token: admin.token })).status).toBe(503);
    expect((await call(`${admin.heat}/stacks`, { token: admin.token })).status).toBe(200);
    expect((await call(`${sb.url}/compute/v2.1/servers`, { token: admin.token })).status).toBe(503);
    expect((await call(`${sb.url}/compute/v2.1/servers`, { token: admin.token })).status).toBe(200);
    await clearFaults();
  });

  it('answers every request with 503 at errorRate 1 and adds latency', async () => {
    await setFaults({ errorRate: 1, services: ['orchestration'] });
    expect((await call(`${admin.heat}/stacks`, { token: admin.token })).status).toBe(503);
    await setFaults({ errorRate: 0, latencyMs: 150 });
    const t0 = Date.now();
    expect((await call(`${admin.heat}/stacks`, { token: admin.token })).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
    await clearFaults();
  });

  it('lets requests hang at timeoutRate 1 (the client times out)', async () => {
    await setFaults({ timeoutRate: 1, services: ['image'] });
    await expect(fetch(`${sb.url}/image/v2/images`, { headers: { 'X-Auth-Token': admin.token }, signal: AbortSignal.timeout(300) })).rejects.toThrow();
    await clearFaults();
    expect((await call(`${sb.url}/image/v2/images`, { token: admin.token })).status).toBe(200);
  });

  it('expires all tokens on demand', async () => {
    const user = await login(sb.url, 'demo');
    const res = await call(`${sb.url}/sandbox/expire-tokens`, { method: 'POST', token: admin.token });
    expect(res.json.expired).toBeGreaterThan(0);
    expect((await call(`${user.heat}/stacks`, { token: user.token })).status).toBe(401);
    admin = await login(sb.url);
  });

  it('takes faults from SANDBOX_FAULTS at start', async () => {
    const other = await startTestSandbox({ env: { SANDBOX_FAULTS: '{"failNextRequests": 1, "services": ["network"]}' } });
    try {
      const s = await login(other.url);
      expect((await call(`${other.url}/network/v2.0/networks`, { token: s.token })).status).toBe(503);
      expect((await call(`${other.url}/network/v2.0/networks`, { token: s.token })).status).toBe(200);
    } finally {
      await other.close();
    }
    await expect(startTestSandbox({ env: { SANDBOX_FAULTS: '{"errorRate": "x"}' } })).rejects.toThrow(/errorRate/);
  });
});
