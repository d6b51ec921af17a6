// Public API of the policy engine (oslo.policy's rule language + Tacker's policy). Pure.

import { PolicyEnforcer, type HttpFunction, type RuleOrigin, type RuleSource } from './enforcer';
import { parsePolicyFile } from './file';
import { TACKER_DEFAULT_POLICY, tackerChecks } from './tacker';
import type { CheckRegistry } from './tree';

export { PolicyEnforcer } from './enforcer';
export type { Decision, HttpFunction, PolicyEnforcerOptions, RuleOrigin, RuleSource } from './enforcer';
export { parsePolicyFile } from './file';
export type { ParsedPolicyFile } from './file';
export { BUILTIN_CHECKS } from './checks';
export { RuleParser } from './parser';
export { TACKER_DEFAULT_POLICY, TACKER_ATTRIBUTE_CONVERTERS, convertToBoolean, fieldCheckFactory, tackerChecks } from './tacker';
export type { AttributeConverter, AttributeLookup } from './tacker';
export { PolicyLoadError, checkToString } from './tree';
export type { CheckContext, CheckFactory, CheckNode, CheckRegistry, Creds, Evaluation, HttpRequest, LeafCheck, Target } from './tree';
export { PolicyEvalError } from './python';

export interface EffectivePolicy {
  enforcer: PolicyEnforcer;
  /** Problems with the override file; when non-empty the built-in rules alone are in force. */
  errors: string[];
  /** Warnings about rules that are in force (unparseable parts, undefined references, cycles). */
  warnings: string[];
}

/**
 * Tacker's built-in policy with an operator's override file (YAML or JSON text) on top. A broken
 * override is reported in `errors` and ignored as a whole, so the previous rules stay in force
 * (pass `fallback` to keep a previously loaded enforcer instead of the built-in one).
 */
export function loadTackerPolicy(options: {
  overrideText?: string | null;
  defaults?: Record<string, RuleSource>;
  checks?: CheckRegistry;
  http?: HttpFunction;
  onWarning?: (message: string) => void;
  fallback?: PolicyEnforcer;
}): EffectivePolicy {
  const defaults = options.defaults ?? TACKER_DEFAULT_POLICY;
  const checks = options.checks ?? tackerChecks();
  const build = (rules: Record<string, RuleSource>, origins: Record<string, RuleOrigin>, onWarning?: (m: string) => void) =>
    new PolicyEnforcer({ rules, origins, checks, http: options.http, onWarning });
  const builtIn = () => build({ ...defaults }, {}, options.onWarning);
  // What stays in force when the override is broken: the previous rules, else the built-in ones.
  const previous = () => options.fallback ?? builtIn();

  if (options.overrideText == null || options.overrideText.trim() === '') {
    const enforcer = builtIn();
    return { enforcer, errors: [...enforcer.loadErrors], warnings: [...enforcer.warnings] };
  }
  const file = parsePolicyFile(options.overrideText);
  if (file.errors.length > 0) {
    const enforcer = previous();
    return { enforcer, errors: file.errors, warnings: [...enforcer.warnings] };
  }
  const origins = Object.fromEntries(Object.keys(file.rules).map((name) => [name, 'override' as const]));
  const candidate = build({ ...defaults, ...file.rules }, origins);
  if (candidate.loadErrors.length > 0) {
    const enforcer = previous();
    return { enforcer, errors: candidate.loadErrors.map((e) => `override rejected: ${e}`), warnings: [...enforcer.warnings] };
  }
  for (const warning of candidate.warnings) options.onWarning?.(warning);
  return { enforcer: candidate, errors: [], warnings: [...candidate.warnings] };
}
