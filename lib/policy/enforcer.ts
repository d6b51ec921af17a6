// PolicyEnforcer: named rules -> decisions, decision for decision like oslo.policy's Enforcer.
// Rules are parsed once, up front; an unparseable rule denies and is reported once. `rule:`
// references fall back to the default rule; a cycle is an error (oslo recurses until Python
// gives up), never a hang. `enforce` never throws: every failure is a denied Decision. Pure.

import { BUILTIN_CHECKS, genericCheck } from './checks';
import { RuleParser } from './parser';
import { PolicyEvalError } from './python';
import {
  PolicyLoadError,
  checkToString,
  type CheckContext,
  type CheckNode,
  type CheckRegistry,
  type Creds,
  type Evaluation,
  type HttpRequest,
  type Target,
} from './tree';

/** A rule as written in a policy file: the rule language, the legacy list of lists, or null/empty (allow everyone). */
export type RuleSource = string | unknown[] | null;

export interface Decision {
  allowed: boolean;
  /** Human-readable: which check decided, through which rules. */
  reason: string;
  /** Non-null when the decision is a denial because evaluation failed (oslo raised). */
  error: string | null;
}

/** Answers an `http:`/`https:` check: the response body (`True` allows). */
export type HttpFunction = (url: string, body: HttpRequest['body']) => Promise<string> | string;

export type RuleOrigin = 'default' | 'override';

export interface PolicyEnforcerOptions {
  rules: Record<string, RuleSource>;
  /** Rule used for undefined rule names; null = none. Defaults to "default". */
  defaultRule?: string | null;
  /** Check kinds; defaults to oslo's built-ins. Use tackerChecks() for Tacker's `field:`. */
  checks?: CheckRegistry;
  http?: HttpFunction;
  /** Called once per problem found while loading (unparseable rule, undefined reference, cycle). */
  onWarning?: (message: string) => void;
  /** Where each rule came from, for the admin page; rules not listed are 'default'. */
  origins?: Record<string, RuleOrigin>;
}

/** Stack name of a rule evaluated by enforceText (not a valid rule name in a policy file). */
const INLINE_RULE = '<inline rule>';

interface LoadedRule {
  source: RuleSource;
  check: CheckNode;
}

interface Trace {
  /** Set when the enforced name is undefined and the default rule stands in for it. */
  fallbackTo: string | null;
  stack: string[];
  lastCheck: string | null;
  lastVia: string[];
  swallowed: string[];
}

export class PolicyEnforcer {
  private readonly rules = new Map<string, LoadedRule>();
  private readonly defaultRule: string | null;
  private readonly http: HttpFunction | undefined;
  private readonly origins: Record<string, RuleOrigin>;
  private readonly parser: RuleParser;
  /** Problems that make the whole policy unusable (oslo: the file fails to load). */
  readonly loadErrors: string[] = [];
  /** Everything reported to onWarning, kept for the admin page. */
  readonly warnings: string[] = [];

  constructor(options: PolicyEnforcerOptions) {
    this.defaultRule = options.defaultRule === undefined ? 'default' : options.defaultRule;
    this.http = options.http;
    this.origins = options.origins ?? {};
    const warn = (message: string) => {
      this.warnings.push(message);
      try {
        options.onWarning?.(message);
      } catch {
        // a failing logger must not break policy loading
      }
    };
    const parser = new RuleParser(options.checks ?? BUILTIN_CHECKS, genericCheck);
    this.parser = parser;
    for (const [name, source] of Object.entries(options.rules ?? {})) {
      try {
        const { check, problems } = parser.parse(source);
        this.rules.set(name, { source, check });
        for (const problem of problems) warn(`rule "${name}": ${problem}; that part denies`);
      } catch (error) {
        const message = `rule "${name}": ${error instanceof Error ? error.message : String(error)}`;
        this.loadErrors.push(message);
        warn(`policy failed to load: ${message}`);
      }
    }
    for (const message of this.referenceProblems()) warn(message);
  }

  ruleNames(): string[] {
    return [...this.rules.keys()];
  }

  /** The rule as written and whether it is built in or overridden. */
  ruleSource(name: string): { text: string; origin: RuleOrigin } | undefined {
    const rule = this.rules.get(name);
    if (!rule) return undefined;
    const text = typeof rule.source === 'string' ? rule.source : rule.source ? JSON.stringify(rule.source) : '';
    return { text, origin: this.origins[name] ?? 'default' };
  }

  /** oslo's canonical form of the parsed rule, e.g. `(role:admin or tenant_id:%(tenant_id)s)`. */
  ruleCanonical(name: string): string | undefined {
    const rule = this.rules.get(name);
    return rule && checkToString(rule.check);
  }

  /** Decides synchronously. An `http:` check whose function returns a Promise is an error here. */
  enforce(rule: string, target: Target, creds: Creds): Decision {
    const run = this.prepare(rule, target, creds);
    return 'allowed' in run ? run : this.runSync(rule, run);
  }

  /** Decides, awaiting `http:` checks. */
  async enforceAsync(rule: string, target: Target, creds: Creds): Promise<Decision> {
    const run = this.prepare(rule, target, creds);
    if ('allowed' in run) return run;
    try {
      let step = run.evaluation.next();
      while (!step.done) step = run.evaluation.next(await this.callHttp(step.value));
      return this.describe(rule, step.value, run.trace);
    } catch (error) {
      return this.failure(rule, error, run.trace);
    }
  }

  /**
   * Evaluates a rule written inline (the admin page's "try it" box), e.g. `role:admin or
   * rule:admin_or_owner`; `rule:` references resolve against this policy. Problems parsing the
   * text are part of the reason.
   */
  enforceText(ruleText: string, target: Target, creds: Creds): Decision {
    let parsed;
    try {
      parsed = this.parser.parse(ruleText);
    } catch (error) {
      return { allowed: false, reason: `the rule cannot be used: ${(error as Error).message}`, error: `load: ${(error as Error).message}` };
    }
    const run = this.prepare(INLINE_RULE, target, creds, parsed.check);
    const decision = 'allowed' in run ? run : this.runSync(INLINE_RULE, run);
    return parsed.problems.length ? { ...decision, reason: `${decision.reason} (${parsed.problems.join('; ')})` } : decision;
  }

  /**
   * Per-attribute rules, as Tacker applies them to responses: the attributes of `target` that
   * have a rule named `ACTION:ATTRIBUTE` (e.g. `get_vim:auth_cred`) which denies this caller.
   * Attributes without such a rule are visible.
   */
  deniedAttributes(action: string, target: Target, creds: Creds): string[] {
    return Object.keys(target ?? {}).filter((attribute) => {
      const name = `${action}:${attribute}`;
      return this.rules.has(name) && !this.enforce(name, target, creds).allowed;
    });
  }

  /** Several rules for the same target and caller (the UI asks which actions to offer). */
  enforceMany(rules: string[], target: Target, creds: Creds): Record<string, Decision> {
    return Object.fromEntries(rules.map((rule) => [rule, this.enforce(rule, target, creds)]));
  }

  /** Drives an evaluation to its end, answering http: checks synchronously. */
  private runSync(rule: string, run: { evaluation: Evaluation; trace: Trace }): Decision {
    try {
      let step = run.evaluation.next();
      while (!step.done) {
        const body = this.callHttp(step.value);
        if (typeof body !== 'string') {
          throw new PolicyEvalError('TypeError', `http check ${step.value.url} is asynchronous; use enforceAsync`);
        }
        step = run.evaluation.next(body);
      }
      return this.describe(rule, step.value, run.trace);
    } catch (error) {
      return this.failure(rule, error, run.trace);
    }
  }

  private callHttp(request: HttpRequest): Promise<string> | string {
    if (!this.http) throw new PolicyEvalError('TypeError', `no HTTP function configured for ${request.url}`);
    return this.http(request.url, request.body);
  }

  /** Everything before evaluation: a final Decision when there is nothing to evaluate. */
  private prepare(rule: string, target: Target, creds: Creds, inline?: CheckNode): Decision | { evaluation: Evaluation; trace: Trace } {
    if (this.loadErrors.length > 0) {
      return { allowed: false, reason: 'the policy failed to load', error: `load: ${this.loadErrors[0]}` };
    }
    if (this.rules.size === 0 && !inline) return { allowed: false, reason: 'no rules are loaded', error: null };
    const resolved = inline ? { name: rule, rule: { source: rule, check: inline } } : this.resolve(rule);
    if (!resolved) {
      return { allowed: false, reason: `rule "${rule}" is not defined and there is no default rule`, error: null };
    }
    const trace: Trace = { fallbackTo: resolved.name === rule ? null : resolved.name, stack: [], lastCheck: null, lastVia: [], swallowed: [] };
    const context = this.context(target ?? {}, withSystemScope(creds ?? {}), rule, trace);
    return { evaluation: this.evaluateNamed(resolved.name, resolved.rule.check, context, trace, false), trace };
  }

  private describe(rule: string, allowed: boolean, trace: Trace): Decision {
    const via = trace.lastVia.length > 1 ? ` (via ${trace.lastVia.map((r) => `rule:${r}`).join(' -> ')})` : '';
    const decidedBy = trace.lastCheck === null ? '' : `: decided by "${trace.lastCheck}"${via}`;
    const swallowed = trace.swallowed.length ? `; ${trace.swallowed.join('; ')}` : '';
    const fallback = trace.fallbackTo ? ` (not defined; the default rule "${trace.fallbackTo}" applies)` : '';
    return { allowed, reason: `${allowed ? 'allowed' : 'denied'} by rule "${rule}"${fallback}${decidedBy}${swallowed}`, error: null };
  }

  private failure(rule: string, error: unknown, trace: Trace): Decision {
    const detail =
      error instanceof PolicyEvalError ? error.describe() : `InternalError: ${error instanceof Error ? error.message : String(error)}`;
    const where = trace.lastCheck ? ` at "${trace.lastCheck}"` : '';
    return { allowed: false, reason: `denied: rule "${rule}" could not be evaluated${where}: ${detail}`, error: `enforce: ${detail}` };
  }

  /** oslo's Rules.__missing__: an undefined name means the default rule, if that exists. */
  private resolve(name: string): { name: string; rule: LoadedRule } | null {
    const rule = this.rules.get(name);
    if (rule) return { name, rule };
    if (this.defaultRule) {
      const fallback = this.rules.get(this.defaultRule);
      if (fallback) return { name: this.defaultRule, rule: fallback };
    }
    return null;
  }

  private context(target: Target, creds: Creds, currentRule: string, trace: Trace): CheckContext {
    const enforcer = this;
    const context: CheckContext = {
      target,
      creds,
      currentRule,
      *evaluateRule(name: string): Evaluation {
        const resolved = enforcer.resolve(name);
        if (!resolved) return false;
        return yield* enforcer.evaluateNamed(resolved.name, resolved.rule.check, context, trace, true);
      },
    };
    return context;
  }

  private *evaluateNamed(name: string, check: CheckNode, context: CheckContext, trace: Trace, nested: boolean): Evaluation {
    // Evaluation is deterministic, so re-entering a rule would recurse forever: oslo ends in a
    // RecursionError, we end here.
    if (trace.stack.includes(name)) {
      throw new PolicyEvalError('RecursionError', `rules form a cycle: ${[...trace.stack, name].join(' -> ')}`);
    }
    trace.stack.push(name);
    try {
      return yield* this.evaluateNode(check, context, trace);
    } catch (error) {
      // oslo's RuleCheck swallows a KeyError from anything beneath it (e.g. a missing
      // %(key)s in an http: URL) and denies that branch.
      if (nested && error instanceof PolicyEvalError && error.kind === 'KeyError') {
        trace.swallowed.push(`rule:${name} treated as false (KeyError ${error.message})`);
        return false;
      }
      throw error;
    } finally {
      trace.stack.pop();
    }
  }

  private *evaluateNode(node: CheckNode, context: CheckContext, trace: Trace): Evaluation {
    switch (node.type) {
      case 'true':
      case 'false':
        trace.lastCheck = node.type === 'true' ? '@' : '!';
        trace.lastVia = [...trace.stack];
        return node.type === 'true';
      case 'not':
        return !(yield* this.evaluateNode(node.check, context, trace));
      case 'and':
        for (const check of node.checks) if (!(yield* this.evaluateNode(check, context, trace))) return false;
        return true;
      case 'or':
        for (const check of node.checks) if (yield* this.evaluateNode(check, context, trace)) return true;
        return false;
      case 'leaf': {
        const text = `${node.kind}:${node.match}`;
        trace.lastCheck = text;
        trace.lastVia = [...trace.stack];
        const result = yield* node.check.evaluate(context);
        if (node.kind !== 'rule') {
          trace.lastCheck = text;
          trace.lastVia = [...trace.stack];
        }
        return result;
      }
    }
  }

  /** Static diagnostics like oslo's check_rules: references to undefined rules, cycles. */
  private referenceProblems(): string[] {
    const references = new Map<string, string[]>();
    for (const [name, rule] of this.rules) references.set(name, ruleReferences(rule.check));
    const undefinedRefs = [...references].filter(([, refs]) => refs.some((ref) => !this.rules.has(ref))).map(([name]) => name);
    const cyclic = [...references.keys()].filter((name) => reaches(references, name));
    const problems: string[] = [];
    if (undefinedRefs.length) problems.push(`rules ${undefinedRefs.join(', ')} reference a rule that is not defined`);
    if (cyclic.length) problems.push(`rules ${cyclic.join(', ')} are part of a cyclical reference (they deny with an error)`);
    return problems;
  }
}

function ruleReferences(node: CheckNode): string[] {
  switch (node.type) {
    case 'not':
      return ruleReferences(node.check);
    case 'and':
    case 'or':
      return node.checks.flatMap(ruleReferences);
    case 'leaf':
      return node.kind === 'rule' ? [node.match] : [];
    default:
      return [];
  }
}

/** Whether following defined `rule:` references from `start` comes back to it. */
function reaches(references: Map<string, string[]>, start: string): boolean {
  const seen = new Set<string>();
  const pending = [...(references.get(start) ?? [])];
  while (pending.length) {
    const name = pending.pop()!;
    if (name === start) return true;
    if (seen.has(name) || !references.has(name)) continue;
    seen.add(name);
    pending.push(...references.get(name)!);
  }
  return false;
}

/** Python truthiness of a JSON value. */
function pyTruthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object' && value !== null) return Object.keys(value).length > 0;
  return Boolean(value);
}

/** oslo copies a truthy `system_scope` into `system` before evaluating. */
function withSystemScope(creds: Creds): Creds {
  return pyTruthy(creds.system_scope) ? { ...creds, system: creds.system_scope } : creds;
}

export { PolicyLoadError };
