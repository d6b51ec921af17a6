// How oslo.policy reads the left side of a generic `kind:match` check: it first tries
// `ast.literal_eval(kind)`. A Python literal compares its str() with the match; a valid Python
// expression that is not a literal (`user_id`, `token.project.id`) is a dotted path into the
// credentials; anything that is not Python at all (`1abc`, ``, `not`, `"role`) raises SyntaxError
// at evaluation time. This module classifies a kind once, at parse time. Pure.

import { PolicyEvalError } from './python';

export type KindMeaning =
  | { kind: 'literal'; text: string } // str() of the literal
  | { kind: 'path'; segments: string[] }
  | { kind: 'invalid'; error: PolicyEvalError };

const PY_KEYWORDS = new Set(
  ('False None True and as assert async await break class continue def del elif else except finally for ' +
    'from global if import in is lambda nonlocal not or pass raise return try while with yield').split(' '),
);
const IDENTIFIER = /^[\p{L}_][\p{L}\p{N}_]*$/u;
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0', a: '\x07', b: '\b', f: '\f', v: '\v' };

type Scan<T> = { value: T; end: number } | { error: string } | null;

/** One Python string literal (optionally r/u-prefixed) starting at `start`. */
function scanString(text: string, start: number): Scan<string> {
  let i = start;
  let raw = false;
  while (i < text.length && /[rRuU]/.test(text[i]) && i - start < 2) {
    if (/[rR]/.test(text[i])) raw = true;
    i += 1;
  }
  const quote = text[i];
  if (quote !== "'" && quote !== '"') return null;
  const triple = text.startsWith(quote.repeat(3), i);
  const closing = triple ? quote.repeat(3) : quote;
  i += closing.length;
  let value = '';
  while (i < text.length) {
    if (text.startsWith(closing, i)) return { value, end: i + closing.length };
    const ch = text[i];
    if (ch === '\\' && i + 1 < text.length) {
      const next = text[i + 1];
      value += raw ? ch + next : (ESCAPES[next] ?? ch + next);
      i += 2;
      continue;
    }
    if (ch === '\n' && !triple) break;
    value += ch;
    i += 1;
  }
  return { error: triple ? 'unterminated triple-quoted string literal' : 'unterminated string literal' };
}

/** A Python number literal at `start`; its str() as Python prints it. */
function scanNumber(text: string, start: number): Scan<string> {
  const rest = text.slice(start);
  const radix = /^0([xX][0-9a-fA-F_]+|[oO][0-7_]+|[bB][01_]+)/.exec(rest);
  let match: RegExpExecArray | null;
  let str: string;
  if (radix) {
    match = radix;
    const digits = radix[1].slice(1).replace(/_/g, '');
    const base = /[xX]/.test(radix[1][0]) ? 16 : /[oO]/.test(radix[1][0]) ? 8 : 2;
    str = BigInt(parseInt(digits, base)).toString();
  } else {
    match = /^(\d[\d_]*)?(\.\d[\d_]*|\.)?([eE][+-]?\d[\d_]*)?/.exec(rest);
    if (!match || match[0] === '' || match[0] === '.') return null;
    const clean = match[0].replace(/_/g, '');
    if (!match[2] && !match[3]) {
      if (/^0+\d/.test(clean) && /[1-9]/.test(clean)) return { error: 'leading zeros in decimal integer literals are not permitted' };
      str = BigInt(clean).toString();
    } else {
      const value = Number(clean);
      str = Number.isInteger(value) && Math.abs(value) < 1e16 ? `${value}.0` : String(value);
    }
  }
  const end = start + match[0].length;
  // `1abc`: Python's tokenizer refuses a number glued to a name.
  if (end < text.length && /[\p{L}\p{N}_.]/u.test(text[end])) return { error: 'invalid decimal literal' };
  return { value: str, end };
}

/** The whole kind as a literal: strings (adjacent ones concatenate), signed numbers, True/False/None. */
function asLiteral(kind: string): Scan<string> {
  if (kind === 'True' || kind === 'False' || kind === 'None') return { value: kind, end: kind.length };
  const sign = /^[+-]/.test(kind) ? kind[0] : '';
  const number = scanNumber(kind, sign.length);
  if (number) {
    if ('error' in number) return number;
    if (number.end !== kind.length) return null;
    const negative = sign === '-' && !/^0(\.0)?$/.test(number.value);
    return { value: (negative ? '-' : '') + number.value, end: kind.length };
  }
  if (sign) return null;
  let value = '';
  let i = 0;
  while (i < kind.length) {
    const part = scanString(kind, i);
    if (!part) return i === 0 ? null : { error: 'invalid syntax' };
    if ('error' in part) return part;
    value += part.value;
    i = part.end;
  }
  return i === 0 ? null : { value, end: i };
}

function isPathSegment(segment: string, first: boolean): boolean {
  if (!IDENTIFIER.test(segment)) return false;
  // `True.x` parses (then is not a literal); `a.True` and `not` are syntax errors.
  if (first && (segment === 'True' || segment === 'False' || segment === 'None')) return true;
  return !PY_KEYWORDS.has(segment);
}

const OPERATORS = ['**', '//', '<<', '>>', '==', '!=', '<=', '>=', '+', '-', '*', '/', '%', '&', '|', '^', '<', '>', '@'];

/**
 * Whether `kind` is a valid Python expression that literal_eval rejects (`a-b`, `a[0]`, `f(x)`):
 * oslo then treats it as a (never matching) path instead of raising. A small recursive-descent
 * recogniser: unary/binary operators, attribute access, subscripts, calls, parentheses.
 */
function isPythonExpression(kind: string): boolean {
  let i = 0;
  const peek = (text: string) => kind.startsWith(text, i);
  const operand = (): boolean => {
    while (peek('-') || peek('+') || peek('~')) i += 1;
    if (!atom()) return false;
    for (;;) {
      if (peek('.')) {
        const name = /^[\p{L}_][\p{L}\p{N}_]*/u.exec(kind.slice(i + 1));
        if (!name || PY_KEYWORDS.has(name[0])) return false;
        i += 1 + name[0].length;
      } else if (peek('[')) {
        i += 1;
        if (!expression() || !peek(']')) return false;
        i += 1;
      } else if (peek('(')) {
        i += 1;
        if (!peek(')') && !expressionList(')')) return false;
        i += 1;
      } else return true;
    }
  };
  const atom = (): boolean => {
    const name = /^[\p{L}_][\p{L}\p{N}_]*/u.exec(kind.slice(i));
    if (name) {
      if (PY_KEYWORDS.has(name[0]) && !['True', 'False', 'None'].includes(name[0])) return false;
      const literal = asLiteral(kind.slice(i, i + name[0].length));
      i += name[0].length;
      return literal === null || !('error' in literal);
    }
    if (peek('(') || peek('[')) {
      const close = peek('(') ? ')' : ']';
      i += 1;
      if (peek(close)) {
        i += 1;
        return true;
      }
      if (!expressionList(close)) return false;
      i += 1;
      return true;
    }
    const number = scanNumber(kind, i);
    if (number) {
      if ('error' in number) return false;
      i = number.end;
      return true;
    }
    const string = scanString(kind, i);
    if (string && !('error' in string)) {
      i = string.end;
      while (i < kind.length) {
        const next = scanString(kind, i);
        if (!next || 'error' in next) break;
        i = next.end;
      }
      return true;
    }
    return false;
  };
  const expression = (): boolean => {
    if (!operand()) return false;
    for (;;) {
      const op = OPERATORS.find((candidate) => peek(candidate));
      if (!op) return true;
      i += op.length;
      if (!operand()) return false;
    }
  };
  const expressionList = (close: string): boolean => {
    for (;;) {
      if (!expression()) return false;
      if (peek(',')) {
        i += 1;
        if (peek(close)) return true;
        continue;
      }
      return peek(close);
    }
  };
  return expression() && i === kind.length;
}

/** Classifies a generic check's kind the way `ast.literal_eval` would treat it. */
export function classifyKind(kind: string): KindMeaning {
  const literal = asLiteral(kind);
  if (literal) {
    if ('error' in literal) return { kind: 'invalid', error: new PolicyEvalError('SyntaxError', `${literal.error}: ${kind}`) };
    return { kind: 'literal', text: literal.value };
  }
  const segments = kind.split('.');
  if (segments.every((segment, i) => isPathSegment(segment, i === 0))) return { kind: 'path', segments };
  if (isPythonExpression(kind)) return { kind: 'path', segments };
  const reason = kind === '' ? 'empty check kind' : `invalid syntax: ${kind}`;
  return { kind: 'invalid', error: new PolicyEvalError('SyntaxError', reason) };
}
