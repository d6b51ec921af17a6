// tosca.policies.Scaling (tosca.policies.tacker.Scaling) -> <P>_group OS::Heat::AutoScalingGroup whose
// member template is the nested <P>_res.yaml, plus <P>_scale_out / <P>_scale_in OS::Heat::ScalingPolicy.
// Moving the other resources into the nested template happens when the HOT is assembled.
import { newResource } from '../hot';
import type { PolicyTranslator } from './translator';

export const nestedTemplateName = (policyName: string) => `${policyName}_res.yaml`;

export const scaling: PolicyTranslator = {
  toscaType: 'tosca.policies.Scaling',
  description: 'Auto-scaling group of the targets',
  translate(policy, ctx) {
    const p = policy.properties;
    const v = (k: string) => ctx.value(p[k], null, [...policy.path, 'properties', k]);
    const group = newResource(`${policy.name}_group`, 'OS::Heat::AutoScalingGroup', {
      min_size: v('min_instances'),
      max_size: v('max_instances'),
      desired_capacity: v('default_instances'),
      cooldown: v('cooldown'),
      resource: { type: nestedTemplateName(policy.name) },
    });
    const increment = v('increment');
    const adjust = (sign: number) => ({
      adjustment_type: 'change_in_capacity',
      auto_scaling_group_id: { get_resource: group.name },
      cooldown: v('cooldown'),
      scaling_adjustment: typeof increment === 'number' ? sign * increment : increment,
    });
    const out = newResource(`${policy.name}_scale_out`, 'OS::Heat::ScalingPolicy', adjust(1));
    const inn = newResource(`${policy.name}_scale_in`, 'OS::Heat::ScalingPolicy', adjust(-1));
    for (const r of [group, out, inn]) {
      r.policy = true;
      ctx.add(r);
    }
  },
};
