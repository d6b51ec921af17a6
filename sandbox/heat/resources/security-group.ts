// OS::Neutron::SecurityGroup: tracked only (the sandbox does not filter traffic).
import { uuid } from '../../util';
import type { ResourcePlugin } from './types';

export const securityGroupResource: ResourcePlugin = {
  create: (ctx, props) => {
    ctx.resource.physicalId = uuid();
    ctx.resource.data.rules = props.rules ?? [];
  },
  update: (ctx, props) => {
    ctx.resource.data.rules = props.rules ?? [];
  },
  delete: () => {},
  attributes: (ctx) => ({ id: ctx.resource.physicalId, name: ctx.physicalName, security_group_rules: ctx.resource.data.rules ?? [] }),
};
