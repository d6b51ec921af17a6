// The type system one template sees: built-in normative + Tacker types, plus the template's own
// (and its imports') type definitions. Lookups walk `derived_from` chains with a cycle guard.
import { NORMATIVE, SHORT_NAMES } from './normative';
import { TACKER } from './tacker';
import type { CapabilityDef, PropertyDef, TypeDef, TypeTable, TypeTables } from './schema';

export type TypeKind = keyof TypeTables;
export const TYPE_KINDS: TypeKind[] = ['node_types', 'capability_types', 'relationship_types', 'policy_types', 'data_types'];

const BUILTIN: TypeTables = mergeTables([NORMATIVE, TACKER]);

function mergeTables(list: TypeTables[]): TypeTables {
  const out = { node_types: {}, capability_types: {}, relationship_types: {}, policy_types: {}, data_types: {} } as TypeTables;
  for (const t of list) for (const k of TYPE_KINDS) Object.assign(out[k], t[k]);
  return out;
}

export class TypeSystem {
  private readonly tables: TypeTables;
  private readonly chainCache: Record<TypeKind, Map<string, string[]>> = {
    node_types: new Map(),
    capability_types: new Map(),
    relationship_types: new Map(),
    policy_types: new Map(),
    data_types: new Map(),
  };

  constructor(custom: Partial<TypeTables>[] = []) {
    this.tables = custom.length ? mergeTables([BUILTIN, ...custom.map((c) => ({ ...emptyTables(), ...c }))]) : BUILTIN;
  }

  /** Full type name for a short alias ("Compute" -> "tosca.nodes.Compute"). */
  resolveName(name: string): string {
    return SHORT_NAMES[name] ?? name;
  }

  get(kind: TypeKind, name: string): TypeDef | undefined {
    const table: TypeTable = this.tables[kind];
    return Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;
  }

  has(kind: TypeKind, name: string): boolean {
    return this.get(kind, this.resolveName(name)) !== undefined;
  }

  /** The type and its ancestors, most specific first. Unknown names give an empty chain. */
  chain(kind: TypeKind, name: string): string[] {
    const cache = this.chainCache[kind];
    const cached = cache.get(name);
    if (cached) return cached;
    const out: string[] = [];
    let current: string | undefined = this.resolveName(name);
    while (current && !out.includes(current)) {
      const def = this.get(kind, current);
      if (!def) break;
      out.push(current);
      current = def.derived_from ? this.resolveName(def.derived_from) : undefined;
    }
    cache.set(name, out);
    return out;
  }

  isDerivedFrom(kind: TypeKind, name: string, base: string): boolean {
    return this.chain(kind, name).includes(base);
  }

  /** Property definitions, ancestors first so subtypes override. */
  properties(kind: TypeKind, name: string): Record<string, PropertyDef> {
    const out: Record<string, PropertyDef> = {};
    for (const t of [...this.chain(kind, name)].reverse()) Object.assign(out, this.get(kind, t)?.properties);
    return out;
  }

  capabilities(nodeType: string): Record<string, CapabilityDef> {
    const out: Record<string, CapabilityDef> = {};
    for (const t of [...this.chain('node_types', nodeType)].reverse()) {
      for (const [name, def] of Object.entries(this.get('node_types', t)?.capabilities ?? {})) {
        out[name] = typeof def === 'string' ? { type: def } : def;
      }
    }
    return out;
  }

  /** Requirement definitions by name (the most specific definition wins). */
  requirementDefs(nodeType: string): Record<string, Record<string, unknown>> {
    const out: Record<string, Record<string, unknown>> = {};
    for (const t of [...this.chain('node_types', nodeType)].reverse()) {
      for (const entry of this.get('node_types', t)?.requirements ?? []) {
        for (const [name, def] of Object.entries(entry)) out[name] = (def && typeof def === 'object' ? def : { node: def }) as Record<string, unknown>;
      }
    }
    return out;
  }

  interfaces(nodeType: string): Record<string, Record<string, unknown>> {
    const out: Record<string, Record<string, unknown>> = {};
    for (const t of [...this.chain('node_types', nodeType)].reverse()) {
      for (const [name, def] of Object.entries(this.get('node_types', t)?.interfaces ?? {})) {
        if (def && typeof def === 'object') out[name] = { ...out[name], ...(def as Record<string, unknown>) };
      }
    }
    return out;
  }
}

function emptyTables(): TypeTables {
  return { node_types: {}, capability_types: {}, relationship_types: {}, policy_types: {}, data_types: {} };
}

export const BUILTIN_TYPES: Readonly<TypeTables> = BUILTIN;
export type { PropertyDef, CapabilityDef, TypeDef, TypeTables } from './schema';
