// One policy "case" (the cases.jsonl format used by the conformance suite and by
// `trellis policy check`): a policy, a rule, a target and credentials -> a decision. Pure.

import { BUILTIN_CHECKS } from './checks';
import { PolicyEnforcer, type Decision, type RuleSource } from './enforcer';
import { parsePolicyFile } from './file';
import { tackerChecks } from './tacker';

export interface PolicyCase {
  id?: unknown;
  /** Rules as a mapping, or `policy_text`: a YAML/JSON policy file. One of the two. */
  rules?: Record<string, RuleSource>;
  policy_text?: string;
  rule: string;
  target: Record<string, unknown>;
  creds: Record<string, unknown>;
  /** Absent = "default"; null = no default rule. */
  default_rule?: string | null;
  /** "tacker" registers Tacker's `field:` check. */
  mode?: string;
  /** Canned response bodies for http:/https: checks, by URL after substitution. */
  http?: Record<string, string>;
}

export interface CaseResult {
  id: unknown;
  allowed: boolean;
  error: string | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Why a case object is malformed (naming the field), or null when it is usable. */
export function validateCase(value: unknown): string | null {
  if (!isRecord(value)) return 'a case must be a JSON object';
  if (value.rules === undefined && value.policy_text === undefined) return 'one of "rules" or "policy_text" is required';
  if (value.rules !== undefined && !isRecord(value.rules)) return '"rules" must be an object of rule name -> rule';
  if (value.policy_text !== undefined && typeof value.policy_text !== 'string') return '"policy_text" must be a string';
  if (typeof value.rule !== 'string') return '"rule" must be a string';
  if (!isRecord(value.target)) return '"target" must be an object';
  if (!isRecord(value.creds)) return '"creds" must be an object';
  if (value.default_rule !== undefined && value.default_rule !== null && typeof value.default_rule !== 'string') {
    return '"default_rule" must be a string or null';
  }
  if (value.mode !== undefined && value.mode !== 'tacker') return '"mode" must be "tacker" when present';
  if (value.http !== undefined && (!isRecord(value.http) || Object.values(value.http).some((v) => typeof v !== 'string'))) {
    return '"http" must be an object of URL -> response body';
  }
  return null;
}

/** Evaluates one case; a load problem (bad policy_text) is an error decision like oslo's. */
export function evaluateCase(policyCase: PolicyCase): CaseResult & { reason: string } {
  const id = policyCase.id ?? null;
  let rules: Record<string, RuleSource>;
  if (policyCase.policy_text !== undefined) {
    const file = parsePolicyFile(policyCase.policy_text);
    if (file.errors.length > 0) return { id, allowed: false, error: `load: ${file.errors[0]}`, reason: file.errors.join('; ') };
    rules = file.rules;
  } else {
    rules = policyCase.rules ?? {};
  }
  const canned = policyCase.http ?? {};
  const enforcer = new PolicyEnforcer({
    rules,
    defaultRule: policyCase.default_rule === undefined ? 'default' : policyCase.default_rule,
    checks: policyCase.mode === 'tacker' ? tackerChecks() : BUILTIN_CHECKS,
    // Unknown URLs answer with an empty body, which does not allow.
    http: (url) => (Object.hasOwn(canned, url) ? canned[url] : ''),
  });
  const decision: Decision = enforcer.enforce(policyCase.rule, policyCase.target, policyCase.creds);
  return { id, allowed: decision.allowed, error: decision.error, reason: decision.reason };
}
