// OS::Heat::AutoScalingGroup: a nested stack of N identical members (each usually a template
// resource from `files`); ScalingPolicy signals resize it within min_size..max_size.
import { ResourceFailure } from '../errors';
import { followPath } from '../intrinsics';
import type { ResourceRecord } from '../model';
import { heatSuffix } from '../../util';
import type { EngineApi, PluginContext, ResourcePlugin } from './types';

interface GroupData {
  minSize: number;
  maxSize: number;
  cooldown: number;
  memberType: string;
  memberProperties: Record<string, unknown>;
  /** member names, oldest first */
  members: string[];
  lastScaledAt: number | null;
}

function groupSettings(ctx: PluginContext, props: Record<string, unknown>): Omit<GroupData, 'members' | 'lastScaledAt'> & { desired: number } {
  const int = (key: string, fallback?: number) => {
    const raw = props[key] ?? fallback;
    const n = Number(raw);
    if (raw === undefined || !Number.isInteger(n) || n < 0) throw new ResourceFailure(`StackValidationFailed: resources.${ctx.resource.name}: Property error: ${ctx.resource.name}.Properties.${key}: "${String(raw)}" is not a non-negative integer`);
    return n;
  };
  const minSize = int('min_size');
  const maxSize = int('max_size');
  const desired = int('desired_capacity', minSize);
  if (maxSize < minSize) throw new ResourceFailure(`StackValidationFailed: resources.${ctx.resource.name}: max_size can not be less than min_size`);
  if (desired < minSize || desired > maxSize) throw new ResourceFailure(`StackValidationFailed: resources.${ctx.resource.name}: desired_capacity must be between min_size and max_size`);
  const member = props.resource as { type?: unknown; properties?: unknown } | undefined;
  if (!member || typeof member.type !== 'string') throw new ResourceFailure(`StackValidationFailed: resources.${ctx.resource.name}: Property error: ${ctx.resource.name}.Properties.resource: Property type not assigned`);
  return {
    minSize, maxSize, desired, cooldown: Number(props.cooldown ?? 0) || 0, memberType: member.type,
    memberProperties: (member.properties as Record<string, unknown>) ?? {},
  };
}

function memberTemplate(data: GroupData): Record<string, unknown> {
  return {
    heat_template_version: '2015-04-30',
    resources: Object.fromEntries(data.members.map((name) => [name, { type: data.memberType, properties: data.memberProperties }])),
  };
}

/** Sets the number of members (adds new ones, removes the oldest first) and starts the nested update. */
export function resizeGroup(engine: EngineApi, group: ResourceRecord, capacity: number): void {
  const data = group.data as unknown as GroupData;
  const members = [...data.members];
  while (members.length > capacity) members.shift();
  while (members.length < capacity) members.push(heatSuffix());
  data.members = members;
  data.lastScaledAt = Date.now();
  if (group.nestedStackId) engine.updateStack(group.nestedStackId, memberTemplate(data), {}, true);
}

export function groupData(group: ResourceRecord): GroupData {
  return group.data as unknown as GroupData;
}

/** Member resources of the nested stack that exist (created and not deleted), oldest first. */
function liveMembers(ctx: PluginContext): ResourceRecord[] {
  const nested = ctx.resource.nestedStackId ? ctx.engine.stack(ctx.resource.nestedStackId) : undefined;
  if (!nested) return [];
  return Object.values(nested.resources)
    .filter((r) => r.action !== 'INIT' && !(r.action === 'DELETE' && r.status === 'COMPLETE') && r.physicalId)
    .sort((a, b) => a.index - b.index);
}

function memberOutputs(ctx: PluginContext, member: ResourceRecord): Record<string, unknown> {
  return member.nestedStackId ? ctx.engine.outputs(member.nestedStackId) : {};
}

function memberRef(ctx: PluginContext, member: ResourceRecord): string {
  const stack = member.nestedStackId ? ctx.engine.stack(member.nestedStackId) : undefined;
  return stack ? `arn:openstack:heat::${stack.projectId}:stacks/${stack.name}/${stack.id}` : member.physicalId;
}

export const autoScalingGroupResource: ResourcePlugin = {
  create: (ctx, props) => {
    const settings = groupSettings(ctx, props);
    const data: GroupData = { ...settings, members: Array.from({ length: settings.desired }, () => heatSuffix()), lastScaledAt: null };
    ctx.resource.data = data as unknown as Record<string, unknown>;
    const name = `${ctx.stack.name}-${ctx.resource.name}-${heatSuffix()}`;
    const id = ctx.engine.createNestedStack(ctx.stack, ctx.resource, memberTemplate(data), {}, name);
    ctx.resource.nestedStackId = id;
    ctx.resource.physicalId = id;
  },
  update: (ctx, props) => {
    const settings = groupSettings(ctx, props);
    const data = groupData(ctx.resource);
    Object.assign(data, { minSize: settings.minSize, maxSize: settings.maxSize, cooldown: settings.cooldown, memberType: settings.memberType, memberProperties: settings.memberProperties });
    resizeGroup(ctx.engine, ctx.resource, settings.desired);
  },
  delete: (ctx) => {
    if (ctx.resource.nestedStackId) ctx.engine.deleteStack(ctx.resource.nestedStackId);
  },
  attributes: (ctx) => {
    const members = liveMembers(ctx);
    return {
      outputs_list: null, outputs: null,
      refs_map: Object.fromEntries(members.map((m) => [m.name, memberRef(ctx, m)])),
      current_size: members.length,
      refs: members.map((m) => memberRef(ctx, m)),
    };
  },
  attribute: (ctx, name, path) => {
    const members = liveMembers(ctx);
    switch (name) {
      case 'current_size':
        return members.length;
      case 'refs':
        return followPath(members.map((m) => memberRef(ctx, m)), path);
      case 'refs_map':
        return followPath(Object.fromEntries(members.map((m) => [m.name, memberRef(ctx, m)])), path);
      // outputs_list / outputs take the member output name as first path element
      case 'outputs_list':
        return followPath(members.map((m) => memberOutputs(ctx, m)[String(path[0])] ?? null), path.slice(1));
      case 'outputs':
        return followPath(Object.fromEntries(members.map((m) => [m.name, memberOutputs(ctx, m)[String(path[0])] ?? null])), path.slice(1));
      default:
        return null;
    }
  },
};
