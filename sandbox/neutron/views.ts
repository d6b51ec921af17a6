// Neutron v2.0 JSON shapes of networks, subnets and ports.
import type { CloudState, Network, Port, Subnet } from '../cloud/model';
import { isoSeconds } from '../util';

export function networkView(cloud: CloudState, n: Network) {
  return {
    id: n.id, name: n.name, tenant_id: n.projectId, project_id: n.projectId, admin_state_up: n.adminStateUp, mtu: 1450,
    status: 'ACTIVE', subnets: cloud.subnets.filter((s) => s.networkId === n.id).map((s) => s.id), shared: n.shared,
    availability_zone_hints: [], availability_zones: ['nova'], ipv4_address_scope: null, ipv6_address_scope: null,
    'router:external': n.external, description: '', port_security_enabled: true, qos_policy_id: null, tags: [],
    created_at: isoSeconds(n.createdAt), updated_at: isoSeconds(n.updatedAt), revision_number: 1,
    'provider:network_type': 'vxlan', 'provider:physical_network': null, 'provider:segmentation_id': 1000 + cloud.networks.indexOf(n),
  };
}

export function subnetView(s: Subnet) {
  return {
    id: s.id, name: s.name, tenant_id: s.projectId, project_id: s.projectId, description: '', tags: [],
    created_at: isoSeconds(s.createdAt), updated_at: isoSeconds(s.updatedAt), revision_number: 1, ip_version: s.ipVersion,
    gateway_ip: s.gatewayIp, enable_dhcp: s.enableDhcp, allocation_pools: s.allocationPools, dns_nameservers: s.dnsNameservers,
    host_routes: [], ipv6_ra_mode: null, ipv6_address_mode: null, subnetpool_id: null, segment_id: null, service_types: [],
    cidr: s.cidr, network_id: s.networkId,
  };
}

export function portView(p: Port) {
  const bound = p.deviceOwner.startsWith('compute:');
  return {
    id: p.id, name: p.name, tenant_id: p.projectId, project_id: p.projectId, description: '', tags: [],
    created_at: isoSeconds(p.createdAt), updated_at: isoSeconds(p.updatedAt), revision_number: p.revision,
    admin_state_up: p.adminStateUp, status: bound ? 'ACTIVE' : 'DOWN', device_id: p.deviceId, device_owner: p.deviceOwner,
    mac_address: p.macAddress, port_security_enabled: p.portSecurityEnabled, allowed_address_pairs: [], extra_dhcp_opts: [],
    ip_allocation: 'immediate', 'binding:host_id': bound ? 'sandbox-compute-1' : '', 'binding:profile': {}, 'binding:vnic_type': 'normal',
    'binding:vif_type': bound ? 'ovs' : 'unbound', 'binding:vif_details': bound ? { port_filter: true, connectivity: 'l2', bridge_name: 'br-int', datapath_type: 'system', ovs_hybrid_plug: false } : {},
    qos_policy_id: null, qos_network_policy_id: null, propagate_uplink_status: false, resource_request: null,
    network_id: p.networkId, fixed_ips: p.fixedIps, security_groups: p.securityGroups,
  };
}
