// OS::Heat::ScalingPolicy: a signal changes the group's capacity (change_in_capacity,
// exact_capacity, percent_change_in_capacity) within min/max, unless in cooldown.
import { createHmac, randomBytes } from 'node:crypto';
import { ResourceFailure } from '../errors';
import { groupData, resizeGroup } from './autoscaling-group';
import type { PluginContext, ResourcePlugin } from './types';

export function signalSignature(secret: string, path: string): string {
  return createHmac('sha256', secret).update(path).digest('base64url');
}

function signalPath(ctx: PluginContext): string {
  const arn = encodeURIComponent(`arn:openstack:heat::${ctx.stack.projectId}:stacks`);
  return `/orchestration/v1/signal/${arn}/${ctx.stack.name}/${ctx.stack.id}/resources/${ctx.resource.name}`;
}

function newCapacity(type: string, current: number, adjustment: number, minStep: number): number {
  if (type === 'exact_capacity') return adjustment;
  if (type === 'percent_change_in_capacity') {
    const delta = (current * adjustment) / 100;
    let step = delta < 0 ? Math.ceil(delta) : Math.floor(delta);
    if (Math.abs(step) < minStep) step = delta < 0 ? -minStep : minStep;
    return current + step;
  }
  return current + adjustment;
}

export const scalingPolicyResource: ResourcePlugin = {
  create: (ctx, props) => {
    const type = String(props.adjustment_type ?? 'change_in_capacity');
    if (!['change_in_capacity', 'exact_capacity', 'percent_change_in_capacity'].includes(type)) {
      throw new ResourceFailure(`StackValidationFailed: resources.${ctx.resource.name}: Property error: ${ctx.resource.name}.Properties.adjustment_type: "${type}" is not an allowed value`);
    }
    if (props.auto_scaling_group_id === undefined || props.auto_scaling_group_id === null) {
      throw new ResourceFailure(`StackValidationFailed: resources.${ctx.resource.name}: Property error: ${ctx.resource.name}.Properties.auto_scaling_group_id: Property auto_scaling_group_id not assigned`);
    }
    ctx.resource.physicalId = randomBytes(16).toString('hex');
    ctx.resource.data.signalSecret = randomBytes(16).toString('hex');
    ctx.resource.data.accessKey = randomBytes(16).toString('hex');
    ctx.resource.data.lastScaledAt = null;
  },
  update: () => {},
  delete: () => {},
  attributes: (ctx) => {
    const path = signalPath(ctx);
    const secret = String(ctx.resource.data.signalSecret ?? '');
    return {
      signal_url: `${ctx.engine.stackUrl(ctx.stack)}/resources/${ctx.resource.name}/signal`,
      alarm_url: `${ctx.baseUrl}${path}?SignatureMethod=HmacSHA256&SignatureVersion=2&AWSAccessKeyId=${String(ctx.resource.data.accessKey ?? '')}&Signature=${signalSignature(secret, path)}`,
    };
  },
  signal: (ctx) => {
    const props = ctx.resource.properties;
    const groupRef = String(props.auto_scaling_group_id);
    const group = Object.values(ctx.stack.resources).find((r) => r.physicalId === groupRef || r.name === groupRef);
    if (!group || group.type !== 'OS::Heat::AutoScalingGroup' || group.status !== 'COMPLETE') return 'no-action';
    const nested = group.nestedStackId ? ctx.engine.stack(group.nestedStackId) : undefined;
    if (!nested || nested.status === 'IN_PROGRESS') return 'no-action';
    const now = Date.now();
    const cooldownMs = Number(props.cooldown ?? groupData(group).cooldown ?? 0) * 1000;
    const last = ctx.resource.data.lastScaledAt as number | null;
    if (last !== null && now - last < cooldownMs) return 'no-action';
    const data = groupData(group);
    const current = data.members.length;
    const target = Math.min(data.maxSize, Math.max(data.minSize,
      newCapacity(String(props.adjustment_type ?? 'change_in_capacity'), current, Number(props.scaling_adjustment ?? 0), Number(props.min_adjustment_step ?? 1))));
    if (target === current) return 'no-action';
    resizeGroup(ctx.engine, group, target);
    ctx.resource.data.lastScaledAt = now;
    return 'done';
  },
};
