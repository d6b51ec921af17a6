// Behaviour beyond the conformance pairs: options (alarm URLs, get_file contents), the two modes,
// Tacker's flavor handling under scaling, and the inputs/param handling details.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { translate } from '@/lib/tosca';
import { read, TACKER_DIR } from './shared';

type Resources = Record<string, { type: string; properties: Record<string, unknown>; depends_on?: string[] }>;
const D = (rel: string) => read(path.join(TACKER_DIR, rel));
const resources = (r: ReturnType<typeof translate>) => r.template!.resources as Resources;

describe('Tacker pipeline details', () => {
  it('alarm URLs become alarm_actions of the matching alarm', () => {
    const r = translate(D('unit-openstack-data/tosca_alarm_respawn.yaml'), { alarmUrls: { vdu_hcpu_usage_respawning: 'http://tacker:9890/v1.0/vnfs/x/vdu_hcpu_usage_respawning/SP1/abc' } });
    expect(resources(r).vdu_hcpu_usage_respawning.properties.alarm_actions).toEqual(['http://tacker:9890/v1.0/vnfs/x/vdu_hcpu_usage_respawning/SP1/abc']);
  });

  it('with scaling, the nfv_compute flavor goes to the nested template and, as in Tacker, also to the main one', () => {
    const src = D('unit-openstack-data/tosca_scale.yaml').replace('        flavor: m1.tiny\n', '').replace('      properties:\n        image: cirros', '      capabilities:\n        nfv_compute:\n          properties:\n            num_cpus: 2\n            mem_size: 2 GB\n            disk_size: 20 GB\n      properties:\n        image: cirros');
    const r = translate(src);
    expect(r.errors).toEqual([]);
    const nested = r.files['SP1_res.yaml'].resources as Resources;
    expect(nested.VDU1_flavor).toEqual({ type: 'OS::Nova::Flavor', properties: { vcpus: 2, ram: 2048, disk: 20 } });
    expect(nested.VDU1.properties.flavor).toEqual({ get_resource: 'VDU1_flavor' });
    expect(resources(r).VDU1_flavor).toEqual(nested.VDU1_flavor);
    expect(resources(r).VDU1).toBeUndefined();
  });

  it('the same VNFD in heat-translator mode keeps Tacker-only CP properties and adds no mgmt outputs', () => {
    const tacker = translate(D('unit-openstack-data/test_tosca_openwrt.yaml'));
    const plain = translate(D('unit-openstack-data/test_tosca_openwrt.yaml'), { mode: 'heat-translator' });
    expect(resources(tacker).CP1.properties).toEqual({ port_security_enabled: false, network: 'existing_network_1' });
    expect(resources(plain).CP1.properties).toEqual({ management: true, anti_spoofing_protection: false, network: 'existing_network_1' });
    expect(plain.template!.outputs).toEqual({});
    expect(plain.monitoringPolicy).toBeNull();
  });

  it('a VNFC deployment runs on its VDU and, in the Tacker pipeline, waits for it', () => {
    const r = translate(D('samples-vnfd/test_tosca_vnfc.yaml'), { files: { 'install_vnfc.sh': 'echo hi' } });
    const deploy = resources(r).firewall_vnfc_create_deploy;
    expect(deploy).toEqual({ type: 'OS::Heat::SoftwareDeployment', properties: { config: { get_resource: 'firewall_vnfc_create_config' }, server: { get_resource: 'VDU1' } }, depends_on: ['VDU1'] });
  });

  it('sriov / vnic connection points become binding:vnic_type direct / normal', () => {
    const sriov = translate(D('unit-openstack-data/tosca_sriov.yaml'));
    const vnic = translate(D('unit-openstack-data/tosca_vnic_port.yaml'));
    expect(Object.values(resources(sriov)).some((r) => r.properties['binding:vnic_type'] === 'direct')).toBe(true);
    expect(Object.values(resources(vnic)).some((r) => r.properties['binding:vnic_type'] === 'normal')).toBe(true);
  });

  it('invalid nfv_compute details are reported at the capability property', () => {
    const src = D('unit-openstack-data/tosca_flavor_huge_pages.yaml').replace(/mem_page_size: \S+/, 'mem_page_size: enormous');
    const r = translate(src);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ code: 'invalid_value', path: 'topology_template.node_templates.VDU1.capabilities.nfv_compute.properties.mem_page_size' });
    expect(r.errors[0].line).toBe(src.split('\n').findIndex((l) => l.includes('mem_page_size: enormous')) + 1);
  });

  it('an image artifact without a file is an error naming the artifact', () => {
    const src = D('unit-openstack-data/test_tosca_image.yaml').replace('          file: http://URL/vRouterVNF.qcow2\n', '');
    const r = translate(src);
    expect(r.errors[0]).toMatchObject({ code: 'missing_property', path: 'topology_template.node_templates.VDU1.artifacts.vm_image' });
    expect(r.errors[0].message).toContain('vm_image');
  });
});

describe('inputs and functions', () => {
  it('param values are coerced to the input type (integer) and constraints become HOT constraints', () => {
    const src = `tosca_definitions_version: tosca_simple_yaml_1_0
topology_template:
  inputs:
    cpus:
      type: integer
      constraints:
        - in_range: [1, 8]
    name:
      type: string
      constraints:
        - min_length: 2
        - pattern: "[a-z]+"
  node_templates:
    server:
      type: tosca.nodes.Compute
      capabilities:
        host:
          properties:
            num_cpus: { get_input: cpus }
            mem_size: 2 GB
      properties: {}
  outputs:
    ip:
      value: { concat: ['http://', { get_attribute: [server, private_address] }, ':', { get_input: name }] }
`;
    const r = translate(src, { paramValues: { cpus: '2', name: 'web' } });
    expect(r.errors).toEqual([]);
    expect(r.template!.parameters).toEqual({
      cpus: { type: 'number', default: 2, constraints: [{ range: { min: 1, max: 8 } }] },
      name: { type: 'string', default: 'web', constraints: [{ length: { min: 2 } }, { allowed_pattern: '[a-z]+' }] },
    });
    expect(resources(r).server.properties.flavor).toBe('m1.medium');
    expect((r.template!.outputs as Record<string, unknown>).ip).toEqual({
      value: { str_replace: { template: '$s0$s1$s2$s3', params: { $s0: 'http://', $s1: { get_attr: ['server', 'networks', 'private', 0] }, $s2: ':', $s3: { get_param: 'name' } } } },
    });
    const bad = translate(src, { paramValues: { cpus: 9, name: 'web' } });
    expect(bad.errors[0]).toMatchObject({ code: 'bad_param_values', path: 'param_values.cpus' });
    const badPattern = translate(src, { paramValues: { cpus: 1, name: 'Web1' } });
    expect(badPattern.errors[0]).toMatchObject({ code: 'bad_param_values', path: 'param_values.name' });
  });

  it('a key_name param without an input becomes a parameter used by the servers', () => {
    const r = translate(D('unit-openstack-data/test_tosca_openwrt.yaml'), { paramValues: 'key_name: mykey' });
    expect((r.template!.parameters as Record<string, unknown>).key_name).toEqual({ type: 'string', default: 'mykey' });
    expect(resources(r).VDU1.properties.key_name).toEqual({ get_param: 'key_name' });
  });
});
