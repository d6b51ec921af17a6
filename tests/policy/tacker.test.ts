// Tacker's built-in policy, its `field:` check, and loading an operator override on top.
import { describe, expect, it } from 'vitest';
import { PolicyEnforcer, TACKER_DEFAULT_POLICY, loadTackerPolicy, tackerChecks } from '@/lib/policy';

const owner = { user_id: 'u1', project_id: 'p1', tenant_id: 'p1', roles: ['member'], is_admin: false };
const stranger = { user_id: 'u2', project_id: 'p2', tenant_id: 'p2', roles: ['member'], is_admin: false };
const admin = { user_id: 'u9', project_id: 'p9', tenant_id: 'p9', roles: ['admin'], is_admin: true };

describe('TACKER_DEFAULT_POLICY', () => {
  const { enforcer, errors, warnings } = loadTackerPolicy({});

  it('loads cleanly', () => {
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    for (const name of ['context_is_admin', 'admin_or_owner', 'admin_only', 'regular_user', 'shared', 'default']) {
      expect(TACKER_DEFAULT_POLICY).toHaveProperty(name);
    }
    for (const resource of ['vim', 'vnfd', 'vnf']) {
      for (const action of ['create', 'get', 'update', 'delete']) expect(enforcer.ruleNames()).toContain(`${action}_${resource}`);
    }
    for (const name of ['create_vnf_scale', 'get_vnf_resources', 'get_event', 'get_events', 'get_vim:auth_cred']) {
      expect(enforcer.ruleNames()).toContain(name);
    }
  });

  const privateVim = { id: 'v1', tenant_id: 'p1', shared: false };
  const sharedVim = { id: 'v2', tenant_id: 'p1', shared: true };

  it.each([
    ['get_vim', privateVim, owner, true],
    ['get_vim', privateVim, stranger, false],
    ['get_vim', privateVim, admin, true],
    ['get_vim', sharedVim, stranger, true],
    ['get_vim:auth_cred', sharedVim, stranger, false],
    ['get_vim:auth_cred', sharedVim, owner, true],
    ['delete_vim', sharedVim, stranger, false],
    ['update_vnf', { tenant_id: 'p1' }, owner, true],
    ['update_vnf', { tenant_id: 'p1' }, stranger, false],
    ['create_vnfd', { tenant_id: 'p2' }, stranger, true],
    ['create_vnfd', { tenant_id: 'p1' }, stranger, false],
    ['some_future_action', { tenant_id: 'p1' }, owner, true], // default rule
    ['some_future_action', { tenant_id: 'p1' }, stranger, false],
  ] as const)('%s on %j as %j -> %s', (rule, target, creds, allowed) => {
    expect(enforcer.enforce(rule, target, creds)).toMatchObject({ allowed, error: null });
  });
});

describe('field:RESOURCE:ATTR=VALUE', () => {
  const enforcer = new PolicyEnforcer({
    rules: { shared: 'field:vims:shared=True', active: 'field:vnfs:status=ACTIVE', vimName: 'field:vims:name=~^vim', plain: 'field:vims:shared=True' },
    checks: tackerChecks(),
  });

  it('vims:shared converts to a boolean and compares like Python (True == 1)', () => {
    expect(enforcer.enforce('shared', { shared: true }, {}).allowed).toBe(true);
    expect(enforcer.enforce('shared', { shared: 1 }, {}).allowed).toBe(true);
    expect(enforcer.enforce('shared', { shared: 'True' }, {}).allowed).toBe(false);
    expect(enforcer.enforce('shared', { shared: false }, {}).allowed).toBe(false);
    expect(enforcer.enforce('shared', {}, {}).allowed).toBe(false);
  });

  it('other attributes compare as strings; ~ is a regex anchored at the start', () => {
    expect(enforcer.enforce('active', { status: 'ACTIVE' }, {}).allowed).toBe(true);
    expect(enforcer.enforce('active', { status: 'ERROR' }, {}).allowed).toBe(false);
    expect(enforcer.enforce('vimName', { name: 'vim-east' }, {}).allowed).toBe(true);
    expect(enforcer.enforce('vimName', { name: 'my-vim' }, {}).allowed).toBe(false);
    expect(enforcer.enforce('vimName', { name: 3 }, {}).error).toMatch(/TypeError/);
  });

  it('without the Tacker registry, field: is an ordinary generic check on creds.field', () => {
    const generic = new PolicyEnforcer({ rules: { r: 'field:vims:shared=True' } });
    expect(generic.enforce('r', { shared: true }, {}).allowed).toBe(false);
    expect(generic.enforce('r', {}, { field: 'vims:shared=True' }).allowed).toBe(true);
  });

  it('a custom attribute lookup extends the conversions', () => {
    const custom = new PolicyEnforcer({
      rules: { r: 'field:vnfs:count=3' },
      checks: tackerChecks((resource, attribute) => (resource === 'vnfs' && attribute === 'count' ? Number : undefined)),
    });
    expect(custom.enforce('r', { count: 3 }, {}).allowed).toBe(true);
  });
});

describe('operator overrides (TRELLIS_POLICY_FILE contents)', () => {
  it('YAML override replaces rules and marks them as overridden', () => {
    const { enforcer, errors } = loadTackerPolicy({ overrideText: 'delete_vnf: "role:admin"\nnew_rule: "@"\n' });
    expect(errors).toEqual([]);
    expect(enforcer.ruleSource('delete_vnf')).toEqual({ text: 'role:admin', origin: 'override' });
    expect(enforcer.ruleSource('get_vnf')).toEqual({ text: 'rule:admin_or_owner', origin: 'default' });
    expect(enforcer.enforce('delete_vnf', { tenant_id: 'p1' }, owner).allowed).toBe(false);
    expect(enforcer.enforce('delete_vnf', { tenant_id: 'p1' }, admin).allowed).toBe(true);
  });

  it('JSON override works too', () => {
    const { enforcer, errors } = loadTackerPolicy({ overrideText: '{"get_vnf": "!"}' });
    expect(errors).toEqual([]);
    expect(enforcer.enforce('get_vnf', { tenant_id: 'p1' }, owner).allowed).toBe(false);
  });

  it('a broken file is reported with its position and the built-in rules stay in force', () => {
    const { enforcer, errors } = loadTackerPolicy({ overrideText: 'delete_vnf: role:admin\nget_vnf: @\n' });
    expect(errors[0]).toMatch(/line 2, column 10/);
    expect(enforcer.ruleSource('delete_vnf')?.origin).toBe('default');
    expect(enforcer.enforce('delete_vnf', { tenant_id: 'p1' }, owner).allowed).toBe(true);
  });

  it('an override that fails to load keeps the fallback enforcer', () => {
    const previous = loadTackerPolicy({ overrideText: 'get_vnf: "!"' }).enforcer;
    const { enforcer, errors } = loadTackerPolicy({ overrideText: 'shared: field:vims:shared=perhaps', fallback: previous });
    expect(errors[0]).toMatch(/cannot be converted to boolean/);
    expect(enforcer).toBe(previous);
  });

  it('a YAML syntax error also keeps the fallback; removing the override restores the built-in rules', () => {
    const previous = loadTackerPolicy({ overrideText: 'get_vnf: "!"' }).enforcer;
    const broken = loadTackerPolicy({ overrideText: 'get_vnf:\t"@"', fallback: previous });
    expect(broken.errors[0]).toMatch(/tab/);
    expect(broken.enforcer).toBe(previous);
    const removed = loadTackerPolicy({ overrideText: '', fallback: previous });
    expect(removed.enforcer).not.toBe(previous);
    expect(removed.enforcer.ruleSource('get_vnf')).toEqual({ text: 'rule:admin_or_owner', origin: 'default' });
  });

  it('warnings about the rules in force are surfaced', () => {
    const { warnings } = loadTackerPolicy({ overrideText: 'get_vnf: "rule:typo_rule"' });
    expect(warnings.join('\n')).toMatch(/get_vnf.*not defined/);
  });
});
