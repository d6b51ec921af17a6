// OS::Neutron::FloatingIP: an address from the external network's subnet, optionally associated
// with a port (the server then shows it as a "floating" address).
import { findNetwork, NeutronLookupError } from '../../neutron/ops';
import { nextFreeIp } from '../../neutron/ipam';
import { uuid } from '../../util';
import { propertyError } from './property-error';
import type { ResourcePlugin } from './types';

export const floatingIpResource: ResourcePlugin = {
  create: (ctx, props) => {
    const networkRef = String(props.floating_network ?? props.floating_network_id ?? 'public');
    let networkId: string;
    try {
      networkId = findNetwork(ctx.cloud, networkRef).id;
    } catch (e) {
      if (e instanceof NeutronLookupError) throw propertyError(ctx, 'floating_network', `Error validating value '${networkRef}': ${e.message}`);
      throw e;
    }
    const subnet = ctx.cloud.subnets.find((s) => s.networkId === networkId);
    if (!subnet) throw propertyError(ctx, 'floating_network', `Network ${networkRef} has no subnet to allocate floating IPs from`);
    const used = new Set([
      ...ctx.cloud.floatingIps.map((f) => f.address),
      ...ctx.cloud.ports.flatMap((p) => p.fixedIps.filter((f) => f.subnet_id === subnet.id).map((f) => f.ip_address)),
    ]);
    const address = props.floating_ip_address ? String(props.floating_ip_address) : nextFreeIp(subnet.allocationPools, used);
    if (!address || used.has(address)) throw propertyError(ctx, 'floating_ip_address', `No more IP addresses available on network ${networkId}.`);
    const portId = props.port_id ? String(props.port_id) : null;
    const port = portId ? ctx.cloud.ports.find((p) => p.id === portId) : undefined;
    if (portId && !port) throw propertyError(ctx, 'port_id', `Port ${portId} could not be found.`);
    const fip = { id: uuid(), address, floatingNetworkId: networkId, portId, fixedIp: port?.fixedIps[0]?.ip_address ?? null, projectId: ctx.stack.projectId, createdAt: Date.now() };
    ctx.cloud.floatingIps.push(fip);
    ctx.resource.physicalId = fip.id;
  },
  delete: (ctx) => {
    ctx.cloud.floatingIps = ctx.cloud.floatingIps.filter((f) => f.id !== ctx.resource.physicalId);
  },
  attributes: (ctx) => {
    const f = ctx.cloud.floatingIps.find((x) => x.id === ctx.resource.physicalId);
    return f ? { floating_ip_address: f.address, floating_network_id: f.floatingNetworkId, port_id: f.portId, fixed_ip_address: f.fixedIp, router_id: null, tenant_id: f.projectId } : {};
  },
};
