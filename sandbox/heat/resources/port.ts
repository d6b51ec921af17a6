// OS::Neutron::Port: a port with an address allocated from the network's subnet (or the fixed_ips given).
import { createPort, deletePort, findNetwork, NeutronLookupError } from '../../neutron/ops';
import { portView } from '../../neutron/views';
import { propertyError } from './property-error';
import type { ResourcePlugin } from './types';

export const portResource: ResourcePlugin = {
  create: (ctx, props) => {
    const networkRef = props.network ?? props.network_id;
    if (!networkRef) throw propertyError(ctx, 'network', 'Property network not assigned');
    let networkId: string;
    try {
      networkId = findNetwork(ctx.cloud, String(networkRef)).id;
    } catch (e) {
      if (e instanceof NeutronLookupError) throw propertyError(ctx, 'network', `Error validating value '${String(networkRef)}': ${e.message}`);
      throw e;
    }
    const fixedIps = Array.isArray(props.fixed_ips)
      ? props.fixed_ips.map((f) => {
          const entry = (f ?? {}) as Record<string, unknown>;
          const subnet = entry.subnet ?? entry.subnet_id;
          return { subnet: subnet ? String(subnet) : undefined, ip_address: entry.ip_address ? String(entry.ip_address) : undefined };
        })
      : undefined;
    try {
      const port = createPort(ctx.cloud, {
        name: props.name ? String(props.name) : ctx.physicalName, networkId, projectId: ctx.stack.projectId, fixedIps,
        macAddress: props.mac_address ? String(props.mac_address) : undefined,
        portSecurityEnabled: props.port_security_enabled === undefined ? true : props.port_security_enabled === true || props.port_security_enabled === 'true',
        securityGroups: Array.isArray(props.security_groups) ? props.security_groups.map(String) : undefined,
      });
      ctx.resource.physicalId = port.id;
    } catch (e) {
      if (e instanceof NeutronLookupError) throw propertyError(ctx, 'fixed_ips', e.message);
      throw e;
    }
  },
  delete: (ctx) => deletePort(ctx.cloud, ctx.resource.physicalId),
  attributes: (ctx) => {
    const port = ctx.cloud.ports.find((p) => p.id === ctx.resource.physicalId);
    return port ? portView(port) : {};
  },
};
