// The check tree a rule parses into, and the contract every registered check kind implements.
// Evaluation is a generator so one evaluator serves both the synchronous path and the
// asynchronous one: an `http:` check yields a request and resumes with the response body.

import type { PolicyEvalError } from './python';

export type Creds = Record<string, unknown>;
export type Target = Record<string, unknown>;

/** What an `http:`/`https:` check sends: oslo.policy POSTs rule, target and credentials as JSON. */
export interface HttpRequest {
  url: string;
  body: { rule: string | null; target: Target; credentials: Creds };
}

/** A check's evaluation: yields HTTP requests, receives their bodies, returns the decision. */
export type Evaluation = Generator<HttpRequest, boolean, string>;

/** What a leaf check may use while it evaluates. */
export interface CheckContext {
  readonly target: Target;
  readonly creds: Creds;
  /** Name of the rule being enforced (what oslo passes as current_rule). */
  readonly currentRule: string | null;
  /** Evaluates another named rule (`rule:NAME`), with default fallback and cycle detection. */
  evaluateRule(name: string): Evaluation;
}

/** A leaf check (`role:admin`, `field:vims:shared=True`, ...). Errors are thrown as PolicyEvalError. */
export interface LeafCheck {
  evaluate(context: CheckContext): Evaluation;
}

/** Builds a leaf check from `kind:match`. May throw PolicyLoadError (the policy then fails to load). */
export type CheckFactory = (kind: string, match: string) => LeafCheck;

/** Check kinds by name (`rule`, `role`, `http`, ...). Unlisted kinds are generic `creds` checks. */
export type CheckRegistry = Readonly<Record<string, CheckFactory>>;

export type CheckNode =
  | { type: 'true' }
  | { type: 'false' }
  | { type: 'not'; check: CheckNode }
  | { type: 'and'; checks: CheckNode[] }
  | { type: 'or'; checks: CheckNode[] }
  | { type: 'leaf'; kind: string; match: string; check: LeafCheck };

/** A policy that cannot be loaded at all (bad file, or a check whose definition is invalid). */
export class PolicyLoadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PolicyLoadError';
  }
}

export type { PolicyEvalError };

/** oslo.policy's canonical string form: `(a or (b and c))`, `not x`, `@`, `!`. */
export function checkToString(node: CheckNode): string {
  switch (node.type) {
    case 'true':
      return '@';
    case 'false':
      return '!';
    case 'not':
      return `not ${checkToString(node.check)}`;
    case 'and':
      return `(${node.checks.map(checkToString).join(' and ')})`;
    case 'or':
      return `(${node.checks.map(checkToString).join(' or ')})`;
    case 'leaf':
      return `${node.kind}:${node.match}`;
  }
}
