// Shapes of TOSCA type definitions, as written in YAML `node_types` etc. (only the parts we use).

export interface PropertyDef {
  type: string;
  required?: boolean;
  default?: unknown;
  description?: string;
  constraints?: Array<Record<string, unknown>>;
  entry_schema?: unknown;
}

export interface CapabilityDef {
  type: string;
  description?: string;
  properties?: Record<string, PropertyDef>;
}

export interface AttributeDef {
  type: string;
  description?: string;
}

export interface TypeDef {
  derived_from?: string;
  description?: string;
  properties?: Record<string, PropertyDef>;
  attributes?: Record<string, AttributeDef>;
  capabilities?: Record<string, CapabilityDef | string>;
  requirements?: Array<Record<string, unknown>>;
  interfaces?: Record<string, unknown>;
  valid_target_types?: string[];
}

export type TypeTable = Record<string, TypeDef>;

export interface TypeTables {
  node_types: TypeTable;
  capability_types: TypeTable;
  relationship_types: TypeTable;
  policy_types: TypeTable;
  data_types: TypeTable;
}
