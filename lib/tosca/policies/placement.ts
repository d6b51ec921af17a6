// tosca.policies.Placement (tosca.policies.tacker.Placement) -> OS::Nova::ServerGroup, referenced by the
// targets' scheduler_hints. Policy: affinity (default) or anti-affinity; strict: false -> soft-*.
import { newResource } from '../hot';
import type { PolicyTranslator } from './translator';

export const placement: PolicyTranslator = {
  toscaType: 'tosca.policies.Placement',
  description: 'Server group (affinity / anti-affinity)',
  translate(policy, ctx) {
    const p = policy.properties;
    let rule = typeof p.policy === 'string' ? p.policy : 'affinity';
    if (p.strict === false) rule = `soft-${rule}`;
    const group = newResource(policy.name, 'OS::Nova::ServerGroup', { name: policy.name, policies: [rule] });
    group.policy = true;
    ctx.add(group);
    for (const target of policy.targets) {
      const server = ctx.byNode.get(target);
      if (server) server.properties.scheduler_hints = { group: { get_resource: group.name } };
    }
  },
};
