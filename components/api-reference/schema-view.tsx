// A JSON Schema (as found in the OpenAPI document) rendered as a readable attribute list:
// name, type, required, constraints, description; nested objects indented; $refs link to the schema.
import styles from './api-reference.module.css';

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  additionalProperties?: boolean | JsonSchema;
  description?: string;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
};

const MAX_DEPTH = 6;

export function refName(ref: string): string {
  return ref.split('/').pop() ?? ref;
}

/** A short type label: `string`, `array of Vim`, `"out" | "in"`, `string | null`, `object`. */
export function typeLabel(s: JsonSchema): string {
  if (s.$ref) return refName(s.$ref);
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (s.anyOf) return s.anyOf.map(typeLabel).join(' | ');
  const type = Array.isArray(s.type) ? s.type.join(' | ') : s.type;
  if (type === 'array') return `array of ${s.items ? typeLabel(s.items) : 'any'}`;
  if (type === 'object' && !s.properties && s.additionalProperties && s.additionalProperties !== true) return 'object (any keys)';
  return type ?? 'any';
}

function constraints(s: JsonSchema): string[] {
  const out: string[] = [];
  if (s.minLength !== undefined) out.push(`min length ${s.minLength}`);
  if (s.maxLength !== undefined) out.push(`max length ${s.maxLength}`);
  if (s.minItems !== undefined) out.push(`at least ${s.minItems} item(s)`);
  if (s.minimum !== undefined) out.push(`≥ ${s.minimum}`);
  if (s.maximum !== undefined) out.push(`≤ ${s.maximum}`);
  if (s.pattern) out.push(`pattern ${s.pattern}`);
  if (s.additionalProperties === false) out.push('no other keys');
  // constraints of a union's branches (e.g. cert_verify: boolean, or a string matching a pattern)
  for (const branch of s.anyOf ?? []) if (!branch.properties) out.push(...constraints(branch).map((c) => `${typeLabel(branch)}: ${c}`));
  return out;
}

/** The object schema whose properties deserve a nested list (directly, in an array, or in an anyOf). */
function nestedObject(s: JsonSchema): JsonSchema | undefined {
  if (s.properties) return s;
  if (s.items) return nestedObject(s.items);
  return s.anyOf?.map(nestedObject).find(Boolean);
}

export function SchemaView({ schema, depth = 0 }: { schema: JsonSchema; depth?: number }) {
  const object = nestedObject(schema);
  if (!object?.properties || depth > MAX_DEPTH) {
    return (
      <p className={styles.schemaScalar}>
        <TypeText schema={schema} />
        {schema.description ? <span className="muted"> — {schema.description}</span> : null}
      </p>
    );
  }
  const required = new Set(object.required ?? []);
  return (
    <ul className={styles.schema}>
      {Object.entries(object.properties).map(([name, prop]) => {
        const child = nestedObject(prop);
        const facts = constraints(prop);
        return (
          <li key={name}>
            <code className={styles.propName}>{name}</code> <TypeText schema={prop} />
            {required.has(name) ? <span className={styles.required}> required</span> : null}
            {facts.length ? <span className="muted"> ({facts.join(', ')})</span> : null}
            {prop.description ? <div className="muted">{prop.description}</div> : null}
            {child?.properties && !prop.$ref ? <SchemaView schema={prop} depth={depth + 1} /> : null}
          </li>
        );
      })}
    </ul>
  );
}

function TypeText({ schema }: { schema: JsonSchema }) {
  if (schema.$ref) {
    const name = refName(schema.$ref);
    return (
      <a className={styles.type} href={`#schema-${name}`}>
        {name}
      </a>
    );
  }
  if (schema.type === 'array' && schema.items?.$ref) {
    const name = refName(schema.items.$ref);
    return (
      <span className={styles.type}>
        array of <a href={`#schema-${name}`}>{name}</a>
      </span>
    );
  }
  return <span className={styles.type}>{typeLabel(schema)}</span>;
}
