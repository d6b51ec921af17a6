// The rule language's grammar: oslo.policy's string-form precedence tests (test_parser.py,
// ParseTextRuleTestCase), tokenizer edge cases, list-of-lists rules and parse failures.
import { describe, expect, it } from 'vitest';
import { BUILTIN_CHECKS, PolicyEnforcer, RuleParser, checkToString } from '@/lib/policy';
import { genericCheck } from '@/lib/policy/checks';

const parser = new RuleParser(BUILTIN_CHECKS, genericCheck);
const canonical = (rule: unknown) => checkToString(parser.parse(rule).check);

describe('precedence: () > not > and > or (upstream string forms)', () => {
  const single: Array<[string, string]> = [
    ['@ or ! or @', '(@ or ! or @)'],
    ['@ or ! and @', '(@ or (! and @))'],
    ['@ and ! or @', '((@ and !) or @)'],
    ['@ and ! and @', '(@ and ! and @)'],
    ['@ or ! or @ or !', '(@ or ! or @ or !)'],
    ['@ or ! or @ and !', '(@ or ! or (@ and !))'],
    ['@ or ! and @ or !', '(@ or (! and @) or !)'],
    ['@ or ! and @ and !', '(@ or (! and @ and !))'],
    ['@ and ! or @ or !', '((@ and !) or @ or !)'],
    ['@ and ! or @ and !', '((@ and !) or (@ and !))'],
    ['@ and ! and @ or !', '((@ and ! and @) or !)'],
    ['@ and ! and @ and !', '(@ and ! and @ and !)'],
    ['not @ and ! or @', '((not @ and !) or @)'],
    ['@ and not ! or @', '((@ and not !) or @)'],
    ['@ and ! or not @', '((@ and !) or not @)'],
    ['@ and ( ! or @ )', '(@ and (! or @))'],
    ['not @ and ( ! or @ )', '(not @ and (! or @))'],
    ['not ( @ and ! or @ )', 'not ((@ and !) or @)'],
    ['@ and ( not ! or @ )', '(@ and (not ! or @))'],
    ['@ and not ( ! or @ )', '(@ and not (! or @))'],
    ['@ and ( ! or not @ )', '(@ and (! or not @))'],
  ];
  it.each(single)('%s -> %s', (rule, expected) => {
    expect(canonical(rule)).toBe(expected);
  });

  const groups: Array<[string, string[]]> = [
    [
      '((@ and !) or @)',
      ['( @ ) and ! or @', '@ and ( ! ) or @', '@ and ! or ( @ )', '( @ ) and ! or ( @ )', '@ and ( ! ) or ( @ )', '( @ ) and ( ! ) or ( @ )',
        '( @ and ! ) or @', '( ( @ ) and ! ) or @', '( @ and ( ! ) ) or @', '( ( @ and ! ) ) or @', '( @ and ! or @ )'],
    ],
    ['((not @ and !) or @)', ['not ( @ ) and ! or @', 'not @ and ( ! ) or @', 'not @ and ! or ( @ )', '( not @ ) and ! or @', '( not @ and ! ) or @', '( not @ and ! or @ )']],
    ['((@ and not !) or @)', ['( @ ) and not ! or @', '@ and ( not ! ) or @', '@ and not ( ! ) or @', '@ and not ! or ( @ )', '( @ and not ! ) or @', '( @ and not ! or @ )']],
    ['((@ and !) or not @)', ['( @ ) and ! or not @', '@ and ( ! ) or not @', '@ and ! or not ( @ )', '@ and ! or ( not @ )', '( @ and ! ) or not @', '( @ and ! or not @ )']],
  ];
  for (const [expected, rules] of groups) {
    it.each(rules)(`%s -> ${expected}`, (rule) => {
      expect(canonical(rule)).toBe(expected);
    });
  }

  it('parentheses may be glued to checks and keywords are case-insensitive', () => {
    expect(canonical('(role:a OR role:b) AnD NOT role:c')).toBe('((role:a or role:b) and not role:c)');
    expect(canonical('((role:a))')).toBe('role:a');
    // only leading/trailing parens are peeled: %(x)s inside a check survives
    expect(canonical('(tenant_id:%(tenant_id)s)')).toBe('tenant_id:%(tenant_id)s');
  });
});

describe('parse failures deny and are reported', () => {
  const denies: Array<[string, string]> = [
    ['whitespace only', '   '],
    ['dangling operator', '@ and'],
    ['bare operator', 'or'],
    ['unbalanced paren', '( @'],
    ['extra close paren', '@ )'],
    ['two checks without operator', 'role:a role:b'],
    ['quoted string', '"role:admin"'],
    ['not without operand', 'not'],
  ];
  it.each(denies)('%s: %j', (_label, rule) => {
    const parsed = parser.parse(rule);
    expect(checkToString(parsed.check)).toBe('!');
    expect(parsed.problems.length).toBeGreaterThan(0);
  });

  it('a token without a colon is a deny atom, the rest still parses', () => {
    const parsed = parser.parse('admin or @');
    expect(checkToString(parsed.check)).toBe('(! or @)');
    expect(parsed.problems[0]).toMatch(/"admin" is not a check/);
  });

  it('the empty rule allows', () => {
    const parsed = parser.parse('');
    expect(checkToString(parsed.check)).toBe('@');
    expect(parsed.problems).toEqual([]);
  });
});

describe('list-of-lists rules: outer = or, inner = and', () => {
  it.each([
    [[], '@'],
    [[[]], '!'],
    [['role:a'], 'role:a'],
    [[['role:a']], 'role:a'],
    [[['role:a', 'role:b']], '(role:a and role:b)'],
    [[['role:a'], ['role:b']], '(role:a or role:b)'],
    [[['r1', 'r2'], ['r3', 'r4']].map((inner) => inner.map((r) => `rule:${r}`)), '((rule:r1 and rule:r2) or (rule:r3 and rule:r4))'],
    [[[], ['@']], '@'],
  ] as Array<[unknown, string]>)('%j -> %s', (rule, expected) => {
    expect(canonical(rule)).toBe(expected);
  });
});

describe('evaluation follows the parsed precedence', () => {
  const decide = (rule: string, roles: string[]) =>
    new PolicyEnforcer({ rules: { r: rule } }).enforce('r', {}, { roles }).allowed;

  it('and binds tighter than or', () => {
    // (a) or (b and c): true with only a
    expect(decide('role:a or role:b and role:c', ['a'])).toBe(true);
    expect(decide('role:a or role:b and role:c', ['b'])).toBe(false);
    expect(decide('role:a and role:b or role:c', ['c'])).toBe(true);
  });

  it('not binds tighter than and', () => {
    expect(decide('not role:a and role:b', ['b'])).toBe(true);
    expect(decide('not role:a and role:b', ['a', 'b'])).toBe(false);
    expect(decide('not (role:a and role:b)', ['a'])).toBe(true);
  });
});
