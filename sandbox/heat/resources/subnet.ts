// OS::Neutron::Subnet: a CIDR on a network; ports allocate addresses from its pools.
import { CidrError } from '../../neutron/ipam';
import { createSubnet, deleteSubnet, findNetwork, NeutronLookupError } from '../../neutron/ops';
import { subnetView } from '../../neutron/views';
import { propertyError, requireString } from './property-error';
import type { ResourcePlugin } from './types';

export const subnetResource: ResourcePlugin = {
  create: (ctx, props) => {
    const networkRef = requireString(ctx, { network: props.network ?? props.network_id }, 'network');
    let networkId: string;
    try {
      networkId = findNetwork(ctx.cloud, networkRef).id;
    } catch (e) {
      if (e instanceof NeutronLookupError) throw propertyError(ctx, 'network', `Error validating value '${networkRef}': ${e.message}`);
      throw e;
    }
    const cidr = requireString(ctx, props, 'cidr');
    try {
      const subnet = createSubnet(ctx.cloud, {
        name: props.name ? String(props.name) : ctx.physicalName, networkId, projectId: ctx.stack.projectId, cidr,
        ipVersion: props.ip_version === undefined ? 4 : Number(props.ip_version),
        gatewayIp: props.gateway_ip === undefined ? undefined : props.gateway_ip === null ? null : String(props.gateway_ip),
        enableDhcp: props.enable_dhcp === undefined ? true : props.enable_dhcp === true || props.enable_dhcp === 'true',
        allocationPools: Array.isArray(props.allocation_pools) ? (props.allocation_pools as { start: string; end: string }[]) : undefined,
        dnsNameservers: Array.isArray(props.dns_nameservers) ? props.dns_nameservers.map(String) : undefined,
      });
      ctx.resource.physicalId = subnet.id;
    } catch (e) {
      if (e instanceof CidrError || e instanceof NeutronLookupError) throw propertyError(ctx, 'cidr', e.message);
      throw e;
    }
  },
  delete: (ctx) => deleteSubnet(ctx.cloud, ctx.resource.physicalId),
  attributes: (ctx) => {
    const subnet = ctx.cloud.subnets.find((s) => s.id === ctx.resource.physicalId);
    return subnet ? subnetView(subnet) : {};
  },
};
