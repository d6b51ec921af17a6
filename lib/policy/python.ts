// Python semantics the policy language leaks: str()/repr() of JSON values, `%` formatting with a
// mapping, and the exception kinds oslo.policy lets escape. Pure: runs in the browser too.

/** The Python exception classes that matter for oslo.policy's control flow. */
export type PyErrorKind = 'KeyError' | 'TypeError' | 'ValueError' | 'SyntaxError' | 'RecursionError';

/** An error oslo.policy would have raised. `kind` matters: `rule:` checks swallow KeyError only. */
export class PolicyEvalError extends Error {
  constructor(
    readonly kind: PyErrorKind,
    message: string,
  ) {
    super(message);
    this.name = `PolicyEvalError(${kind})`;
  }
  describe(): string {
    return `${this.kind}: ${this.message}`;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Python's repr() of a str: single quotes unless the text has ' and no ". */
export function pyReprString(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += '\\' + quote;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += '\\x' + code.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + quote;
}

function pyNumber(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  // JSON numbers arrive without int/float distinction; integral ones render like Python ints.
  if (Number.isInteger(value) && Math.abs(value) < 1e16) return String(value);
  // Python's float repr: the same shortest digits as JS, but scientific notation when the
  // exponent is < -4 or >= 16 (JS switches at -7 and 21), written like 1e-05 / 1.5e+16.
  const [mantissa, exponentText] = value.toExponential().split('e');
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 16) {
    const sign = exponent < 0 ? '-' : '+';
    return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  const text = value.toFixed(Math.max(0, mantissa.replace(/^-?\d\.?/, '').length - exponent));
  return text.includes('.') ? text : `${text}.0`;
}

/** Python's repr() of a JSON-shaped value. */
export function pyRepr(value: unknown): string {
  if (typeof value === 'string') return pyReprString(value);
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(', ')}]`;
  if (isPlainObject(value)) {
    return `{${Object.entries(value)
      .map(([k, v]) => `${pyReprString(k)}: ${pyRepr(v)}`)
      .join(', ')}}`;
  }
  return pyStr(value);
}

/** Python's str() of a JSON-shaped value (`True`, `None`, `['a', 'b']`). */
export function pyStr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return pyNumber(value);
  if (typeof value === 'string') return value;
  return pyRepr(value);
}

/** Python's type name, for error messages that mirror the original ones. */
export function pyTypeName(value: unknown): string {
  if (value === null || value === undefined) return 'NoneType';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  if (typeof value === 'string') return 'str';
  if (Array.isArray(value)) return 'list';
  return 'dict';
}

const CONVERSIONS = new Set('diouxXeEfFgGcrsa'.split(''));

function formatOne(conversion: string, value: unknown): string {
  switch (conversion) {
    case 's':
      return pyStr(value);
    case 'r':
    case 'a':
      return pyRepr(value);
    case 'd':
    case 'i':
    case 'u':
      if (typeof value === 'boolean') return value ? '1' : '0';
      if (typeof value === 'number' && Number.isFinite(value)) return String(Math.trunc(value));
      throw new PolicyEvalError('TypeError', `%${conversion} format: a real number is required, not ${pyTypeName(value)}`);
    default:
      // Other numeric conversions are not used by policy files; refuse rather than guess.
      throw new PolicyEvalError('TypeError', `%${conversion} format is not supported for ${pyTypeName(value)}`);
  }
}

/**
 * `template % mapping` as Python evaluates it: `%(key)s` looks `key` up literally (KeyError when
 * absent), a bare `%s` formats the whole mapping once, `%%` is a percent sign, a dangling `%` is
 * "incomplete format".
 */
export function pyPercentFormat(template: string, mapping: Record<string, unknown>): string {
  let out = '';
  let i = 0;
  // Python hands the mapping itself to the first key-less specifier, then runs out of arguments.
  let pending: { value: unknown } | null = { value: mapping };
  const nextArg = (): unknown => {
    if (!pending) throw new PolicyEvalError('TypeError', 'not enough arguments for format string');
    const { value } = pending;
    pending = null;
    return value;
  };
  while (i < template.length) {
    const ch = template[i];
    if (ch !== '%') {
      out += ch;
      i += 1;
      continue;
    }
    i += 1;
    if (i >= template.length) throw new PolicyEvalError('ValueError', 'incomplete format');
    if (template[i] === '(') {
      let depth = 1;
      const start = i + 1;
      i += 1;
      while (i < template.length && depth > 0) {
        if (template[i] === '(') depth += 1;
        else if (template[i] === ')') depth -= 1;
        i += 1;
      }
      if (depth > 0) throw new PolicyEvalError('ValueError', 'incomplete format key');
      const key = template.slice(start, i - 1);
      if (!Object.prototype.hasOwnProperty.call(mapping, key)) throw new PolicyEvalError('KeyError', pyReprString(key));
      pending = { value: mapping[key] };
    }
    // flags, width, precision, length modifier: accepted and ignored (policies only use `s`).
    while (i < template.length && '-+ #0'.includes(template[i])) i += 1;
    if (template[i] === '*') {
      nextArg();
      i += 1;
    } else while (i < template.length && /[0-9]/.test(template[i])) i += 1;
    if (template[i] === '.') {
      i += 1;
      if (template[i] === '*') {
        nextArg();
        i += 1;
      } else while (i < template.length && /[0-9]/.test(template[i])) i += 1;
    }
    while (i < template.length && 'hlL'.includes(template[i])) i += 1;
    if (i >= template.length) throw new PolicyEvalError('ValueError', 'incomplete format');
    const conversion = template[i];
    i += 1;
    if (conversion === '%') {
      out += '%';
      continue;
    }
    if (!CONVERSIONS.has(conversion)) {
      throw new PolicyEvalError(
        'ValueError',
        `unsupported format character '${conversion}' (0x${conversion.codePointAt(0)!.toString(16)}) at index ${i - 1}`,
      );
    }
    out += formatOne(conversion, nextArg());
  }
  return out;
}
