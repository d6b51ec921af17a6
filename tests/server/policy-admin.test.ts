// The admin's view of the policy in force, the "try it" evaluation, and override files.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startHarness, type Harness } from '../support/harness';

let h: Harness;
let show: typeof import('@/app/api/admin/policy/route');
let tryIt: typeof import('@/app/api/admin/policy/try/route');
let policyFile: string;

beforeAll(async () => {
  h = await startHarness();
  policyFile = path.join(h.dataDir, 'policy.yaml');
  show = await import('@/app/api/admin/policy/route');
  tryIt = await import('@/app/api/admin/policy/try/route');
});
afterAll(async () => h?.close());

describe('effective policy', () => {
  it('is for admins only', async () => {
    const res = await call(show.GET, 'GET', '/api/admin/policy', { token: await h.token('demo') });
    expect(res.status).toBe(403);
  });

  it("lists Tacker's built-in rules", async () => {
    delete process.env.TRELLIS_POLICY_FILE;
    const res = await call(show.GET, 'GET', '/api/admin/policy', { token: await h.token('admin') });
    expect(res.status).toBe(200);
    const byName = Object.fromEntries(res.json.rules.map((r: { name: string }) => [r.name, r]));
    expect(byName.context_is_admin).toEqual({ name: 'context_is_admin', text: 'role:admin', origin: 'default' });
    expect(byName.shared.text).toBe('field:vims:shared=True');
    expect(res.json.errors).toEqual([]);
  });

  it('applies an override file, and keeps the previous rules when the file breaks', async () => {
    fs.writeFileSync(policyFile, 'delete_vnf: "rule:admin_only"\n');
    process.env.TRELLIS_POLICY_FILE = policyFile;
    const admin = await h.token('admin');
    let res = await call(show.GET, 'GET', '/api/admin/policy', { token: admin });
    const rule = () => res.json.rules.find((r: { name: string }) => r.name === 'delete_vnf');
    expect(rule()).toEqual({ name: 'delete_vnf', text: 'rule:admin_only', origin: 'override' });

    // A broken file (bad YAML): reported, and the override above stays in force.
    fs.writeFileSync(policyFile, 'delete_vnf: [unclosed\n');
    fs.utimesSync(policyFile, new Date(), new Date(Date.now() + 5000));
    res = await call(show.GET, 'GET', '/api/admin/policy', { token: admin });
    expect(res.json.errors.length).toBeGreaterThan(0);
    expect(rule().text).toBe('rule:admin_only');
    delete process.env.TRELLIS_POLICY_FILE;
  });
});

describe('try it', () => {
  it('evaluates a rule for given credentials and says why', async () => {
    const token = await h.token('admin');
    const owner = await call(tryIt.POST, 'POST', '/api/admin/policy/try', {
      token,
      body: { rule: 'get_vnf', target: { tenant_id: 'p1' }, creds: { project_id: 'p1', roles: ['member'] } },
    });
    expect(owner.status).toBe(200);
    expect(owner.json.allowed).toBe(true);
    expect(owner.json.reason).toMatch(/tenant_id/);
    const other = await call(tryIt.POST, 'POST', '/api/admin/policy/try', {
      token,
      body: { rule: 'get_vnf', target: { tenant_id: 'p1' }, creds: { project_id: 'p2', roles: ['member'] } },
    });
    expect(other.json.allowed).toBe(false);
    const admin = await call(tryIt.POST, 'POST', '/api/admin/policy/try', {
      token,
      body: { rule: 'get_vnf', target: { tenant_id: 'p1' }, creds: { project_id: 'p2', roles: ['admin'] } },
    });
    expect(admin.json.allowed).toBe(true);
  });

  it('rejects a malformed request with a 400 naming the field', async () => {
    const res = await call(tryIt.POST, 'POST', '/api/admin/policy/try', { token: await h.token('admin'), body: { rule: 'get_vnf', target: 'x' } });
    expect(res.status).toBe(400);
    expect(res.json.TackerError.message).toContain('target');
  });
});
