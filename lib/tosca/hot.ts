// HOT data structures and the translation context shared by the type modules.
import type { PathSegment } from './errors';
import type { Dict, NodeTemplate, ToscaTemplate } from './model';

export interface HotResource {
  name: string;
  type: string;
  properties: Dict;
  dependsOn: string[];
  /** Existing resources (e.g. a network found by name) are referenced, not created. */
  hidden?: boolean;
  /** TOSCA node this resource came from, if any. */
  node?: string;
  /** Policy resources (scaling group, alarms) stay in the main template when others are nested. */
  policy?: boolean;
  /** NIC order for ports (TOSCA `order`). */
  order?: number;
}

export type TranslationMode = 'tacker' | 'heat-translator';

export interface TranslationContext {
  template: ToscaTemplate;
  mode: TranslationMode;
  /** Input values: param_values over input defaults. */
  inputValues: Dict;
  resources: HotResource[];
  /** The main resource of each TOSCA node. */
  byNode: Map<string, HotResource>;
  /** TOSCA property/attribute functions -> HOT intrinsic functions. */
  value(v: unknown, self: NodeTemplate | null, path: PathSegment[]): unknown;
  /** Value with get_input resolved to the actual input value (for flavor choice, sizes). */
  resolved(v: unknown, path: PathSegment[]): unknown;
  /** HOT expression for a TOSCA attribute of a node, or undefined if it cannot be translated. */
  attribute(nodeName: string, attribute: string, args: unknown[], path: PathSegment[]): unknown;
  add(resource: HotResource): HotResource;
  /** Resource that represents a node at the end of its chain (last software deployment, or itself). */
  topOfChain(nodeName: string): string | undefined;
  chainEnds: Map<string, { first: string; last: string }>;
  /** Output names other nodes read from a lifecycle operation (get_operation_output). */
  operationOutputs(node: string, operation: string): string[];
}

export function newResource(name: string, type: string, properties: Dict = {}, node?: string): HotResource {
  return { name, type, properties, dependsOn: [], node };
}

/** HOT dict of one resource, in heat-translator's key order (type, properties, depends_on). */
export function resourceToHot(r: HotResource): Dict {
  const out: Dict = { type: r.type };
  const props = dropUndefined(r.properties);
  if (Object.keys(props).length) out.properties = props;
  if (r.dependsOn.length) out.depends_on = [...r.dependsOn];
  return out;
}

function dropUndefined(d: Dict): Dict {
  const out: Dict = {};
  for (const [k, v] of Object.entries(d)) if (v !== undefined && v !== null) out[k] = v;
  return out;
}
