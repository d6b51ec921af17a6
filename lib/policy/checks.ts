// oslo.policy's built-in check kinds: `rule:`, `role:`, `http:`/`https:` and the generic
// `kind:match` check on the credentials. Each mirrors oslo's behaviour including which Python
// errors escape (they decide whether a decision is "denied" or "denied with error"). Pure.

import { classifyKind } from './literal';
import { PolicyEvalError, pyPercentFormat, pyStr, pyTypeName } from './python';
import type { CheckContext, CheckFactory, CheckRegistry, Evaluation, LeafCheck } from './tree';

/** `%(key)s` substitution where a missing key makes the check false (role and generic checks). */
function substituteOrNull(match: string, target: Record<string, unknown>): string | null {
  try {
    return pyPercentFormat(match, target);
  } catch (error) {
    if (error instanceof PolicyEvalError && error.kind === 'KeyError') return null;
    throw error;
  }
}

/** `rule:NAME`: another rule (the default rule when NAME is undefined). */
export const ruleCheck: CheckFactory = (_kind, match) => ({
  *evaluate(context: CheckContext): Evaluation {
    return yield* context.evaluateRule(match);
  },
});

/** `role:NAME`: case-insensitive membership in creds.roles (iterated as Python would). */
export const roleCheck: CheckFactory = (_kind, match) => ({
  // eslint-disable-next-line require-yield
  *evaluate({ target, creds }: CheckContext): Evaluation {
    const wanted = substituteOrNull(match, target);
    if (wanted === null || !Object.hasOwn(creds, 'roles')) return false;
    return pyIterate(creds.roles).some((role) => {
      if (typeof role !== 'string') throw new PolicyEvalError('TypeError', `role ${pyStr(role)} is not a string ('${pyTypeName(role)}' object has no attribute 'lower')`);
      return role.toLowerCase() === wanted.toLowerCase();
    });
  },
});

/** What `for x in value` yields in Python for a JSON value (a str iterates its characters). */
function pyIterate(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') return [...value];
  if (typeof value === 'object' && value !== null) return Object.keys(value);
  throw new PolicyEvalError('TypeError', `'${pyTypeName(value)}' object is not iterable`);
}

/** `http://...` / `https://...`: POST to a policy decision point; allows on a `True` body. */
function remoteCheck(scheme: 'http' | 'https'): CheckFactory {
  return (_kind, match) => ({
    *evaluate({ target, creds, currentRule }: CheckContext): Evaluation {
      const url = pyPercentFormat(`${scheme}:${match}`, target); // a missing key is a KeyError here
      const body = yield { url, body: { rule: currentRule, target, credentials: creds } };
      return body.replace(/^"+/, '').replace(/"+$/, '') === 'True';
    },
  });
}

/**
 * Generic `kind:match`: a Python-literal kind compares its str() with the substituted match;
 * otherwise the kind is a dotted path into the credentials, stepping into lists.
 */
export const genericCheck: CheckFactory = (kind, match) => {
  const meaning = classifyKind(kind);
  return {
    // eslint-disable-next-line require-yield
    *evaluate({ target, creds }: CheckContext): Evaluation {
      const wanted = substituteOrNull(match, target);
      if (wanted === null) return false;
      if (meaning.kind === 'invalid') throw meaning.error;
      if (meaning.kind === 'literal') return wanted === meaning.text;
      return findInCreds(creds, meaning.segments, wanted);
    },
  };
};

function findInCreds(value: unknown, segments: string[], wanted: string): boolean {
  if (segments.length === 0) return wanted === pyStr(value);
  const [key, ...rest] = segments;
  let next: unknown;
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    if (!Object.hasOwn(value, key)) return false;
    next = (value as Record<string, unknown>)[key];
  } else {
    const what = typeof value === 'string' ? 'string indices must be integers' : `'${pyTypeName(value)}' object is not subscriptable`;
    throw new PolicyEvalError('TypeError', `${what} (looking up "${key}")`);
  }
  if (Array.isArray(next)) return next.some((item) => findInCreds(item, rest, wanted));
  return findInCreds(next, rest, wanted);
}

/** The check kinds every enforcer has. Extend with `{...BUILTIN_CHECKS, field: ...}`. */
export const BUILTIN_CHECKS: CheckRegistry = Object.freeze({
  rule: ruleCheck,
  role: roleCheck,
  http: remoteCheck('http'),
  https: remoteCheck('https'),
});

export type { LeafCheck };
