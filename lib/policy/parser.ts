// The oslo.policy rule language: a whitespace tokenizer that peels parentheses off tokens, and a
// greedy shift-reduce parser giving `()` > `not` > `and` > `or`. Also the legacy list-of-lists
// form. A rule that does not parse becomes a deny (`!`) plus a problem message; parsing never
// throws except PolicyLoadError from a check kind whose definition is invalid. Pure.

import { checkToString, type CheckNode, type CheckRegistry, type LeafCheck } from './tree';

export interface ParsedRule {
  check: CheckNode;
  /** Why (part of) the rule denies regardless of input: unparseable text, a token with no `:`. */
  problems: string[];
}

type TokenType = '(' | ')' | 'and' | 'or' | 'not' | 'string' | 'check' | 'and_expr' | 'or_expr';
interface Token {
  type: TokenType;
  node?: CheckNode;
}

const TRUE: CheckNode = { type: 'true' };
const FALSE: CheckNode = { type: 'false' };

// Python's `\s` for str patterns (what oslo's tokenizer splits on): str.isspace() characters.
// Spelled out because JS `\s` differs (it has U+FEFF, lacks U+001C-U+001F and U+0085).
const PY_WHITESPACE = /[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;

export class RuleParser {
  constructor(
    private readonly registry: CheckRegistry,
    private readonly genericFactory: (kind: string, match: string) => LeafCheck,
  ) {}

  /** A rule as stored in a policy: text, or the legacy list of lists. */
  parse(rule: unknown): ParsedRule {
    const problems: string[] = [];
    const check = typeof rule === 'string' ? this.parseText(rule, problems) : this.parseList(rule, problems);
    return { check, problems };
  }

  /** One atom: `@`, `!`, or `kind:match` dispatched to the registered check kind. */
  parseAtom(text: string, problems: string[]): CheckNode {
    if (text === '!') return FALSE;
    if (text === '@') return TRUE;
    const colon = text.indexOf(':');
    if (colon < 0) {
      problems.push(`"${text}" is not a check (expected kind:match, @ or !)`);
      return FALSE;
    }
    const kind = text.slice(0, colon);
    const match = text.slice(colon + 1);
    const factory = Object.hasOwn(this.registry, kind) ? this.registry[kind] : this.genericFactory;
    return { type: 'leaf', kind, match, check: factory(kind, match) };
  }

  private parseText(rule: string, problems: string[]): CheckNode {
    if (rule === '') return TRUE; // empty rule: always allow
    const state: Token[] = [];
    for (const token of this.tokenize(rule, problems)) {
      state.push(token);
      reduce(state);
    }
    if (state.length === 1 && state[0].node && !['string', 'and', 'or', 'not'].includes(state[0].type)) {
      return state[0].node;
    }
    problems.push(`could not parse rule "${rule}"`);
    return FALSE;
  }

  private *tokenize(rule: string, problems: string[]): Generator<Token> {
    for (const raw of rule.split(PY_WHITESPACE)) {
      if (raw === '') continue;
      let token = raw.replace(/^\(+/, '');
      for (let i = 0; i < raw.length - token.length; i += 1) yield { type: '(' };
      if (token === '') continue;
      const clean = token.replace(/\)+$/, '');
      const trailing = token.length - clean.length;
      const lowered = clean.toLowerCase();
      if (lowered === 'and' || lowered === 'or' || lowered === 'not') {
        yield { type: lowered };
      } else if (clean !== '') {
        // A quoted token is a "string" (oslo tests the token before the trailing parens came off).
        const quoted = token.length >= 2 && (token[0] === '"' || token[0] === "'") && token[token.length - 1] === token[0];
        if (quoted) yield { type: 'string' };
        else yield { type: 'check', node: this.parseAtom(clean, problems) };
      }
      for (let i = 0; i < trailing; i += 1) yield { type: ')' };
    }
  }

  private parseList(rule: unknown, problems: string[]): CheckNode {
    // Python truthiness: null, false, 0, "", [] and {} all mean "always allow".
    if (!rule || (Array.isArray(rule) && rule.length === 0) || (isObject(rule) && Object.keys(rule).length === 0)) {
      return TRUE;
    }
    const outer = Array.isArray(rule) ? rule : isObject(rule) ? Object.keys(rule) : null;
    if (!outer) throw new TypeError(`a rule must be a string or a list, not ${typeof rule}`);
    const alternatives: CheckNode[] = [];
    for (const inner of outer) {
      if (!inner || (Array.isArray(inner) && inner.length === 0)) continue;
      const conjuncts = typeof inner === 'string' ? [inner] : Array.isArray(inner) ? inner : isObject(inner) ? Object.keys(inner) : null;
      if (!conjuncts) throw new TypeError(`a list rule entry must be a string or a list, not ${typeof inner}`);
      const checks = conjuncts.map((atom): CheckNode => {
        if (typeof atom === 'string') return this.parseAtom(atom, problems);
        problems.push(`list rule entry ${JSON.stringify(atom)} is not a string`);
        return FALSE;
      });
      alternatives.push(checks.length === 1 ? checks[0] : { type: 'and', checks });
    }
    if (alternatives.length === 0) return FALSE;
    return alternatives.length === 1 ? alternatives[0] : { type: 'or', checks: alternatives };
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function endsWith(state: Token[], ...types: TokenType[]): boolean {
  if (state.length < types.length) return false;
  return types.every((type, i) => state[state.length - types.length + i].type === type);
}

/** Greedy reduction, the same productions oslo.policy's ParseState uses. */
function reduce(state: Token[]): void {
  for (;;) {
    const n = state.length;
    const [a, , c] = state.slice(n - 3);
    if (endsWith(state, '(', 'check', ')') || endsWith(state, '(', 'and_expr', ')') || endsWith(state, '(', 'or_expr', ')')) {
      state.splice(n - 3, 3, { type: 'check', node: state[n - 2].node });
    } else if (endsWith(state, 'check', 'and', 'check')) {
      state.splice(n - 3, 3, { type: 'and_expr', node: { type: 'and', checks: [a.node!, c.node!] } });
    } else if (endsWith(state, 'or_expr', 'and', 'check')) {
      // `A or B and C`: `and` binds tighter, so C joins B, the or's last operand.
      const or = a.node as Extract<CheckNode, { type: 'or' }>;
      const last = or.checks[or.checks.length - 1];
      const joined: CheckNode = last.type === 'and' ? { type: 'and', checks: [...last.checks, c.node!] } : { type: 'and', checks: [last, c.node!] };
      state.splice(n - 3, 3, { type: 'or_expr', node: { type: 'or', checks: [...or.checks.slice(0, -1), joined] } });
    } else if (endsWith(state, 'and_expr', 'and', 'check')) {
      const and = a.node as Extract<CheckNode, { type: 'and' }>;
      state.splice(n - 3, 3, { type: 'and_expr', node: { type: 'and', checks: [...and.checks, c.node!] } });
    } else if (endsWith(state, 'check', 'or', 'check') || endsWith(state, 'and_expr', 'or', 'check')) {
      state.splice(n - 3, 3, { type: 'or_expr', node: { type: 'or', checks: [a.node!, c.node!] } });
    } else if (endsWith(state, 'or_expr', 'or', 'check')) {
      const or = a.node as Extract<CheckNode, { type: 'or' }>;
      state.splice(n - 3, 3, { type: 'or_expr', node: { type: 'or', checks: [...or.checks, c.node!] } });
    } else if (endsWith(state, 'not', 'check')) {
      state.splice(n - 2, 2, { type: 'check', node: { type: 'not', check: state[n - 1].node! } });
    } else {
      return;
    }
  }
}

/** Canonical form of a parsed rule, e.g. `@ or ! and @` -> `(@ or (! and @))`. */
export function describeRule(parser: RuleParser, rule: unknown): string {
  return checkToString(parser.parse(rule).check);
}
