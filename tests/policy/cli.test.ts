// `trellis policy check`: JSON lines in, one result line per case out (spawned like an operator would).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');

function check(input: string, args: string[] = []) {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'bin/trellis.js'), 'policy', 'check', ...args], {
    input,
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 30_000,
  });
  const lines = run.stdout.trim() === '' ? [] : run.stdout.trim().split('\n').map((line) => JSON.parse(line));
  return { status: run.status, lines, stderr: run.stderr };
}

const base = { target: { tenant_id: 'p1' }, creds: { roles: ['member'], tenant_id: 'p1' } };

describe('trellis policy check', () => {
  it('writes one result per case, in order, with id/allowed/error', () => {
    const cases = [
      { id: 'owner', rules: { r: 'tenant_id:%(tenant_id)s' }, rule: 'r', ...base },
      { id: 2, rules: { r: 'role:admin' }, rule: 'r', ...base },
      { id: 3, policy_text: 'r: "1abc:x"\n', rule: 'r', ...base },
      { id: 4, policy_text: 'r: @\n', rule: 'r', ...base },
      { id: 5, rules: { r: 'field:vims:shared=True' }, rule: 'r', mode: 'tacker', target: { shared: true }, creds: {} },
      { id: 6, rules: { r: 'http://pdp/%(tenant_id)s' }, rule: 'r', http: { 'http://pdp/p1': 'True' }, ...base },
      { id: 7, rules: { x: '@' }, rule: 'missing', default_rule: null, ...base },
    ];
    const { status, lines, stderr } = check(cases.map((c) => JSON.stringify(c)).join('\n') + '\n');
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(lines.map((l) => l.id)).toEqual(['owner', 2, 3, 4, 5, 6, 7]);
    expect(lines[0]).toEqual({ id: 'owner', allowed: true, error: null });
    expect(lines[1]).toEqual({ id: 2, allowed: false, error: null });
    expect(lines[2]).toMatchObject({ id: 3, allowed: false, error: expect.stringMatching(/^enforce: SyntaxError/) });
    expect(lines[3]).toMatchObject({ id: 4, allowed: false, error: expect.stringMatching(/^load:/) });
    expect(lines[4]).toEqual({ id: 5, allowed: true, error: null });
    expect(lines[5]).toEqual({ id: 6, allowed: true, error: null });
    expect(lines[6]).toEqual({ id: 7, allowed: false, error: null });
  });

  it('bad lines get an input error naming the problem; the exit code is 1', () => {
    const input = ['not json', JSON.stringify({ id: 9, rule: 'r', target: {}, creds: {} }), JSON.stringify({ id: 10, rules: { r: '@' }, rule: 'r', ...base })].join('\n');
    const { status, lines } = check(input);
    expect(status).toBe(1);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ id: null, allowed: false, error: expect.stringMatching(/input: line 1: not JSON/) });
    expect(lines[1]).toMatchObject({ id: 9, allowed: false, error: expect.stringMatching(/"rules" or "policy_text"/) });
    expect(lines[2]).toEqual({ id: 10, allowed: true, error: null });
  });

  it('--explain adds the reason', () => {
    const { lines } = check(JSON.stringify({ id: 1, rules: { r: 'role:admin or tenant_id:%(tenant_id)s' }, rule: 'r', ...base }), ['--explain']);
    expect(lines[0].reason).toContain('tenant_id:%(tenant_id)s');
  });

  it('unknown usage exits 2', () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'bin/trellis.js'), 'policy', 'frobnicate'], { cwd: ROOT, encoding: 'utf8', input: '' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/usage/);
  });
});
