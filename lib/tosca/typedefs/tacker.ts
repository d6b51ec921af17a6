// Tacker's VNFD types (tacker/tosca/lib/tacker_defs.yaml + tacker_nfv_defs.yaml, Pike). A VNFD's
// `imports: [tacker_defs.yaml, tacker_nfv_defs.yaml]` resolves to these built-ins.
import type { TypeTables } from './schema';

const opt = (type: string, description: string, extra: object = {}) => ({ type, required: false, description, ...extra });
const req = (type: string, description: string) => ({ type, required: true, description });

export const TACKER: TypeTables = {
  node_types: {
    'tosca.nodes.nfv.VDU.Tacker': {
      derived_from: 'tosca.nodes.nfv.VDU',
      description: 'Tacker VDU: an OS::Nova::Server. Flavor comes from `flavor` or the nfv_compute capability, image from `image` or an image artifact.',
      capabilities: { nfv_compute: { type: 'tosca.datatypes.compute_properties', description: 'Flavor to create (num_cpus, mem_size, disk_size, huge pages, NUMA, CPU pinning).' } },
      properties: {
        name: opt('string', 'Server name.'),
        image: opt('string', 'Glance image name or id.'),
        flavor: opt('string', 'Nova flavor name; when set, nfv_compute is ignored.'),
        availability_zone: opt('string', 'Nova availability zone.'),
        metadata: opt('map', 'Server metadata; `metering.vnf` is matched by alarm triggers.'),
        config_drive: opt('boolean', 'Attach a config drive.', { default: false }),
        placement_policy: opt('string', 'Tacker placement policy (not passed to Heat).'),
        monitoring_policy: opt('map', 'Tacker monitoring policy (name, actions, parameters); extracted, not passed to Heat.'),
        config: opt('string', 'Configuration pushed by the management driver (not passed to Heat).'),
        mgmt_driver: opt('string', 'Management driver (not passed to Heat).', { default: 'noop' }),
        service_type: opt('string', 'Service type (not passed to Heat).'),
        user_data: opt('string', 'Cloud-init user data.'),
        user_data_format: opt('string', 'RAW or SOFTWARE_CONFIG (default).'),
        key_name: opt('string', 'Nova key pair.'),
      },
    },
    'tosca.nodes.nfv.CP.Tacker': {
      derived_from: 'tosca.nodes.nfv.CP',
      description: 'Tacker connection point: an OS::Neutron::Port on the virtualLink network, attached to the virtualBinding VDU.',
      properties: {
        mac_address: opt('string', 'Fixed MAC address.'),
        name: opt('string', 'Port name.'),
        management: opt('boolean', 'Management port: its IP becomes the `mgmt_ip-<VDU>` output.'),
        anti_spoofing_protection: opt('boolean', 'Becomes port_security_enabled.'),
        allowed_address_pairs: opt('list', 'Virtual IPs (ip_address, mac_address) allowed on the port.'),
        security_groups: opt('list', 'Security groups of the port.'),
        type: opt('string', 'sriov (vnic_type direct) or vnic (vnic_type normal).', { constraints: [{ valid_values: ['sriov', 'vnic'] }] }),
      },
    },
    'tosca.nodes.nfv.FP.Tacker': {
      derived_from: 'tosca.nodes.Root',
      description: 'VNFFG forwarding path (NFVO only).',
      properties: { id: opt('integer', 'Path id.'), policy: req('map', 'Traffic classification policy.'), path: req('list', 'Forwarders.') },
    },
    'tosca.nodes.nfv.VNFC.Tacker': {
      derived_from: 'tosca.nodes.SoftwareComponent',
      description: 'Software installed on a VDU by a SoftwareConfig script.',
      requirements: [{ host: { node: 'tosca.nodes.nfv.VDU.Tacker', relationship: 'tosca.relationships.HostedOn' } }],
    },
    'tosca.nodes.BlockStorage.Tacker': {
      derived_from: 'tosca.nodes.BlockStorage',
      description: 'Tacker block storage: an OS::Cinder::Volume.',
      properties: { image: opt('string', 'Image to create the volume from.') },
    },
    'tosca.nodes.BlockStorageAttachment': {
      derived_from: 'tosca.nodes.Root',
      description: 'Attaches a BlockStorage.Tacker volume (virtualAttachment) to a VDU (virtualBinding).',
      properties: { location: req('string', 'Mount point, e.g. /dev/vdb.') },
      requirements: [{ virtualBinding: { node: 'tosca.nodes.nfv.VDU.Tacker' } }, { virtualAttachment: { node: 'tosca.nodes.BlockStorage.Tacker' } }],
    },
  },
  capability_types: {},
  relationship_types: {},
  policy_types: {
    'tosca.policies.tacker.Placement': { derived_from: 'tosca.policies.Placement' },
    'tosca.policies.tacker.Failure': { derived_from: 'tosca.policies.Root' },
    'tosca.policies.tacker.Failure.Respawn': { derived_from: 'tosca.policies.tacker.Failure' },
    'tosca.policies.tacker.Failure.Terminate': { derived_from: 'tosca.policies.tacker.Failure' },
    'tosca.policies.tacker.Failure.Log': { derived_from: 'tosca.policies.tacker.Failure' },
    'tosca.policies.tacker.Monitoring': { derived_from: 'tosca.policies.Root' },
    'tosca.policies.tacker.Monitoring.NoOp': { derived_from: 'tosca.policies.tacker.Monitoring' },
    'tosca.policies.tacker.Monitoring.Ping': { derived_from: 'tosca.policies.tacker.Monitoring' },
    'tosca.policies.tacker.Monitoring.HttpPing': { derived_from: 'tosca.policies.tacker.Monitoring.Ping' },
    'tosca.policies.tacker.Alarming': {
      derived_from: 'tosca.policies.Monitoring',
      description: 'Ceilometer/Aodh alarms; each trigger becomes an OS::Aodh::Alarm.',
    },
    'tosca.policies.tacker.Scaling': {
      derived_from: 'tosca.policies.Scaling',
      description: 'Scales the targets: <P>_group AutoScalingGroup, <P>_scale_out / <P>_scale_in policies, nested <P>_res.yaml.',
      properties: {
        increment: req('integer', 'Number of nodes to add or remove during the scale out/in.'),
        targets: opt('list', 'List of scaling nodes (may also be given as the policy `targets`).'),
        min_instances: req('integer', 'Minimum number of instances to scale in.'),
        max_instances: req('integer', 'Maximum number of instances to scale out.'),
        default_instances: req('integer', 'Initial number of instances.'),
        cooldown: opt('integer', 'Wait time (seconds) between consecutive scaling operations.', { default: 120 }),
      },
    },
  },
  data_types: {
    'tosca.datatypes.compute_properties': {
      derived_from: 'tosca.datatypes.Root',
      properties: {
        num_cpus: opt('integer', 'Number of vCPUs (default 1).'),
        mem_size: opt('string', 'Memory, e.g. "512 MB" (MB if no unit; default 512 MB).'),
        disk_size: opt('string', 'Root disk, e.g. "10 GB" (MB if no unit; default 1 GB).'),
        mem_page_size: opt('string', 'Huge pages: small, large, any or a size in MB (hw:mem_page_size).'),
        numa_node_count: opt('integer', 'Number of NUMA nodes (hw:numa_nodes); wins over numa_nodes.', { constraints: [{ greater_or_equal: 2 }] }),
        numa_nodes: opt('map', 'NUMA nodes: {name: {id, vcpus: [..], mem_size}} -> hw:numa_cpus.N / hw:numa_mem.N.'),
        cpu_allocation: opt('map', 'cpu_affinity, thread_allocation, socket_count, core_count, thread_count -> hw:cpu_*.'),
      },
    },
  },
};

/** Files Tacker injects as imports; a VNFD importing them needs nothing else. */
export const BUILTIN_IMPORTS = new Set(['tacker_defs.yaml', 'tacker_nfv_defs.yaml']);
