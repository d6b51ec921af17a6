// Parsing and validating HOT templates: YAML or JSON text (or an already parsed object), the
// parameters section (types, defaults, user values) and resource dependencies.
import { parseDocument, LineCounter } from 'yaml';
import { validationError, HeatError } from './errors';

export type Template = Record<string, unknown>;
export interface ResourceDefinition {
  type: string;
  properties: Record<string, unknown>;
  dependsOn: string[];
  metadata?: unknown;
}
export interface ParameterDefinition {
  type: 'string' | 'number' | 'json' | 'comma_delimited_list' | 'boolean';
  default?: unknown;
  description?: string;
  hidden?: boolean;
  label?: string;
  constraints?: unknown[];
}

/** Parses template text; syntax errors name the line and column. */
export function parseTemplateText(text: string, what = 'template'): Template {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    const pos = lineCounter.linePos(err.pos[0]);
    throw new HeatError(400, 'HTTPBadRequest', `Error parsing ${what}: ${err.message.split('\n')[0]} (line ${pos.line}, column ${pos.col})`);
  }
  const value = doc.toJS();
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new HeatError(400, 'HTTPBadRequest', `The ${what} is not a JSON object or YAML mapping.`);
  return value as Template;
}

export function asTemplate(input: unknown, what = 'template'): Template {
  if (typeof input === 'string') return parseTemplateText(input, what);
  if (typeof input === 'object' && input !== null && !Array.isArray(input)) return input as Template;
  throw new HeatError(400, 'HTTPBadRequest', `The ${what} must be a mapping or a YAML/JSON string.`);
}

const PARAM_TYPES = ['string', 'number', 'json', 'comma_delimited_list', 'boolean'];

export function parameterDefinitions(template: Template): Record<string, ParameterDefinition> {
  const params = template.parameters ?? {};
  if (typeof params !== 'object' || Array.isArray(params)) throw validationError('The template section "parameters" must be a mapping.');
  const out: Record<string, ParameterDefinition> = {};
  for (const [name, def] of Object.entries(params as Record<string, unknown>)) {
    if (typeof def !== 'object' || def === null) throw validationError(`Parameter ${name}: the definition must be a mapping.`);
    const type = (def as { type?: unknown }).type;
    if (typeof type !== 'string' || !PARAM_TYPES.includes(type)) throw validationError(`Parameter ${name}: Invalid type (${String(type)})`);
    out[name] = def as ParameterDefinition;
  }
  return out;
}

/** Converts a parameter to the typed value get_param returns. */
export function typedParameter(name: string, def: ParameterDefinition, raw: unknown): unknown {
  const invalid = (why: string) => validationError(`Parameter '${name}' is invalid: ${why}`);
  switch (def.type) {
    case 'number': {
      const n = typeof raw === 'number' ? raw : Number(String(raw).trim());
      if (String(raw).trim() === '' || !Number.isFinite(n)) throw invalid(`could not convert string to float: '${String(raw)}'`);
      return n;
    }
    case 'boolean': {
      if (typeof raw === 'boolean') return raw;
      const s = String(raw).toLowerCase();
      if (['true', 't', 'on', 'y', 'yes', '1'].includes(s)) return true;
      if (['false', 'f', 'off', 'n', 'no', '0'].includes(s)) return false;
      throw invalid(`Unrecognized value "${String(raw)}", acceptable values are: '0', '1', 'f', 'false', 'n', 'no', 'off', 'on', 't', 'true', 'y', 'yes'`);
    }
    case 'json': {
      if (typeof raw !== 'string') return raw;
      try {
        return JSON.parse(raw);
      } catch {
        throw invalid('Value must be valid JSON');
      }
    }
    case 'comma_delimited_list':
      if (Array.isArray(raw)) return raw.map(String);
      return String(raw) === '' ? [] : String(raw).split(',').map((s) => s.trim());
    default:
      if (typeof raw === 'object' && raw !== null) throw invalid('Value must be a string');
      return String(raw);
  }
}

/** How Heat shows a parameter value in stack show (always a string). */
export function parameterDisplay(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.join(',');
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}

/** Resolves user values against the template; raises UserParameterMissing like Heat. */
export function resolveParameters(template: Template, given: Record<string, unknown>): Record<string, unknown> {
  const defs = parameterDefinitions(template);
  const values: Record<string, unknown> = {};
  for (const [name, def] of Object.entries(defs)) {
    const raw = name in given ? given[name] : def.default;
    if (raw === undefined || raw === null) throw new HeatError(400, 'UserParameterMissing', `The Parameter (${name}) was not provided.`);
    values[name] = typedParameter(name, def, raw);
    checkConstraints(name, def, values[name]);
  }
  return values;
}

function checkConstraints(name: string, def: ParameterDefinition, value: unknown): void {
  for (const c of def.constraints ?? []) {
    if (typeof c !== 'object' || c === null) continue;
    const constraint = c as Record<string, unknown>;
    if (Array.isArray(constraint.allowed_values) && !constraint.allowed_values.some((v) => String(v) === String(value))) {
      throw validationError(`Parameter '${name}' is invalid: ${String(value)} is not an allowed value [${constraint.allowed_values.join(', ')}]`);
    }
    if (constraint.range && typeof value === 'number') {
      const { min, max } = constraint.range as { min?: number; max?: number };
      if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
        throw validationError(`Parameter '${name}' is invalid: ${value} is out of range (min: ${min ?? 'None'}, max: ${max ?? 'None'}).`);
      }
    }
  }
}

/** Names of resources a value refers to through get_resource / get_attr. */
export function referencedResources(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => referencedResources(v, out));
  else if (typeof value === 'object' && value !== null) {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj);
    if (keys.length === 1 && keys[0] === 'get_resource' && typeof obj.get_resource === 'string') out.add(obj.get_resource);
    else if (keys.length === 1 && keys[0] === 'get_attr' && Array.isArray(obj.get_attr) && typeof obj.get_attr[0] === 'string') {
      out.add(obj.get_attr[0]);
      obj.get_attr.slice(1).forEach((v) => referencedResources(v, out));
    } else Object.values(obj).forEach((v) => referencedResources(v, out));
  }
  return out;
}

const PSEUDO_PARAMETERS = ['OS::stack_name', 'OS::stack_id', 'OS::project_id'];

/** Every get_param inside `value` must name a declared (or pseudo) parameter, as Heat checks at create. */
export function checkParameterReferences(value: unknown, declared: string[], where: string): void {
  if (Array.isArray(value)) value.forEach((v) => checkParameterReferences(v, declared, where));
  else if (typeof value === 'object' && value !== null) {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj);
    if (keys.length === 1 && keys[0] === 'get_param') {
      const arg = obj.get_param;
      const name = Array.isArray(arg) ? arg[0] : arg;
      if (typeof name === 'string' && !declared.includes(name) && !PSEUDO_PARAMETERS.includes(name)) {
        throw validationError(`The Parameter (${name}) was not defined in template.`);
      }
      if (typeof name !== 'string' && (typeof name !== 'object' || name === null)) throw validationError(`Arguments to "get_param" must be a parameter name or a list [name, path...] (in ${where})`);
    }
    Object.values(obj).forEach((v) => checkParameterReferences(v, declared, where));
  }
}

/** The resources section as typed definitions (implicit + explicit dependencies), validated. */
export function resourceDefinitions(template: Template): Record<string, ResourceDefinition> {
  if (template.heat_template_version === undefined) throw validationError('Template format version not found.');
  const section = template.resources ?? {};
  if (typeof section !== 'object' || section === null || Array.isArray(section)) throw validationError('The template section "resources" must be a mapping.');
  const out: Record<string, ResourceDefinition> = {};
  for (const [name, raw] of Object.entries(section as Record<string, unknown>)) {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw validationError(`Resource ${name} is not a mapping.`);
    const def = raw as Record<string, unknown>;
    if (typeof def.type !== 'string' || def.type === '') throw validationError(`Resource ${name} is missing "type".`);
    const properties = def.properties ?? {};
    if (typeof properties !== 'object' || properties === null || Array.isArray(properties)) throw validationError(`Resource ${name}: "properties" must be a mapping.`);
    const explicit = def.depends_on === undefined ? [] : Array.isArray(def.depends_on) ? def.depends_on : [def.depends_on];
    if (!explicit.every((d) => typeof d === 'string')) throw validationError(`Resource ${name}: "depends_on" must be a resource name or a list of names.`);
    const implicit = referencedResources(properties);
    out[name] = { type: def.type, properties: properties as Record<string, unknown>, dependsOn: [...new Set([...explicit as string[], ...implicit])], metadata: def.metadata };
  }
  for (const [name, def] of Object.entries(out)) {
    for (const dep of def.dependsOn) {
      if (!(dep in out)) throw validationError(`The specified reference "${dep}" (in ${name}) is incorrect.`);
    }
  }
  assertAcyclic(out);
  return out;
}

function assertAcyclic(defs: Record<string, ResourceDefinition>): void {
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, path: string[]) => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') throw validationError(`Circular Dependency Found: ${[...path, name].join(' -> ')}`);
    state.set(name, 'visiting');
    for (const dep of defs[name].dependsOn) visit(dep, [...path, name]);
    state.set(name, 'done');
  };
  Object.keys(defs).forEach((n) => visit(n, []));
}

export function outputDefinitions(template: Template): Record<string, { value: unknown; description?: string }> {
  const section = template.outputs ?? {};
  if (typeof section !== 'object' || section === null || Array.isArray(section)) throw validationError('The template section "outputs" must be a mapping.');
  return section as Record<string, { value: unknown; description?: string }>;
}
