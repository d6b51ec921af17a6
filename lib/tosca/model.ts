// The parsed TOSCA template as typed data: node templates with resolved types, requirements,
// capability values and policies. Structural validation happens here and is collected, not thrown.
import { ToscaError, type PathSegment } from './errors';
import { TypeSystem, TYPE_KINDS, type TypeTables, type PropertyDef } from './typedefs';
import { BUILTIN_IMPORTS } from './typedefs/tacker';

export type Dict = Record<string, unknown>;

export interface Requirement {
  name: string;
  node: string;
  /** Relationship type (full name) after resolving templates and type defaults. */
  relationship: string;
  relationshipProperties: Dict;
  relationshipInterfaces: Dict | null;
  /** Name of a relationship template (or the explicit type) as written; used for attachment naming. */
  relationshipRef: string | null;
  capability: string | null;
  /** The relationship was a named relationship_templates entry. */
  fromRelationshipTemplate: boolean;
  index: number;
}

export interface NodeTemplate {
  name: string;
  type: string;
  raw: Dict;
  /** Template properties plus type defaults, in type-definition order then template order. */
  properties: Dict;
  /** Properties given (or defaulted) per capability, only for capabilities the template lists. */
  capabilities: Record<string, Dict>;
  requirements: Requirement[];
  artifacts: Dict;
  /** Interface operations, the template's over the type's (e.g. Standard.create). */
  interfaces: Record<string, Dict>;
  path: PathSegment[];
}

export interface PolicyTemplate {
  name: string;
  type: string;
  description?: string;
  properties: Dict;
  targets: string[];
  triggers: Dict;
  raw: Dict;
  path: PathSegment[];
}

export interface InputDef {
  name: string;
  type: string;
  description?: string;
  default?: unknown;
  constraints: Dict[];
  required: boolean;
}

export interface ToscaTemplate {
  version: string;
  description: string | undefined;
  types: TypeSystem;
  inputs: Map<string, InputDef>;
  nodes: Map<string, NodeTemplate>;
  policies: PolicyTemplate[];
  outputs: Map<string, { description?: string; value: unknown }>;
  relationshipTemplates: Dict;
  substitutionMappings: Dict | null;
  raw: Dict;
}

export type ImportResolver = (path: string) => string | Dict | undefined;

export function isDict(v: unknown): v is Dict {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const TOPO = 'topology_template';

/** Builds the model; structural problems are pushed to `errors` and the offending part is skipped. */
export function buildTemplate(raw: Dict, errors: ToscaError[], loadImport: (path: string, from: PathSegment[]) => Dict | null): ToscaTemplate | null {
  if (typeof raw.tosca_definitions_version !== 'string') {
    errors.push(new ToscaError('tosca_definitions_version is required (e.g. tosca_simple_profile_for_nfv_1_0_0)', ['tosca_definitions_version'], 'missing_property'));
  }
  const custom: Partial<TypeTables>[] = [];
  collectImports(raw, ['imports'], custom, errors, loadImport, 0);
  custom.push(pickTypes(raw));
  const types = new TypeSystem(custom);

  const topo = raw[TOPO];
  if (topo !== undefined && !isDict(topo)) {
    errors.push(new ToscaError('topology_template must be a mapping', [TOPO], 'not_a_mapping'));
    return null;
  }
  const t = (topo ?? {}) as Dict;
  const template: ToscaTemplate = {
    version: String(raw.tosca_definitions_version ?? ''),
    description: typeof raw.description === 'string' ? raw.description : raw.description == null ? undefined : String(raw.description),
    types,
    inputs: buildInputs(t.inputs, errors),
    nodes: new Map(),
    policies: [],
    outputs: new Map(),
    relationshipTemplates: isDict(t.relationship_templates) ? t.relationship_templates : {},
    substitutionMappings: isDict(t.substitution_mappings) ? t.substitution_mappings : null,
    raw,
  };

  const nodesRaw = t.node_templates;
  if (nodesRaw !== undefined && !isDict(nodesRaw)) {
    errors.push(new ToscaError('node_templates must be a mapping of name to node template', [TOPO, 'node_templates'], 'not_a_mapping'));
  } else if (nodesRaw) {
    for (const [name, nodeRaw] of Object.entries(nodesRaw)) {
      const node = buildNode(name, nodeRaw, template, errors);
      if (node) template.nodes.set(name, node);
    }
    // Targets are checked against every declared name, so one bad node does not cascade.
    const declared = new Set(Object.keys(nodesRaw));
    for (const node of template.nodes.values()) checkRequirementTargets(node, declared, template, errors);
  }

  buildPolicies(t.policies, template, errors);

  if (isDict(t.outputs)) {
    for (const [name, out] of Object.entries(t.outputs)) {
      if (!isDict(out) || !('value' in out)) {
        errors.push(new ToscaError(`output "${name}" needs a value`, [TOPO, 'outputs', name], 'missing_property'));
        continue;
      }
      template.outputs.set(name, { description: out.description as string | undefined, value: out.value });
    }
  }
  return template;
}

function pickTypes(doc: Dict): Partial<TypeTables> {
  const out: Partial<TypeTables> = {};
  for (const k of TYPE_KINDS) if (isDict(doc[k])) out[k] = doc[k] as TypeTables[typeof k];
  return out;
}

function collectImports(doc: Dict, path: PathSegment[], out: Partial<TypeTables>[], errors: ToscaError[], loadImport: (p: string, from: PathSegment[]) => Dict | null, depth: number) {
  const list = doc.imports;
  if (list === undefined || list === null) return;
  if (!Array.isArray(list)) {
    errors.push(new ToscaError('imports must be a list', path, 'invalid_value'));
    return;
  }
  list.forEach((entry, i) => {
    let file: unknown = entry;
    if (isDict(entry)) {
      const inner = Object.values(entry)[0];
      file = isDict(entry) && 'file' in entry ? entry.file : isDict(inner) ? inner.file : inner;
    }
    if (typeof file !== 'string') {
      errors.push(new ToscaError('import entry must name a file', [...path, i], 'invalid_value'));
      return;
    }
    const base = file.split('/').pop()!;
    if (BUILTIN_IMPORTS.has(base)) return;
    if (depth > 8) return;
    const imported = loadImport(file, [...path, i]);
    if (!imported) return;
    collectImports(imported, [...path, i], out, errors, loadImport, depth + 1);
    out.push(pickTypes(imported));
  });
}

function buildInputs(raw: unknown, errors: ToscaError[]): Map<string, InputDef> {
  const inputs = new Map<string, InputDef>();
  if (raw === undefined || raw === null) return inputs;
  if (!isDict(raw)) {
    errors.push(new ToscaError('inputs must be a mapping', [TOPO, 'inputs'], 'not_a_mapping'));
    return inputs;
  }
  for (const [name, def] of Object.entries(raw)) {
    if (!isDict(def) || typeof def.type !== 'string') {
      errors.push(new ToscaError(`input "${name}" needs a type`, [TOPO, 'inputs', name], 'missing_property'));
      continue;
    }
    inputs.set(name, {
      name,
      type: def.type,
      description: def.description === undefined ? undefined : String(def.description),
      default: def.default,
      constraints: Array.isArray(def.constraints) ? (def.constraints.filter(isDict) as Dict[]) : [],
      required: def.required !== false,
    });
  }
  return inputs;
}

function buildNode(name: string, raw: unknown, template: ToscaTemplate, errors: ToscaError[]): NodeTemplate | null {
  const path: PathSegment[] = [TOPO, 'node_templates', name];
  if (!isDict(raw)) {
    errors.push(new ToscaError(`node template "${name}" must be a mapping`, path, 'not_a_mapping'));
    return null;
  }
  if (typeof raw.type !== 'string') {
    errors.push(new ToscaError(`node template "${name}" has no type`, [...path, 'type'], 'missing_property'));
    return null;
  }
  const { types } = template;
  const type = types.resolveName(raw.type);
  if (!types.has('node_types', type)) {
    errors.push(new ToscaError(`node template "${name}": unknown node type "${raw.type}"`, [...path, 'type'], 'unknown_type'));
    return null;
  }
  const given = raw.properties ?? {};
  if (!isDict(given)) {
    errors.push(new ToscaError(`properties of "${name}" must be a mapping`, [...path, 'properties'], 'not_a_mapping'));
    return null;
  }
  const defs = types.properties('node_types', type);
  const properties = withDefaults(defs, given, [...path, 'properties'], name, errors);

  const capabilities: Record<string, Dict> = {};
  const capDefs = types.capabilities(type);
  if (isDict(raw.capabilities)) {
    for (const [capName, capRaw] of Object.entries(raw.capabilities)) {
      const capProps = isDict(capRaw) && isDict(capRaw.properties) ? capRaw.properties : {};
      const capDef = capDefs[capName];
      const propDefs = capDef ? { ...types.properties('capability_types', capDef.type), ...types.properties('data_types', capDef.type), ...capDef.properties } : {};
      capabilities[capName] = withDefaults(propDefs, capProps, [...path, 'capabilities', capName, 'properties'], name, errors);
    }
  }

  const requirements = buildRequirements(name, type, raw.requirements, template, [...path, 'requirements'], errors);
  const interfaces: Record<string, Dict> = {};
  const typeIfaces = types.interfaces(type);
  const tplIfaces = isDict(raw.interfaces) ? raw.interfaces : {};
  for (const iname of new Set([...Object.keys(typeIfaces), ...Object.keys(tplIfaces)])) {
    const merged: Dict = { ...(typeIfaces[iname] as Dict) };
    if (isDict(tplIfaces[iname])) Object.assign(merged, tplIfaces[iname]);
    delete merged.type;
    delete merged.inputs;
    interfaces[iname] = merged;
  }
  return { name, type, raw, properties, capabilities, requirements, artifacts: isDict(raw.artifacts) ? raw.artifacts : {}, interfaces, path };
}

/** Type defaults first (definition order), then the template's values; checks required properties. */
function withDefaults(defs: Record<string, PropertyDef>, given: Dict, path: PathSegment[], owner: string, errors: ToscaError[]): Dict {
  const out: Dict = {};
  for (const [prop, def] of Object.entries(defs)) {
    if (prop in given) out[prop] = given[prop];
    else if (def.default !== undefined) out[prop] = def.default;
    else if (def.required !== false) {
      errors.push(new ToscaError(`"${owner}" is missing required property "${prop}"`, path, 'missing_property'));
    }
    if (prop in given) checkValueType(given[prop], def, [...path, prop], errors);
  }
  for (const [prop, value] of Object.entries(given)) if (!(prop in out)) out[prop] = value;
  return out;
}

const FUNCTION_KEYS = new Set(['get_input', 'get_property', 'get_attribute', 'concat', 'get_operation_output', 'token', 'get_param', 'get_resource', 'get_attr']);

function isFunction(v: unknown): boolean {
  return isDict(v) && Object.keys(v).length === 1 && FUNCTION_KEYS.has(Object.keys(v)[0]);
}

function checkValueType(value: unknown, def: PropertyDef, path: PathSegment[], errors: ToscaError[]) {
  if (value === null || value === undefined || isFunction(value)) return;
  const fail = (what: string) => errors.push(new ToscaError(`${path[path.length - 1]} must be ${what}, got ${JSON.stringify(value)}`, path, 'invalid_value'));
  switch (def.type) {
    case 'integer':
      if (!Number.isInteger(value)) fail('an integer');
      break;
    case 'float':
      if (typeof value !== 'number') fail('a number');
      break;
    case 'boolean':
      if (typeof value !== 'boolean') fail('true or false');
      break;
    case 'list':
      if (!Array.isArray(value)) fail('a list');
      break;
    case 'map':
      if (!isDict(value)) fail('a mapping');
      break;
    case 'string':
      if (typeof value === 'object') fail('a string');
      break;
  }
  for (const c of def.constraints ?? []) {
    if (Array.isArray(c.valid_values) && !c.valid_values.includes(value)) fail(`one of ${c.valid_values.join(', ')}`);
    if (typeof c.greater_or_equal === 'number' && typeof value === 'number' && value < c.greater_or_equal) fail(`>= ${c.greater_or_equal}`);
  }
}

function buildRequirements(owner: string, type: string, raw: unknown, template: ToscaTemplate, path: PathSegment[], errors: ToscaError[]): Requirement[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    errors.push(new ToscaError(`requirements of "${owner}" must be a list`, path, 'invalid_value'));
    return [];
  }
  const { types } = template;
  const reqDefs = types.requirementDefs(type);
  const out: Requirement[] = [];
  raw.forEach((entry, index) => {
    if (!isDict(entry) || Object.keys(entry).length !== 1) {
      errors.push(new ToscaError(`requirement ${index} of "${owner}" must be a single-key mapping`, [...path, index], 'invalid_value'));
      return;
    }
    const [name, value] = Object.entries(entry)[0];
    const def = reqDefs[name] ?? {};
    let node: unknown = value;
    let relationship: unknown = def.relationship;
    let capability: unknown = def.capability ?? null;
    if (isDict(value)) {
      node = value.node;
      if (value.relationship !== undefined) relationship = value.relationship;
      if (value.capability !== undefined) capability = value.capability;
    }
    if (typeof node !== 'string') {
      errors.push(new ToscaError(`requirement "${name}" of "${owner}" must name a target node`, [...path, index, name], 'bad_reference'));
      return;
    }
    let relType = 'tosca.relationships.DependsOn';
    let relProps: Dict = {};
    let relIfaces: Dict | null = null;
    let relRef: string | null = null;
    let fromTemplate = false;
    if (typeof relationship === 'string') {
      relRef = relationship;
      const tpl = template.relationshipTemplates[relationship];
      if (isDict(tpl) && !types.has('relationship_types', relationship)) {
        fromTemplate = true;
        relType = types.resolveName(String(tpl.type));
        relProps = isDict(tpl.properties) ? tpl.properties : {};
        relIfaces = isDict(tpl.interfaces) ? tpl.interfaces : null;
      } else relType = types.resolveName(relationship);
    } else if (isDict(relationship)) {
      if (typeof relationship.type === 'string') {
        relType = types.resolveName(relationship.type);
        relRef = relationship.type;
      } else if (typeof relationship.template === 'string') {
        const tpl = template.relationshipTemplates[relationship.template];
        relRef = relationship.template;
        if (isDict(tpl)) {
          fromTemplate = true;
          relType = types.resolveName(String(tpl.type));
          relProps = isDict(tpl.properties) ? tpl.properties : {};
          relIfaces = isDict(tpl.interfaces) ? tpl.interfaces : null;
        }
      }
      if (isDict(relationship.properties)) relProps = relationship.properties;
      if (isDict(relationship.interfaces)) relIfaces = relationship.interfaces;
    }
    out.push({ name, node, relationship: relType, relationshipProperties: relProps, relationshipInterfaces: relIfaces, relationshipRef: relRef, capability: typeof capability === 'string' ? capability : null, fromRelationshipTemplate: fromTemplate, index });
  });
  return out;
}

function checkRequirementTargets(node: NodeTemplate, declared: Set<string>, template: ToscaTemplate, errors: ToscaError[]) {
  for (const req of node.requirements) {
    if (!declared.has(req.node) && !template.types.has('node_types', req.node)) {
      errors.push(new ToscaError(`requirement "${req.name}" of "${node.name}" refers to missing node template "${req.node}"`, [...node.path, 'requirements', req.index, req.name], 'bad_reference'));
    }
  }
}

function buildPolicies(raw: unknown, template: ToscaTemplate, errors: ToscaError[]) {
  if (raw === undefined || raw === null) return;
  const entries: Array<[string, unknown, PathSegment[]]> = [];
  if (Array.isArray(raw)) {
    raw.forEach((item, i) => {
      if (isDict(item) && Object.keys(item).length === 1) {
        const [name, body] = Object.entries(item)[0];
        entries.push([name, body, [TOPO, 'policies', i, name]]);
      } else errors.push(new ToscaError('each policy must be a single-key mapping', [TOPO, 'policies', i], 'invalid_value'));
    });
  } else if (isDict(raw)) {
    for (const [name, body] of Object.entries(raw)) entries.push([name, body, [TOPO, 'policies', name]]);
  } else {
    errors.push(new ToscaError('policies must be a list', [TOPO, 'policies'], 'invalid_value'));
    return;
  }
  for (const [name, body, path] of entries) {
    if (!isDict(body) || typeof body.type !== 'string') {
      errors.push(new ToscaError(`policy "${name}" has no type`, path, 'missing_property'));
      continue;
    }
    const type = template.types.resolveName(body.type);
    const props = isDict(body.properties) ? body.properties : {};
    let targets: unknown = body.targets ?? props.targets ?? [];
    if (!Array.isArray(targets)) targets = [targets];
    const policy: PolicyTemplate = {
      name,
      type,
      description: typeof body.description === 'string' ? body.description : undefined,
      properties: props,
      targets: (targets as unknown[]).map(String),
      triggers: isDict(body.triggers) ? body.triggers : {},
      raw: body,
      path,
    };
    if (template.types.has('policy_types', type)) {
      const defs = template.types.properties('policy_types', type);
      const full: Dict = {};
      for (const [p, def] of Object.entries(defs)) {
        if (p in props) full[p] = props[p];
        else if (def.default !== undefined) full[p] = def.default;
        else if (def.required !== false && p !== 'targets') errors.push(new ToscaError(`policy "${name}" is missing required property "${p}"`, [...path, 'properties'], 'missing_property'));
      }
      for (const [p, v] of Object.entries(props)) if (!(p in full)) full[p] = v;
      policy.properties = full;
    }
    policy.targets.forEach((target, i) => {
      if (!template.nodes.has(target)) errors.push(new ToscaError(`policy "${name}" targets missing node template "${target}"`, [...path, 'targets', i], 'bad_reference'));
    });
    template.policies.push(policy);
  }
}
