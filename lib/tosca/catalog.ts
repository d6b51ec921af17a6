// Machine-readable catalog of the node and policy types the translator supports, for the VNFD
// editor's completion and hover docs. Built from the same type tables the translator uses.
import { POLICY_TRANSLATORS } from './policies/registry';
import { BUILTIN_TYPES, TypeSystem, type PropertyDef } from './typedefs';
import { NODE_TRANSLATORS, nodeTranslatorFor } from './types/registry';

export interface CatalogProperty {
  name: string;
  type: string;
  required: boolean;
  description?: string;
  default?: unknown;
}

export interface CatalogCapability {
  name: string;
  type: string;
  description?: string;
  properties: CatalogProperty[];
}

export interface CatalogType {
  name: string;
  derivedFrom?: string;
  description?: string;
  /** Heat resource the type becomes (null: no resource of its own). */
  heatType: string | null;
  properties: CatalogProperty[];
  capabilities: CatalogCapability[];
  requirements: string[];
}

const types = new TypeSystem();

function props(defs: Record<string, PropertyDef>): CatalogProperty[] {
  return Object.entries(defs).map(([name, d]) => ({
    name,
    type: d.type,
    required: d.required !== false && d.default === undefined,
    ...(d.description ? { description: d.description } : {}),
    ...(d.default !== undefined ? { default: d.default } : {}),
  }));
}

function nodeEntry(name: string): CatalogType {
  const def = BUILTIN_TYPES.node_types[name];
  const translator = nodeTranslatorFor(types, name)!;
  return {
    name,
    ...(def.derived_from ? { derivedFrom: def.derived_from } : {}),
    description: def.description ?? translator.description,
    heatType: translator.heatType,
    properties: props(types.properties('node_types', name)),
    capabilities: Object.entries(types.capabilities(name)).map(([cap, c]) => ({
      name: cap,
      type: c.type,
      ...(c.description ? { description: c.description } : {}),
      properties: props({ ...types.properties('capability_types', c.type), ...types.properties('data_types', c.type), ...c.properties }),
    })),
    requirements: Object.keys(types.requirementDefs(name)).filter((r) => r !== 'dependency'),
  };
}

/** Every built-in node type that has a translator (directly or through an ancestor). */
export const NODE_TYPE_CATALOG: CatalogType[] = Object.keys(BUILTIN_TYPES.node_types)
  .filter((name) => nodeTranslatorFor(types, name) !== undefined)
  .map(nodeEntry);

export const POLICY_TYPE_CATALOG: CatalogType[] = Object.keys(BUILTIN_TYPES.policy_types)
  .filter((name) => POLICY_TRANSLATORS.some((t) => types.isDerivedFrom('policy_types', name, t.toscaType)))
  .map((name) => {
    const def = BUILTIN_TYPES.policy_types[name];
    return {
      name,
      ...(def.derived_from ? { derivedFrom: def.derived_from } : {}),
      description: def.description ?? POLICY_TRANSLATORS.find((t) => types.isDerivedFrom('policy_types', name, t.toscaType))!.description,
      heatType: null,
      properties: props(types.properties('policy_types', name)),
      capabilities: [],
      requirements: [],
    };
  });

export const SUPPORTED_NODE_MODULES = NODE_TRANSLATORS.map((t) => t.toscaType);
