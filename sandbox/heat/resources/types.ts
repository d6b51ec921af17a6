// The contract between the Heat engine and one resource type implementation.
import type { CloudState } from '../../cloud/model';
import type { ResourceRecord, StackRecord } from '../model';

/** What the engine offers resource implementations (nested stacks, lookups). */
export interface EngineApi {
  stack(id: string): StackRecord | undefined;
  /** creates and starts a nested stack owned by `resource` of `parent`; returns its id */
  createNestedStack(parent: StackRecord, resource: ResourceRecord, template: Record<string, unknown>, params: Record<string, unknown>, name: string): string;
  /** starts an update of a stack to a new template/parameters; `touch` reports UPDATE on unchanged resources too */
  updateStack(stackId: string, template: Record<string, unknown>, params: Record<string, unknown>, touch: boolean): void;
  deleteStack(stackId: string): void;
  /** resolved outputs of a (complete) stack */
  outputs(stackId: string): Record<string, unknown>;
  /** URL of a stack as Heat links it: <heat>/stacks/<name>/<id> */
  stackUrl(stack: StackRecord): string;
}

export interface PluginContext {
  stack: StackRecord;
  resource: ResourceRecord;
  /** the resource's type after the environment's resource_registry (a template file name for template resources) */
  resolvedType: string;
  cloud: CloudState;
  engine: EngineApi;
  /** "<stack>-<resource>-<random>" like Heat's physical_resource_name() */
  physicalName: string;
  userId: string;
  baseUrl: string;
  now: number;
}

export interface ResourcePlugin {
  /** extra time in progress beyond the configured per-resource delay (TestResource wait_secs) */
  extraDelayMs?(props: Record<string, unknown>): number;
  /** does the work at the end of CREATE_IN_PROGRESS; throws ResourceFailure; may set resource.nestedStackId to wait for it */
  create(ctx: PluginContext, props: Record<string, unknown>): void;
  /** applies new properties in place; without it the engine replaces the resource (delete + create) */
  update?(ctx: PluginContext, props: Record<string, unknown>, touch: boolean): void;
  delete(ctx: PluginContext): void;
  /** every attribute, as resource show lists them */
  attributes(ctx: PluginContext): Record<string, unknown>;
  /** one attribute with a path (for attributes whose path has special meaning, e.g. outputs_list) */
  attribute?(ctx: PluginContext, name: string, path: unknown[]): unknown;
  /** get_resource value; default the physical id */
  refId?(ctx: PluginContext): unknown;
  /** handles POST .../signal; 'no-action' means ignored (no event), like Heat's NoActionRequired */
  signal?(ctx: PluginContext, details: unknown): 'done' | 'no-action';
}

export function str(props: Record<string, unknown>, key: string): string | undefined {
  const v = props[key];
  return v === undefined || v === null ? undefined : String(v);
}
