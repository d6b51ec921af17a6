// Policy files read like oslo.policy reads them: JSON first, then YAML with PyYAML's (YAML 1.1) eyes.
import { describe, expect, it } from 'vitest';
import { PolicyEnforcer, parsePolicyFile } from '@/lib/policy';

const decide = (text: string, rule = 'r') => {
  const file = parsePolicyFile(text);
  if (file.errors.length) return { allowed: false, loadError: file.errors[0] };
  const enforcer = new PolicyEnforcer({ rules: file.rules });
  const decision = enforcer.enforce(rule, {}, { roles: ['admin'] });
  return { allowed: decision.allowed, loadError: decision.error?.startsWith('load:') ? decision.error : null };
};

describe('YAML 1.1 pitfalls', () => {
  it.each([
    ['r: role:admin', true],
    ["r: '@'", true],
    ['r:', true], // null: allow everyone
    ['r: !', true], // an empty tagged scalar: "" allows everyone
    ['r: ~', true],
    ['r: 0', true], // falsy rule
    ['r: no', true], // false, falsy
    ["r: '!'", false],
    ['r: y', false], // a string in YAML 1.1 as PyYAML resolves it: no colon, denies
    ['r: 1e3', false], // a string too (PyYAML floats need a dot)
    ['r: role:admin # comment', true],
    ['r: role:x\n  or @', true], // folded plain scalar
    ['r: >\n  role:x\n  or\t@', true], // tabs inside block scalars are fine
    ['r: [[], [role:x]]', false],
    ['r: []', true],
    ["r: &a '@'\ns: *a", true],
  ])('%j -> allowed=%s', (text, allowed) => {
    expect(decide(text)).toEqual({ allowed, loadError: null });
  });

  it.each([
    ['r: @', /line 1, column 4/],
    ['r: role:admin\t', /tab/],
    ['r:\trole:admin', /tab/],
    ['r: role:x\n\tor @', /tab.*line 2, column 1/],
    ['r: yes', /bool/],
    ['r: 1', /int/],
    ['r: 1:20', /int/], // sexagesimal
    ['r: 2001-12-14', /datetime/],
    ['r: =', /value\/merge/],
    ['r: !foo bar', /tag/],
    ['r: [a, b', /./],
    ['r: *nope', /./],
    ['- a', /mapping/],
  ])('%j fails to load (%s)', (text, message) => {
    const result = decide(text);
    expect(result.allowed).toBe(false);
    expect(result.loadError).toMatch(message);
  });

  it('tab-indented valid JSON loads (JSON is tried first); tab-indented broken JSON does not', () => {
    expect(decide('{\n\t"r": "@"\n}')).toEqual({ allowed: true, loadError: null });
    expect(decide('{\n\t"r": "@",\n}').loadError).toMatch(/tab/);
  });

  it('JSON values keep their types: numbers are not rules', () => {
    expect(decide('{"r": 1}').loadError).toMatch(/^load:/);
    expect(decide('{"r": null}')).toEqual({ allowed: true, loadError: null });
  });

  it('an empty file has no rules (everything denied, no error)', () => {
    expect(parsePolicyFile('')).toEqual({ rules: {}, errors: [] });
    expect(parsePolicyFile('# only a comment\n')).toEqual({ rules: {}, errors: [] });
  });

  it('the last of duplicate keys wins, as in PyYAML', () => {
    expect(parsePolicyFile("r: '@'\nr: '!'").rules).toEqual({ r: '!' });
  });
});
