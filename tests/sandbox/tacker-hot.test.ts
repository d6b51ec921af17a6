// The HOT templates legacy Tacker generates (its expected outputs in the Tacker Pike test data,
// shared/conformance/tacker-pike) launch in the sandbox: flavors, images, ports, servers,
// volumes, alarms, scaling groups. Network names that exist only in Tacker's unit-test fixtures
// are created first; the fixtures' image names are mapped onto the seeded images.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, startTestSandbox, waitStack, type Session, type TestSandbox } from './helpers';

const ROOT = path.resolve(__dirname, '../../../shared/conformance/tacker-pike');
// networks Tacker's unit-test fixtures expect to exist (created through the Neutron API below)
const FIXTURE_NETWORKS: Record<string, string> = { existing_network_1: '10.10.1.0/24', existing_network_2: '10.10.2.0/24', 'net-mgmt': '192.168.130.0/24', pkt_in: '10.20.0.0/24', pkt_out: '10.20.1.0/24' };
// image names of the fixtures -> the sandbox's seeded images
const FIXTURE_IMAGES: Record<string, string> = { cirros: 'cirros-0.3.5-x86_64-disk', Fedora: 'fedora-software-config' };

function hotFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return hotFiles(full);
    return /^hot_.*\.yaml$/.test(e.name) ? [full] : [];
  });
}

/** Templates that are HOT a real Heat would accept (some fixtures are Tacker-internal intermediates or not YAML 1.2). */
const launchable = hotFiles(ROOT).flatMap((file) => {
  let text = fs.readFileSync(file, 'utf8');
  let doc: { resources?: Record<string, { type?: unknown }> };
  try {
    doc = parse(text);
  } catch {
    return [];
  }
  if (!doc?.resources || Object.values(doc.resources).some((r) => typeof r?.type !== 'string')) return [];
  for (const [from, to] of Object.entries(FIXTURE_IMAGES)) text = text.replace(new RegExp(`(?<=[\\s:'"[{,])${from}(?=[\\s'",}\\]]|$)`, 'gm'), to);
  return [{ name: path.basename(file, '.yaml'), text }];
});

let sb: TestSandbox;
let s: Session;
beforeAll(async () => {
  sb = await startTestSandbox({ resourceDelayMs: 2 });
  s = await login(sb.url);
  for (const [name, cidr] of Object.entries(FIXTURE_NETWORKS)) {
    const net = await call(`${sb.url}/network/v2.0/networks`, { method: 'POST', token: s.token, body: { network: { name } } });
    await call(`${sb.url}/network/v2.0/subnets`, { method: 'POST', token: s.token, body: { subnet: { name: `${name}-subnet`, network_id: net.json.network.id, cidr, ip_version: 4 } } });
  }
});
afterAll(async () => sb?.close());

describe.skipIf(launchable.length === 0)('Tacker-generated HOT launches in the sandbox', () => {
  it('finds the Tacker HOT fixtures', () => {
    expect(launchable.length).toBeGreaterThanOrEqual(20);
  });

  it.each(launchable)('$name reaches CREATE_COMPLETE and deletes cleanly', async ({ name, text }) => {
    const stackName = name.replace(/[^A-Za-z0-9_-]/g, '_');
    const created = await call(`${s.heat}/stacks`, { method: 'POST', token: s.token, body: { stack_name: stackName, template: text } });
    expect(created.status, created.text).toBe(201);
    try {
      const stack = await waitStack(s, stackName, created.json.stack.id);
      expect(stack.stack_status, stack.stack_status_reason).toBe('CREATE_COMPLETE');
    } finally {
      // deleted even after a failure, so one broken template does not hold addresses the next one needs
      const del = await call(`${s.heat}/stacks/${stackName}/${created.json.stack.id}`, { method: 'DELETE', token: s.token });
      expect(del.status).toBe(204);
      expect((await waitStack(s, stackName, created.json.stack.id)).stack_status).toBe('DELETE_COMPLETE');
    }
  });

  it('left no servers, ports or volumes behind', async () => {
    const servers = await call(`${sb.url}/compute/v2.1/servers`, { token: s.token });
    expect(servers.json.servers).toEqual([]);
    const ports = await call(`${sb.url}/network/v2.0/ports`, { token: s.token });
    expect(ports.json.ports).toEqual([]);
    expect(sb.store.state.cloud.volumes).toEqual([]);
  });
});
