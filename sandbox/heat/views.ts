// Heat v1 JSON shapes: stacks (show and list item), resources, events, outputs.
import type { HeatEngine } from './engine';
import type { EventRecord, ResourceRecord, StackRecord } from './model';
import { outputDefinitions, referencedResources } from './template';
import { isoSeconds } from '../util';

const time = (ms: number | null): string | null => (ms === null ? null : isoSeconds(ms));

function description(stack: StackRecord): string {
  const d = stack.template.description;
  return typeof d === 'string' ? d : d === undefined || d === null ? 'No description' : String(d);
}

export function outputList(engine: HeatEngine, stack: StackRecord, withValues: boolean): Record<string, unknown>[] {
  const defs = outputDefinitions(stack.template);
  const values = withValues ? engine.outputs(stack.id) : {};
  const deleting = stack.action === 'DELETE' && stack.status === 'IN_PROGRESS';
  return Object.entries(defs).map(([key, def]) => {
    const description = typeof def?.description === 'string' ? def.description : 'No description given';
    if (!withValues) return { output_key: key, description };
    // while a stack is deleted Heat cannot resolve outputs that reference resources
    const reference = deleting ? [...referencedResources(def?.value)][0] : undefined;
    if (reference) return { output_key: key, description, output_error: `The specified reference "${reference}" (in unknown) is incorrect.`, output_value: null };
    return { output_key: key, description, output_value: values[key] ?? null };
  });
}

export function stackView(engine: HeatEngine, stack: StackRecord, resolveOutputs: boolean): Record<string, unknown> {
  const view: Record<string, unknown> = {
    stack_name: stack.name, id: stack.id, links: [{ href: engine.stackUrl(stack), rel: 'self' }],
    creation_time: time(stack.creationTime), updated_time: time(stack.updatedTime), deletion_time: time(stack.deletionTime),
    notification_topics: [],
    parameters: { 'OS::stack_id': stack.id, 'OS::project_id': stack.projectId, 'OS::stack_name': stack.name, ...stack.parameters },
    description: description(stack), template_description: description(stack), capabilities: [], disable_rollback: stack.disableRollback,
    timeout_mins: stack.timeoutMins, stack_owner: stack.ownerName, parent: stack.parentStackId, stack_user_project_id: stack.stackUserProjectId,
    tags: stack.tags, stack_status: `${stack.action}_${stack.status}`, stack_status_reason: stack.statusReason,
  };
  const deleted = stack.action === 'DELETE' && stack.status === 'COMPLETE';
  if (resolveOutputs && !deleted) view.outputs = outputList(engine, stack, true);
  return view;
}

export function stackListItem(engine: HeatEngine, stack: StackRecord): Record<string, unknown> {
  return {
    id: stack.id, links: [{ href: engine.stackUrl(stack), rel: 'self' }], project: stack.projectId, stack_name: stack.name,
    description: '', stack_status: `${stack.action}_${stack.status}`, stack_status_reason: stack.statusReason,
    creation_time: time(stack.creationTime), updated_time: time(stack.updatedTime), deletion_time: time(stack.deletionTime),
    stack_owner: stack.ownerName, parent: stack.parentStackId, stack_user_project_id: stack.stackUserProjectId,
    tags: stack.tags.length ? stack.tags : null,
  };
}

export function resourceView(engine: HeatEngine, stack: StackRecord, res: ResourceRecord, opts: { parentResource?: string; show?: boolean; withAttrs?: string[] }): Record<string, unknown> {
  const base = engine.stackUrl(stack);
  const links = [{ href: `${base}/resources/${res.name}`, rel: 'self' }, { href: base, rel: 'stack' }];
  const nested = res.nestedStackId ? engine.stack(res.nestedStackId) : undefined;
  if (nested) links.push({ href: engine.stackUrl(nested), rel: 'nested' });
  const view: Record<string, unknown> = {
    updated_time: time(res.updatedAt ?? stack.creationTime), creation_time: time(res.createdAt ?? stack.creationTime),
    logical_resource_id: res.name, resource_name: res.name, physical_resource_id: res.physicalId,
    resource_status: `${res.action}_${res.status}`, resource_status_reason: res.statusReason, resource_type: res.type, links,
    required_by: Object.values(stack.resources).filter((r) => r.dependsOn.includes(res.name)).map((r) => r.name),
  };
  const parentResource = opts.parentResource ?? stack.parentResourceName;
  if (parentResource) view.parent_resource = parentResource;
  if (opts.show) {
    view.description = '';
    const attributes = engine.resourceAttributes(stack, res);
    if (opts.withAttrs?.includes('show')) attributes.show = { ...attributes };
    view.attributes = attributes;
  }
  return view;
}

export function eventView(engine: HeatEngine, stack: StackRecord, ev: EventRecord, detail: boolean): Record<string, unknown> {
  const base = engine.stackUrl(stack);
  const view: Record<string, unknown> = {
    id: ev.id,
    links: [
      { href: `${base}/resources/${ev.resourceName}/events/${ev.id}`, rel: 'self' },
      { href: `${base}/resources/${ev.resourceName}`, rel: 'resource' },
      { href: base, rel: 'stack' },
    ],
    event_time: isoSeconds(ev.time), logical_resource_id: ev.resourceName, resource_name: ev.resourceName,
    physical_resource_id: ev.physicalId, resource_status: ev.status, resource_status_reason: ev.reason,
  };
  if (detail) {
    view.resource_type = ev.resourceType;
    view.resource_properties = ev.properties;
  }
  return view;
}
