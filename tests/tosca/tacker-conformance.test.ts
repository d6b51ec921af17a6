// Replays shared/conformance/tacker-pike/pairs.json (Tacker Pike's own unit tests) as PAIRS.md
// describes: whole-dict equality of the parsed HOT (and nested files), the monitoring policy as the
// exact JSON string Tacker stores, scaling_group_names, and the MetadataNotMatched failure.
//
// Mapped differently (our design has no Heat client or VNF DB row):
//  - infra_create: `stack_name` / the returned stack id come from Tacker's Heat client mock, not from
//    the translator; we compare the `template` and `files` fields Tacker would send to Heat, and the
//    vnf attributes (heat_template, nested files, monitoring_policy string, scaling_group_names).
//  - add_resources_tpl / convert_unsupported_res_prop are exported as addResourcesTpl /
//    convertUnsupportedResProp and replayed on the same input HOT files.
//  - get_flavor_dict, get_mgmt_driver, get_mgmt_ports, get_vdu_monitoring, findvdus -> inspectVnfd().
//  - get_block_storage_details: BlockStorage.Tacker / BlockStorageAttachment are translated by their own
//    modules; we check the resulting OS::Cinder::Volume / VolumeAttachment properties equal the details.
//  - post_process_template: checked on the translated HOT (no Tacker-only properties reach Heat).
//  - updateimports (absolute paths of Tacker's lib files) does not apply: tacker_defs.yaml and
//    tacker_nfv_defs.yaml are built in; we check a template importing them needs no files.
import fs from 'node:fs';
import path from 'node:path';
import jsYaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { addResourcesTpl, applySubstitutionMappings, convertUnsupportedResProp, inspectVnfd, translate } from '@/lib/tosca';
import { loadYaml, plain, read, TACKER_DIR } from './shared';

interface Pair {
  test: string;
  kind: string;
  input_tosca?: string;
  input_hot?: string;
  param_values?: string;
  res_tpl?: Record<string, Record<string, Record<string, unknown>>>;
  unsupported?: Record<string, Record<string, string>>;
  flavor_extra_input?: Record<string, string> | null;
  params?: Record<string, unknown>;
  expected: Record<string, unknown> & {
    stack_fields?: { template: string; files?: Record<string, string> };
    vnf_attributes?: Record<string, unknown>;
    template?: string;
  };
}

const pairs = (JSON.parse(read(path.join(TACKER_DIR, 'pairs.json'))) as { pairs: Pair[] }).pairs;
const file = (rel: string) => path.join(TACKER_DIR, rel);
const name = (p: Pair) => p.test.split('::').pop()!;

describe('Tacker Pike conformance: infra driver create (test_openstack.py)', () => {
  const infra = pairs.filter((p) => p.kind === 'infra_create');
  it('has the 24 successful create cases', () => expect(infra).toHaveLength(24));

  for (const pair of infra) {
    it(name(pair), () => {
      const result = translate(read(file(pair.input_tosca!)), { paramValues: pair.param_values });
      expect(result.errors).toEqual([]);
      const fields = pair.expected.stack_fields!;
      expect(plain(result.template)).toEqual(loadYaml(file(fields.template)));
      const expectedFiles = Object.fromEntries(Object.entries(fields.files ?? {}).map(([k, v]) => [k, loadYaml(file(v))]));
      expect(plain(result.files)).toEqual(expectedFiles);
      const attrs = pair.expected.vnf_attributes!;
      expect(plain(result.template)).toEqual(loadYaml(file(attrs.heat_template as string)));
      // monitoring_policy is compared as the exact string Tacker stores; absent means none.
      expect(result.monitoringPolicyJson).toBe((attrs.monitoring_policy as string | undefined) ?? null);
      expect(result.scalingGroupNames).toEqual((attrs.scaling_group_names as Record<string, string> | undefined) ?? null);
      for (const [k, v] of Object.entries(attrs)) if (k.endsWith('_res.yaml')) expect(plain(result.files[k])).toEqual(loadYaml(file(v as string)));
    });
  }

  const raising = pairs.filter((p) => p.kind === 'infra_create_raises');
  it('has the MetadataNotMatched case', () => expect(raising).toHaveLength(1));
  for (const pair of raising) {
    it(name(pair), () => {
      const result = translate(read(file(pair.input_tosca!)));
      expect(result.template).toBeNull();
      expect(result.errors).toHaveLength(1);
      const [err] = result.errors;
      expect(err.code).toBe('metadata_not_matched');
      expect(err.message).toContain('Metadata for alarm policy is not matched');
      expect(err.path).toBe('topology_template.policies.0.vdu1_cpu_usage_monitoring_policy.triggers.vdu_hcpu_usage_respawning.metadata');
      expect(err.line).toBeGreaterThan(1);
      expect(err.column).toBeGreaterThan(1);
    });
  }
});

describe('Tacker Pike conformance: tosca utils (test_utils.py)', () => {
  const byKind = (kind: string) => pairs.filter((p) => p.kind === kind);

  for (const pair of byKind('translate+post_process')) {
    it(name(pair), () => {
      const result = translate(read(file(pair.input_tosca!)), { paramValues: {} });
      expect(plain(result.template)).toEqual(loadYaml(file(pair.expected.template!)));
    });
  }
  for (const pair of byKind('add_resources_tpl')) {
    it(name(pair), () => {
      const hot = loadYaml(file(pair.input_hot!));
      expect(addResourcesTpl(hot, pair.res_tpl!)).toEqual(loadYaml(file(pair.expected.template!)));
    });
  }
  for (const pair of byKind('convert_unsupported_res_prop')) {
    it(name(pair), () => {
      const hot = loadYaml(file(pair.input_hot!));
      expect(convertUnsupportedResProp(hot, pair.unsupported!)).toEqual(loadYaml(file(pair.expected.template!)));
      // Same rule applied by the pipeline when asked to.
      const viaTranslate = translate(read(file('unit-openstack-data/test_tosca_openwrt.yaml')), { unsupportedProperties: pair.unsupported });
      expect(plain(viaTranslate.template)).toEqual(loadYaml(file(pair.expected.template!)));
    });
  }
  for (const pair of byKind('get_flavor_dict')) {
    it(name(pair), () => {
      const facts = inspectVnfd(read(file(pair.input_tosca!)), { flavorExtraSpecs: pair.flavor_extra_input ?? undefined });
      expect(facts.errors).toEqual([]);
      expect(facts.flavors).toEqual(pair.expected);
    });
  }
  for (const pair of byKind('get_block_storage_details')) {
    it(name(pair), () => {
      const result = translate(read(file(pair.input_tosca!)));
      expect(result.errors).toEqual([]);
      const resources = result.template!.resources as Record<string, { type: string; properties: unknown }>;
      const expected = pair.expected as { volumes: Record<string, unknown>; volume_attachments: Record<string, unknown> };
      for (const [vol, props] of Object.entries(expected.volumes)) expect(resources[vol]).toEqual({ type: 'OS::Cinder::Volume', properties: props });
      for (const [att, props] of Object.entries(expected.volume_attachments)) expect(resources[att]).toEqual({ type: 'OS::Cinder::VolumeAttachment', properties: props });
    });
  }
  for (const pair of byKind('check_for_substitution_mappings')) {
    it(name(pair), () => {
      const params = structuredClone(pair.params!);
      const tpl = loadYaml(file(pair.input_tosca!));
      const wired = applySubstitutionMappings(tpl, params);
      expect('substitution_mappings' in params).toBe(false);
      const nodes = (wired.topology_template as { node_templates: Record<string, { requirements?: unknown[] }> }).node_templates;
      expect(nodes.CP11.requirements).toContainEqual({ virtualLink: { node: 'VL1' } });
      expect(nodes.CP14.requirements).toContainEqual({ virtualLink: { node: 'VL2' } });
      // And the whole pipeline accepts the member VNFD with these parameters.
      const result = translate(read(file(pair.input_tosca!)), { paramValues: structuredClone(pair.params!) });
      expect(result.errors).toEqual([]);
      expect((result.template!.resources as Record<string, { properties: { network?: unknown } }>).CP11.properties.network).toBe('net_mgmt');
    });
  }
  const openwrt = () => inspectVnfd(read(file('unit-openstack-data/test_tosca_openwrt.yaml')));
  for (const pair of byKind('get_mgmt_driver')) it(name(pair), () => expect(openwrt().mgmtDriver).toBe(pair.expected));
  for (const pair of byKind('get_vdu_monitoring')) it(name(pair), () => expect(openwrt().monitoringPolicy).toEqual(pair.expected));
  for (const pair of byKind('get_mgmt_ports')) it(name(pair), () => expect(openwrt().managementPorts).toEqual(pair.expected));
  for (const pair of byKind('findvdus')) it(name(pair), () => expect(openwrt().vdus).toHaveLength((pair.expected as { count: number }).count));

  for (const pair of byKind('updateimports')) {
    it(`${name(pair)} (mapped: Tacker's lib imports are built in)`, () => {
      const src = read(file(pair.input_tosca!)).replace('topology_template:', 'imports:\n  - tacker_defs.yaml\n  - tacker_nfv_defs.yaml\n\ntopology_template:');
      const result = translate(src);
      expect(result.errors).toEqual([]);
      // A non-built-in import without the file is reported by name.
      const missing = translate(src.replace('tacker_nfv_defs.yaml', 'vendor_defs.yaml'));
      expect(missing.errors[0]).toMatchObject({ code: 'missing_file', path: 'imports.1' });
      expect(missing.errors[0].message).toContain('vendor_defs.yaml');
    });
  }
  for (const pair of byKind('post_process_template')) {
    it(name(pair), () => {
      const result = translate(read(file(pair.input_tosca!)));
      const resources = result.template!.resources as Record<string, { type: string; properties: Record<string, unknown> }>;
      for (const res of Object.values(resources)) {
        for (const gone of ['mgmt_driver', 'config', 'service_type', 'placement_policy', 'monitoring_policy', 'failure_policy', 'management', 'anti_spoofing_protection']) {
          expect(res.properties).not.toHaveProperty(gone);
        }
      }
      expect(resources.CP1.properties.port_security_enabled).toBe(false);
    });
  }

  it('covers every utils case in pairs.json', () => {
    const kinds = new Set(['translate+post_process', 'add_resources_tpl', 'convert_unsupported_res_prop', 'get_flavor_dict', 'get_block_storage_details', 'check_for_substitution_mappings', 'get_mgmt_driver', 'get_vdu_monitoring', 'get_mgmt_ports', 'findvdus', 'updateimports', 'post_process_template']);
    const utils = pairs.filter((p) => p.test.includes('test_utils.py'));
    expect(utils.length).toBe(14);
    for (const p of utils) expect(kinds.has(p.kind)).toBe(true);
  });
});

describe('Tacker sample VNFDs translate', () => {
  const dirs = ['samples-vnfd', 'tests-etc-samples'];
  // Files in these folders that are not VNFDs (PAIRS.md section C): VNF config payloads, param values,
  // a VIM config, and the NSDs (translated by the NFVO, not into a HOT).
  const notVnfds = new Set([
    'samples-vnfd/tosca-config-openwrt-vrouter.yaml',
    'samples-vnfd/tosca-config-openwrt-with-firewall.yaml',
    'samples-vnfd/tosca-vnfd-param-values.yaml',
    'tests-etc-samples/local-vim.yaml',
    'tests-etc-samples/sample-tosca-vnf-values.yaml',
    'tests-etc-samples/test-ns-nsd.yaml',
    'tests-etc-samples/test-nsd.yaml',
  ]);
  // Documented exceptions: the VNFC install script is not shipped; NS members need substitution params.
  const missingScript: Record<string, string> = {
    'samples-vnfd/test_tosca_vnfc.yaml': 'install_vnfc.sh',
    'samples-vnfd/test_tosca_vnfc_multiple_servers.yaml': '/home/bharatht/install_vnfc.sh',
    'tests-etc-samples/sample_tosca_vnfc.yaml': 'install_vnfc.sh',
  };
  const needsSubstitution = new Set(['tests-etc-samples/test-ns-vnfd1.yaml', 'tests-etc-samples/test-nsd-vnfd1.yaml']);
  const paramFiles: Record<string, string> = {
    'samples-vnfd/tosca-vnfd-with-params.yaml': 'samples-vnfd/tosca-vnfd-param-values.yaml',
    'tests-etc-samples/sample-tosca-vnfd-param.yaml': 'tests-etc-samples/sample-tosca-vnf-values.yaml',
  };
  const all = dirs.flatMap((d) => fs.readdirSync(file(d)).filter((f) => f.endsWith('.yaml')).map((f) => `${d}/${f}`));

  it('finds the sample folders', () => expect(all.length).toBeGreaterThan(50));

  for (const rel of all.filter((r) => !notVnfds.has(r))) {
    it(rel, () => {
      const params = paramFiles[rel] ? read(file(paramFiles[rel])) : undefined;
      const result = translate(read(file(rel)), { paramValues: params });
      if (missingScript[rel]) {
        expect(result.template).toBeNull();
        expect(result.errors).toHaveLength(1);
        expect(result.errors[0]).toMatchObject({ code: 'missing_file', path: 'topology_template.node_templates.firewall_vnfc.interfaces.Standard.create' });
        expect(result.errors[0].message).toContain(`"${missingScript[rel]}"`);
        expect(result.errors[0].line).toBeGreaterThan(0);
        // With the script supplied, the VNFC becomes a SoftwareConfig carrying the script text.
        const ok = translate(read(file(rel)), { files: { [missingScript[rel]]: 'echo "Test case for Tacker";' } });
        expect(ok.errors).toEqual([]);
        expect((ok.template!.resources as Record<string, { properties: { config: unknown } }>).firewall_vnfc_create_config.properties.config).toBe('echo "Test case for Tacker";');
      } else if (needsSubstitution.has(rel)) {
        expect(result.template).toBeNull();
        expect(result.errors[0].code).toBe('substitution_mappings');
        expect(result.errors[0].message).toContain('virtualLink1');
        expect(result.errors[0].message).toContain('param_values.substitution_mappings');
        expect(result.errors[0].line).toBeGreaterThan(0);
      } else {
        expect(result.errors).toEqual([]);
        const resources = result.template!.resources as Record<string, { type: string }>;
        expect(Object.keys(resources).length).toBeGreaterThan(0);
        for (const r of Object.values(resources)) expect(r.type).toMatch(/^OS::/);
      }
    });
  }

  it('applies param_values from the sample values file', () => {
    const result = translate(read(file('samples-vnfd/tosca-vnfd-with-params.yaml')), { paramValues: read(file('samples-vnfd/tosca-vnfd-param-values.yaml')) });
    const values = jsYaml.load(read(file('samples-vnfd/tosca-vnfd-param-values.yaml'))) as Record<string, unknown>;
    const params = result.template!.parameters as Record<string, { default?: unknown }>;
    for (const [k, v] of Object.entries(values)) if (params[k]) expect(params[k].default).toEqual(v);
  });
});
