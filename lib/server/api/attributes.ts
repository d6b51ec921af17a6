// Tacker's RESOURCE_ATTRIBUTE_MAP, as data: each resource lists its attributes once, and the
// request-body validators for POST and PUT are compiled from that table (unknown keys are refused).
import { z } from 'zod';

export interface AttributeRule {
  /** Validates the value when the client sends it. */
  schema: z.ZodType;
  allowPost: boolean;
  allowPut: boolean;
  /** Used when POST omits the attribute; no default + allowPost = required. */
  default?: unknown;
  /** Returned in responses (Tacker's is_visible). */
  visible: boolean;
}
export type AttributeTable = Record<string, AttributeRule>;

/** Shorthand for a table row. */
export function attr(schema: z.ZodType, opts: Partial<Omit<AttributeRule, 'schema'>> = {}): AttributeRule {
  return { schema, allowPost: opts.allowPost ?? true, allowPut: opts.allowPut ?? false, visible: opts.visible ?? true, ...('default' in opts ? { default: opts.default } : {}) };
}

/** `{"<resource>": {...}}` validator for a create (POST) or update (PUT) body. */
export function compileBodySchema(resource: string, table: AttributeTable, method: 'POST' | 'PUT') {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, rule] of Object.entries(table)) {
    if (method === 'POST' && rule.allowPost) {
      shape[name] = 'default' in rule ? rule.schema.optional().transform((v) => (v === undefined ? structuredClone(rule.default) : v)) : rule.schema;
    } else if (method === 'PUT' && rule.allowPut) {
      shape[name] = rule.schema.optional();
    }
  }
  let inner = z.strictObject(shape);
  if (method === 'PUT') inner = inner.refine((v) => Object.keys(v).length > 0, { message: 'at least one attribute to update is required' }) as unknown as typeof inner;
  return z.strictObject({ [resource]: inner });
}

/** The attributes a response may show, in table order. */
export function visibleAttributes(table: AttributeTable): string[] {
  return Object.entries(table).filter(([, r]) => r.visible).map(([n]) => n);
}

/** Zod issues -> one readable message naming each field, plus a structured detail list. */
export function describeIssues(issues: z.core.$ZodIssue[]) {
  const detail = issues.map((i) => ({ field: i.path.map(String).join('.'), message: fieldMessage(i) }));
  const message = detail.map((d) => (d.field ? `Invalid input for ${d.field}: ${d.message}` : d.message)).join('; ');
  return { message, detail };
}

function fieldMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown attribute(s) ${issue.keys.map((k) => `'${k}'`).join(', ')}`;
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'is required';
  return issue.message;
}
