// Reading a policy file the way oslo.policy does: JSON first, otherwise YAML as PyYAML reads it
// (YAML 1.1): `yes`/`on`/`1:20` are not strings, an unquoted `@` or a tab between tokens fails,
// an unquoted `!` (empty tagged scalar) and `key:` (null) mean "allow everyone". Errors carry
// line and column. Pure (the `yaml` package has no Node dependencies).

import YAML, { Parser, Scalar, isScalar } from 'yaml';
import type { RuleSource } from './enforcer';

export interface ParsedPolicyFile {
  rules: Record<string, RuleSource>;
  /** Empty when the file loaded; otherwise why not (the caller keeps its previous rules). */
  errors: string[];
}

// PyYAML's implicit resolvers (yaml/resolver.py), for plain scalars.
const PY_BOOL = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
const PY_TRUE = /^(?:yes|Yes|YES|true|True|TRUE|on|On|ON)$/;
const PY_FLOAT =
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const PY_INT = /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const PY_NULL = /^(?:~|null|Null|NULL|)$/;
const PY_TIMESTAMP =
  /^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)$/;

/** A value PyYAML would build that is neither a string nor a collection. */
class NonStringScalar {
  constructor(
    readonly pythonType: 'bool' | 'int' | 'float' | 'datetime',
    readonly truthy: boolean,
  ) {}
}

function resolvePlain(text: string): unknown {
  if (PY_NULL.test(text)) return null;
  if (PY_BOOL.test(text)) return new NonStringScalar('bool', PY_TRUE.test(text));
  if (PY_INT.test(text)) return new NonStringScalar('int', /[1-9a-fA-F]/.test(text.replace(/^[-+]?0[xXbB]?/, '')));
  if (PY_FLOAT.test(text)) return new NonStringScalar('float', /[1-9]|inf|Inf|INF|nan|NaN|NAN/.test(text));
  if (PY_TIMESTAMP.test(text)) return new NonStringScalar('datetime', true);
  if (text === '=' || text === '<<') throw new Error(`"${text}" needs a constructor PyYAML does not have (value/merge tag)`);
  return text;
}

function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

/** PyYAML never skips a tab between tokens: only quoted/block scalars and comments may hold one. */
function findForbiddenTab(text: string): number | null {
  const allowed = new Set(['single-quoted-scalar', 'double-quoted-scalar', 'block-scalar', 'comment']);
  let found: number | null = null;
  const visit = (node: unknown): void => {
    if (found !== null || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    const token = node as { type?: string; source?: unknown; offset?: number };
    if (token.type && allowed.has(token.type)) return;
    if (typeof token.source === 'string' && typeof token.offset === 'number') {
      const index = token.source.indexOf('\t');
      if (index >= 0) found = token.offset + index;
    }
    for (const [key, value] of Object.entries(node)) if (key !== 'source') visit(value);
  };
  for (const token of new Parser().parse(text)) visit(token);
  return found;
}

/** Turns a parsed YAML node tree into plain values, re-resolving plain scalars PyYAML's way. */
function toPython(node: unknown, doc: YAML.Document, anchors: Set<string>): unknown {
  const anchor = (node as { anchor?: string } | null)?.anchor;
  if (anchor && !YAML.isAlias(node)) {
    if (anchors.has(anchor)) throw new Error(`found duplicate anchor '${anchor}'`);
    anchors.add(anchor);
  }
  const convert = (child: unknown) => toPython(child, doc, anchors);
  if (isScalar(node)) {
    const scalar = node as Scalar;
    if (scalar.type === Scalar.PLAIN && scalar.tag === undefined) return resolvePlain(String(scalar.source ?? scalar.value ?? ''));
    if (scalar.tag === '!' || scalar.tag === 'tag:yaml.org,2002:str') return String(scalar.value ?? '');
    return scalar.value;
  }
  if (YAML.isSeq(node)) return node.items.map(convert);
  if (YAML.isMap(node)) {
    const out: Record<string, unknown> = {};
    for (const pair of node.items) {
      const key = YAML.isScalar(pair.key) ? String((pair.key as Scalar).value) : String(pair.key);
      out[key] = convert(pair.value);
    }
    return out;
  }
  if (YAML.isAlias(node)) {
    const target = node.resolve(doc);
    if (!target) throw new Error(`found undefined alias '${node.source}'`);
    return toPython(target, doc, new Set());
  }
  return node ?? null;
}

function parseYaml(text: string): { value: unknown; error: string | null } {
  const tab = findForbiddenTab(text);
  if (tab !== null) return { value: null, error: `found a tab character that cannot start any token at ${lineColumn(text, tab)}` };
  const doc = YAML.parseDocument(text, { version: '1.1', uniqueKeys: false, keepSourceTokens: true });
  const problem = doc.errors[0] ?? doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
  if (problem) {
    const where = problem.pos ? ` at ${lineColumn(text, problem.pos[0])}` : '';
    return { value: null, error: `${problem.message.split('\n')[0]}${where}` };
  }
  try {
    return { value: toPython(doc.contents, doc, new Set()), error: null };
  } catch (error) {
    return { value: null, error: (error as Error).message };
  }
}

/** A rule value's Python truthiness and type decide: falsy = allow everyone, other scalars fail. */
function checkRuleValue(name: string, value: unknown, errors: string[]): RuleSource | null {
  if (value instanceof NonStringScalar) {
    if (!value.truthy) return null; // oslo: a falsy rule (0, false) parses as "always allow"
    errors.push(`rule "${name}": a ${value.pythonType} is not a rule (quote it to make it a string)`);
    return '!';
  }
  if (Array.isArray(value)) {
    return value.map((inner) => {
      if (inner instanceof NonStringScalar) {
        if (inner.truthy) errors.push(`rule "${name}": a ${inner.pythonType} inside a list rule is not a check`);
        return inner.truthy ? '!' : null;
      }
      if (Array.isArray(inner)) return inner.map((atom) => (atom instanceof NonStringScalar ? '' : atom));
      return inner;
    });
  }
  return value as RuleSource;
}

/** Parses a policy file (JSON or YAML). Never throws. */
export function parsePolicyFile(text: string): ParsedPolicyFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    const yaml = parseYaml(text);
    if (yaml.error) return { rules: {}, errors: [`policy file is not valid YAML or JSON: ${yaml.error}`] };
    parsed = yaml.value;
  }
  if (parsed instanceof NonStringScalar ? !parsed.truthy : !parsed) return { rules: {}, errors: [] }; // empty file: no rules
  if (typeof parsed !== 'object' || Array.isArray(parsed) || parsed instanceof NonStringScalar) {
    return { rules: {}, errors: ['policy file must be a mapping of rule names to rules'] };
  }
  const rules: Record<string, RuleSource> = {};
  const errors: string[] = [];
  for (const [name, value] of Object.entries(parsed as Record<string, unknown>)) {
    rules[name] = checkRuleValue(name, value, errors);
  }
  return { rules, errors };
}
