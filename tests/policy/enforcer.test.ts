// PolicyEnforcer behaviour beyond the conformance suite: the API contract the routes and UI rely
// on (never throws, warnings once, cycles, http checks sync/async, reasons, diagnostics).
import { describe, expect, it, vi } from 'vitest';
import { PolicyEnforcer, tackerChecks } from '@/lib/policy';

const creds = { user_id: 'u1', project_id: 'p1', tenant_id: 'p1', roles: ['member'], is_admin: false };

describe('decisions', () => {
  it('role checks are case-insensitive, generic checks substitute from the target', () => {
    const enforcer = new PolicyEnforcer({ rules: { admin: 'role:MEMBER', owner: 'project_id:%(project_id)s' } });
    expect(enforcer.enforce('admin', {}, creds).allowed).toBe(true);
    expect(enforcer.enforce('owner', { project_id: 'p1' }, creds).allowed).toBe(true);
    expect(enforcer.enforce('owner', { project_id: 'p2' }, creds).allowed).toBe(false);
    // missing target key: the check is false, not an error
    expect(enforcer.enforce('owner', {}, creds)).toMatchObject({ allowed: false, error: null });
  });

  it('dotted creds paths step into lists; literal kinds compare str()', () => {
    const enforcer = new PolicyEnforcer({
      rules: { viaToken: 'token.roles.name:admin', enabled: 'True:%(enabled)s', adminFlag: 'is_admin:True' },
    });
    const tokenCreds = { token: { roles: [{ name: 'reader' }, { name: 'admin' }] }, is_admin: true };
    expect(enforcer.enforce('viaToken', {}, tokenCreds).allowed).toBe(true);
    expect(enforcer.enforce('enabled', { enabled: true }, tokenCreds).allowed).toBe(true);
    expect(enforcer.enforce('enabled', { enabled: 'true' }, tokenCreds).allowed).toBe(false);
    expect(enforcer.enforce('adminFlag', {}, tokenCreds).allowed).toBe(true);
    expect(enforcer.enforce('adminFlag', {}, { is_admin: 'true' }).allowed).toBe(false);
  });

  it('undefined rules fall back to the default rule; defaultRule null means deny', () => {
    const rules = { default: 'role:member', a: 'rule:nowhere' };
    expect(new PolicyEnforcer({ rules }).enforce('unknown_action', {}, creds).allowed).toBe(true);
    expect(new PolicyEnforcer({ rules }).enforce('a', {}, creds).allowed).toBe(true);
    const strict = new PolicyEnforcer({ rules, defaultRule: null });
    expect(strict.enforce('unknown_action', {}, creds)).toMatchObject({ allowed: false, error: null });
    expect(strict.enforce('a', {}, creds)).toMatchObject({ allowed: false, error: null });
  });

  it('the reason names the check that decided and the rule chain', () => {
    const enforcer = new PolicyEnforcer({ rules: { outer: 'role:admin or rule:inner', inner: 'project_id:%(project_id)s' } });
    const decision = enforcer.enforce('outer', { project_id: 'p1' }, creds);
    expect(decision.allowed).toBe(true);
    expect(decision.reason).toContain('project_id:%(project_id)s');
    expect(decision.reason).toContain('rule:outer -> rule:inner');
  });
});

describe('robustness', () => {
  it('a cycle denies with an error instead of hanging', () => {
    const enforcer = new PolicyEnforcer({ rules: { a: 'rule:b', b: 'role:x or rule:a', c: '@ or rule:c' } });
    const decision = enforcer.enforce('a', {}, creds);
    expect(decision.allowed).toBe(false);
    expect(decision.error).toMatch(/cycle/);
    // a cycle that short-circuits before recursing is fine, as in oslo
    expect(enforcer.enforce('c', {}, creds)).toMatchObject({ allowed: true, error: null });
    expect(enforcer.warnings.some((w) => /cyclical/.test(w))).toBe(true);
  });

  it('a cycle through the default rule is detected too', () => {
    const enforcer = new PolicyEnforcer({ rules: { default: 'rule:missing' } });
    expect(enforcer.enforce('anything', {}, creds).error).toMatch(/cycle/);
  });

  it('an unparseable rule denies and is reported exactly once', () => {
    const onWarning = vi.fn();
    const enforcer = new PolicyEnforcer({ rules: { broken: 'role:a and (', fine: '@' }, onWarning });
    for (let i = 0; i < 5; i += 1) expect(enforcer.enforce('broken', {}, creds)).toMatchObject({ allowed: false, error: null });
    expect(enforcer.enforce('fine', {}, creds).allowed).toBe(true);
    const aboutBroken = onWarning.mock.calls.filter(([message]) => String(message).includes('"broken"'));
    expect(aboutBroken).toHaveLength(1);
  });

  it('never throws, whatever the input', () => {
    const enforcer = new PolicyEnforcer({
      rules: { r: 'user.name:x or is_admin.deep:1 or 1abc:x or x:100% or role:admin' },
      onWarning: () => {
        throw new Error('logger down');
      },
    });
    const weird: unknown[] = [{ user: 'str' }, { roles: null }, { roles: 5 }, {}, { is_admin: [1, [2]] }];
    for (const c of weird) {
      const decision = enforcer.enforce('r', {}, c as Record<string, unknown>);
      expect(decision.allowed).toBe(false);
      expect(typeof decision.reason).toBe('string');
    }
    // null/undefined target and creds are treated as empty
    expect(() => enforcer.enforce('r', undefined as never, null as never)).not.toThrow();
  });

  it('KeyError inside a referenced rule makes that rule false; at top level it is an error', () => {
    const rules = { top: 'http://pdp/%(missing)s', wrapper: 'rule:top or @' };
    const enforcer = new PolicyEnforcer({ rules, http: () => 'True' });
    expect(enforcer.enforce('top', {}, creds).error).toMatch(/KeyError/);
    expect(enforcer.enforce('wrapper', {}, creds)).toMatchObject({ allowed: true, error: null });
  });

  it('with no rules at all everything is denied', () => {
    expect(new PolicyEnforcer({ rules: {} }).enforce('x', {}, creds)).toMatchObject({ allowed: false, error: null });
  });

  it('a check definition that cannot load makes every decision a load error', () => {
    const enforcer = new PolicyEnforcer({ rules: { a: '@', bad: 'field:vims:shared=maybe' }, checks: tackerChecks() });
    expect(enforcer.loadErrors[0]).toMatch(/cannot be converted to boolean/);
    expect(enforcer.enforce('a', {}, creds).error).toMatch(/^load:/);
  });
});

describe('http: checks', () => {
  const rules = { remote: 'http://pdp.example/check/%(name)s', secure: 'https://pdp.example/x' };

  it('POST rule, target and credentials; only a True body allows', () => {
    const http = vi.fn((url: string) => (url.endsWith('/vim1') ? 'True' : '"True"'));
    const enforcer = new PolicyEnforcer({ rules, http });
    expect(enforcer.enforce('remote', { name: 'vim1' }, creds).allowed).toBe(true);
    expect(http).toHaveBeenCalledWith('http://pdp.example/check/vim1', { rule: 'remote', target: { name: 'vim1' }, credentials: creds });
    expect(enforcer.enforce('secure', {}, creds).allowed).toBe(true); // quoted "True" also allows
    const denying = new PolicyEnforcer({ rules, http: () => 'True\n' });
    expect(denying.enforce('secure', {}, creds).allowed).toBe(false);
  });

  it('async functions need enforceAsync; enforce reports an error instead of blocking', async () => {
    const enforcer = new PolicyEnforcer({ rules, http: async () => 'True' });
    expect(enforcer.enforce('secure', {}, creds).error).toMatch(/enforceAsync/);
    await expect(enforcer.enforceAsync('secure', {}, creds)).resolves.toMatchObject({ allowed: true, error: null });
  });

  it('a failing HTTP function is an error decision, not an exception', async () => {
    const enforcer = new PolicyEnforcer({
      rules,
      http: async () => {
        throw new Error('connection refused');
      },
    });
    await expect(enforcer.enforceAsync('secure', {}, creds)).resolves.toMatchObject({ allowed: false, error: expect.stringContaining('connection refused') });
  });

  it('without an HTTP function an http: check is an error decision', () => {
    expect(new PolicyEnforcer({ rules }).enforce('secure', {}, creds).error).toMatch(/no HTTP function/);
  });
});

describe('introspection for the admin page', () => {
  it('ruleNames, ruleSource with origin and canonical form', () => {
    const enforcer = new PolicyEnforcer({ rules: { a: '@ or ! and @', b: [['role:x', 'role:y']] }, origins: { b: 'override' } });
    expect(enforcer.ruleNames()).toEqual(['a', 'b']);
    expect(enforcer.ruleSource('a')).toEqual({ text: '@ or ! and @', origin: 'default' });
    expect(enforcer.ruleSource('b')).toEqual({ text: '[["role:x","role:y"]]', origin: 'override' });
    expect(enforcer.ruleSource('zzz')).toBeUndefined();
    expect(enforcer.ruleCanonical('a')).toBe('(@ or (! and @))');
  });

  it('enforceMany evaluates several actions for one target', () => {
    const enforcer = new PolicyEnforcer({ rules: { get: '@', delete: 'role:admin' } });
    const decisions = enforcer.enforceMany(['get', 'delete'], {}, creds);
    expect(decisions.get.allowed).toBe(true);
    expect(decisions.delete.allowed).toBe(false);
  });
});

describe('helpers for the routes and the admin page', () => {
  const enforcer = new PolicyEnforcer({
    rules: { admin_or_owner: 'role:admin or tenant_id:%(tenant_id)s', 'get_vim:auth_cred': 'rule:admin_or_owner', 'get_vim:name': '@' },
  });

  it('enforceText evaluates an inline rule against the policy', () => {
    const owner = { tenant_id: 'p1', roles: [] };
    expect(enforcer.enforceText('rule:admin_or_owner and not role:banned', { tenant_id: 'p1' }, owner)).toMatchObject({ allowed: true, error: null });
    expect(enforcer.enforceText('rule:admin_or_owner', { tenant_id: 'p2' }, owner).allowed).toBe(false);
    const broken = enforcer.enforceText('role:admin or', {}, owner);
    expect(broken.allowed).toBe(false);
    expect(broken.reason).toMatch(/could not parse/);
  });

  it('deniedAttributes lists fields whose ACTION:ATTRIBUTE rule denies', () => {
    const vim = { id: 'v1', name: 'east', tenant_id: 'p1', auth_cred: { password: 'x' } };
    expect(enforcer.deniedAttributes('get_vim', vim, { tenant_id: 'p2', roles: [] })).toEqual(['auth_cred']);
    expect(enforcer.deniedAttributes('get_vim', vim, { tenant_id: 'p1', roles: [] })).toEqual([]);
  });
});
