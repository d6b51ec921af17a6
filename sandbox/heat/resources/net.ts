// OS::Neutron::Net: a tenant network.
import { createNetwork, deleteNetwork } from '../../neutron/ops';
import { networkView } from '../../neutron/views';
import type { ResourcePlugin } from './types';

export const netResource: ResourcePlugin = {
  create: (ctx, props) => {
    const network = createNetwork(ctx.cloud, {
      name: props.name ? String(props.name) : ctx.physicalName, projectId: ctx.stack.projectId,
      shared: props.shared === true, adminStateUp: props.admin_state_up !== false,
    });
    ctx.resource.physicalId = network.id;
  },
  update: (ctx, props) => {
    const network = ctx.cloud.networks.find((n) => n.id === ctx.resource.physicalId);
    if (network && props.name) network.name = String(props.name);
  },
  delete: (ctx) => deleteNetwork(ctx.cloud, ctx.resource.physicalId),
  attributes: (ctx) => {
    const network = ctx.cloud.networks.find((n) => n.id === ctx.resource.physicalId);
    return network ? networkView(ctx.cloud, network) : {};
  },
};
