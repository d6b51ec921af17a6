// Bad input -> structured errors (message, TOSCA path, 1-based line/column, code), never an exception;
// hostile input (alias bombs, huge or deeply nested documents) is rejected quickly.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { NODE_TYPE_CATALOG, POLICY_TYPE_CATALOG, toYaml, translate } from '@/lib/tosca';
import { read, TACKER_DIR } from './shared';

const VNFD = `tosca_definitions_version: tosca_simple_profile_for_nfv_1_0_0
description: test
topology_template:
  inputs:
    flavor:
      type: string
      default: m1.tiny
      constraints:
        - valid_values: [m1.tiny, m1.small]
    cpus:
      type: integer
      default: 1
  node_templates:
    VDU1:
      type: tosca.nodes.nfv.VDU.Tacker
      properties:
        image: cirros
        flavor: { get_input: flavor }
    CP1:
      type: tosca.nodes.nfv.CP.Tacker
      properties:
        management: true
      requirements:
        - virtualLink:
            node: VL1
        - virtualBinding:
            node: VDU1
    VL1:
      type: tosca.nodes.nfv.VL
      properties:
        network_name: net_mgmt
        vendor: Tacker
`;

/** 1-based line of the first occurrence of `needle` in `text`, and its column. */
function where(text: string, needle: string, nth = 0) {
  let idx = -1;
  for (let i = 0; i <= nth; i++) idx = text.indexOf(needle, idx + 1);
  const before = text.slice(0, idx).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

describe('valid baseline', () => {
  it('translates the baseline VNFD and reports its inputs for the launch form', () => {
    const r = translate(VNFD, { paramValues: 'flavor: m1.small' });
    expect(r.errors).toEqual([]);
    const params = r.template!.parameters as Record<string, { default: unknown }>;
    expect(params.flavor.default).toBe('m1.small');
    expect(r.inputs).toEqual([
      { name: 'flavor', type: 'string', heatType: 'string', default: 'm1.tiny', allowedValues: ['m1.tiny', 'm1.small'], constraints: [{ valid_values: ['m1.tiny', 'm1.small'] }], required: false },
      { name: 'cpus', type: 'integer', heatType: 'number', default: 1, constraints: [], required: false },
    ]);
  });
});

describe('structured errors', () => {
  it('invalid YAML: position of the syntax error', () => {
    const src = VNFD.replace('        image: cirros\n', '        image: [cirros\n');
    const r = translate(src);
    expect(r.template).toBeNull();
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0].code).toBe('yaml_syntax');
    expect(r.errors[0].message).toMatch(/^invalid YAML/);
    expect(r.errors[0].line).toBeGreaterThanOrEqual(where(src, '[cirros').line);
    expect(r.errors[0].column).toBeGreaterThan(0);
  });

  it('a document that is not a mapping', () => {
    const r = translate('- just\n- a list\n');
    expect(r.errors).toEqual([{ message: 'a TOSCA template must be a YAML mapping', path: '', code: 'not_a_mapping', line: 1, column: 1 }]);
  });

  it('unknown node type: path and position of the type', () => {
    const src = VNFD.replace('type: tosca.nodes.nfv.VL', 'type: tosca.nodes.nfv.VLAN');
    const r = translate(src);
    expect(r.errors).toEqual([
      { message: 'node template "VL1": unknown node type "tosca.nodes.nfv.VLAN"', path: 'topology_template.node_templates.VL1.type', code: 'unknown_type', ...where(src, 'type: tosca.nodes.nfv.VLAN') },
    ]);
  });

  it('a known type without translation support is reported as unsupported', () => {
    const src = VNFD.replace('type: tosca.nodes.nfv.VL\n', 'type: tosca.nodes.LoadBalancer\n').replace('        network_name: net_mgmt\n        vendor: Tacker\n', '        algorithm: rr\n');
    const r = translate(src);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ code: 'unsupported_type', path: 'topology_template.node_templates.VL1.type', ...where(src, 'type: tosca.nodes.LoadBalancer') });
  });

  it('missing required property (VL vendor)', () => {
    const src = VNFD.replace('        vendor: Tacker\n', '');
    const r = translate(src);
    expect(r.errors).toEqual([
      { message: '"VL1" is missing required property "vendor"', path: 'topology_template.node_templates.VL1.properties', code: 'missing_property', ...where(src, 'properties:', 2) },
    ]);
  });

  it('missing required scaling policy property', () => {
    const src = `${VNFD}  policies:\n    - SP1:\n        type: tosca.policies.tacker.Scaling\n        targets: [VDU1]\n        properties:\n          increment: 1\n          min_instances: 1\n          default_instances: 1\n`;
    const r = translate(src);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ code: 'missing_property', path: 'topology_template.policies.0.SP1.properties', ...where(src, 'properties:', 3) });
    expect(r.errors[0].message).toContain('max_instances');
  });

  it('wrong property value type', () => {
    const src = VNFD.replace('        management: true', '        management: maybe');
    const r = translate(src);
    expect(r.errors[0]).toMatchObject({ code: 'invalid_value', path: 'topology_template.node_templates.CP1.properties.management', ...where(src, 'management: maybe') });
  });

  it('bad reference: a CP bound to a missing VDU', () => {
    const src = VNFD.replace('            node: VDU1', '            node: VDU9');
    const r = translate(src);
    expect(r.errors).toEqual([
      {
        message: 'requirement "virtualBinding" of "CP1" refers to missing node template "VDU9"',
        path: 'topology_template.node_templates.CP1.requirements.1.virtualBinding',
        code: 'bad_reference',
        ...where(src, 'virtualBinding:'),
      },
    ]);
  });

  it('bad reference: get_input of an undefined input', () => {
    const src = VNFD.replace('{ get_input: flavor }', '{ get_input: flavour }');
    const r = translate(src);
    expect(r.errors).toEqual([
      { message: 'get_input refers to undefined input "flavour"', path: 'topology_template.node_templates.VDU1.properties.flavor', code: 'bad_reference', ...where(src, 'flavor: { get_input') },
    ]);
  });

  it('bad reference: policy target that does not exist', () => {
    const src = `${VNFD}  policies:\n    - SP1:\n        type: tosca.policies.tacker.Scaling\n        targets: [VDU7]\n        properties: {increment: 1, min_instances: 1, max_instances: 2, default_instances: 1}\n`;
    const r = translate(src);
    expect(r.errors[0]).toMatchObject({ code: 'bad_reference', path: 'topology_template.policies.0.SP1.targets.0' });
    expect(r.errors[0].line).toBe(where(src, 'targets: [VDU7]').line);
  });

  it('bad param_values: invalid YAML, with the position inside the param_values text', () => {
    const r = translate(VNFD, { paramValues: 'flavor: m1.small\ncpus: [1\n' });
    expect(r.template).toBeNull();
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ code: 'bad_param_values', path: 'param_values' });
    expect(r.errors[0].line).toBeGreaterThanOrEqual(2);
  });

  it('bad param_values: not a mapping', () => {
    const r = translate(VNFD, { paramValues: '- m1.small\n' });
    expect(r.errors).toEqual([{ message: 'param_values must be a YAML mapping of input name to value', path: 'param_values', code: 'bad_param_values', line: 1, column: 1 }]);
  });

  it('bad param_values: value outside valid_values names the parameter and its line', () => {
    const r = translate(VNFD, { paramValues: 'cpus: 2\nflavor: m1.huge\n' });
    expect(r.errors).toEqual([
      { message: 'value "m1.huge" for input "flavor" violates constraint valid_values: ["m1.tiny","m1.small"]', path: 'param_values.flavor', code: 'bad_param_values', line: 2, column: 1 },
    ]);
  });

  it('bad param_values: wrong type', () => {
    const r = translate(VNFD, { paramValues: 'cpus: two\n' });
    expect(r.errors[0]).toMatchObject({ path: 'param_values.cpus', code: 'bad_param_values', line: 1, column: 1 });
    expect(r.errors[0].message).toContain('not an integer');
  });

  it('several structural errors are reported together', () => {
    const src = VNFD.replace('        vendor: Tacker\n', '').replace('            node: VDU1', '            node: VDU9');
    const r = translate(src);
    expect(r.errors.map((e) => e.code).sort()).toEqual(['bad_reference', 'missing_property']);
  });

  it('object input works and errors then carry no position', () => {
    const data = parse(VNFD);
    expect(translate(data).errors).toEqual([]);
    delete data.topology_template.node_templates.VL1.properties.vendor;
    const r = translate(data);
    expect(r.errors).toEqual([{ message: '"VL1" is missing required property "vendor"', path: 'topology_template.node_templates.VL1.properties', code: 'missing_property' }]);
  });

  it('never throws on mutilated templates (bounded fuzz over a real sample)', () => {
    const sample = read(path.join(TACKER_DIR, 'unit-openstack-data/tosca_alarm_scale.yaml'));
    const junk = ['', ':', '- ', '{', ']', '"', '*x', '&a', '!!binary', '\t', '\n  ', 'null', '~', 'get_input'];
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let i = 0; i < 300; i++) {
      const at = rand(sample.length);
      const mutated = sample.slice(0, at) + junk[rand(junk.length)] + sample.slice(at + rand(20));
      let result: ReturnType<typeof translate> | undefined;
      expect(() => (result = translate(mutated))).not.toThrow();
      expect(result!.template !== null || result!.errors.length > 0).toBe(true);
      for (const e of result!.errors) {
        expect(typeof e.message).toBe('string');
        expect(typeof e.path).toBe('string');
        expect(e.code).not.toBe('internal');
      }
    }
  });
});

describe('hostile input is rejected or handled within 200 ms', () => {
  const timed = (src: string) => {
    const t0 = performance.now();
    const r = translate(src);
    return { r, ms: performance.now() - t0 };
  };

  it('YAML alias bomb (billion laughs)', () => {
    const levels = 'abcdefghi'.split('');
    let src = `${levels[0]}: &${levels[0]} ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n`;
    for (let i = 1; i < levels.length; i++) src += `${levels[i]}: &${levels[i]} [${Array(9).fill(`*${levels[i - 1]}`).join(',')}]\n`;
    const { r, ms } = timed(src);
    expect(r.errors[0].code).toBe('yaml_limits');
    expect(r.errors[0].message).toContain('aliases');
    expect(ms).toBeLessThan(200);
  });

  it('5 MB document', () => {
    const src = `tosca_definitions_version: tosca_simple_profile_for_nfv_1_0_0\ndescription: "${'x'.repeat(5 * 1024 * 1024)}"\n`;
    const { r, ms } = timed(src);
    expect(r.errors[0]).toMatchObject({ code: 'yaml_limits', line: 1, column: 1 });
    expect(r.errors[0].message).toContain('too large');
    expect(ms).toBeLessThan(200);
  });

  it('1000-level nesting, flow style', () => {
    const { r, ms } = timed(`a: ${'['.repeat(1000)}${']'.repeat(1000)}\n`);
    expect(r.errors[0]).toMatchObject({ code: 'yaml_limits' });
    expect(r.errors[0].message).toContain('nested deeper');
    expect(ms).toBeLessThan(200);
  });

  const blockNesting = (levels: number) => {
    let src = 'a:\n';
    for (let i = 1; i < levels; i++) src += `${' '.repeat(i)}k:\n`;
    return src;
  };

  it('1000-level nesting, block style (half a megabyte of indentation)', () => {
    const { r, ms } = timed(blockNesting(1000));
    expect(r.errors[0]).toMatchObject({ code: 'yaml_limits' });
    expect(ms).toBeLessThan(200);
  });

  it('100-level block nesting is refused at the line that passes the depth limit', () => {
    const { r, ms } = timed(blockNesting(100));
    expect(r.errors).toEqual([{ message: 'document is nested deeper than 64 levels', path: '', code: 'yaml_limits', line: 65, column: 1 }]);
    expect(ms).toBeLessThan(200);
  });

  it('1000-level nesting of block sequences on one line', () => {
    const { r, ms } = timed(`${'- '.repeat(1000)}x\n`);
    expect(r.errors[0]).toMatchObject({ code: 'yaml_limits' });
    expect(ms).toBeLessThan(200);
  });
});

describe('toYaml and the type catalog', () => {
  it('renders HOT with heat_template_version first and parses back to the same data', () => {
    const r = translate(VNFD);
    const text = toYaml(r.template!);
    expect(text.startsWith('heat_template_version: 2013-05-23\ndescription:')).toBe(true);
    expect(text.indexOf('parameters:')).toBeLessThan(text.indexOf('resources:'));
    expect(text.indexOf('resources:')).toBeLessThan(text.indexOf('outputs:'));
    expect(parse(text)).toEqual(JSON.parse(JSON.stringify(r.template)));
  });

  it('catalogs the Tacker VNFD types with properties and capabilities', () => {
    const vdu = NODE_TYPE_CATALOG.find((t) => t.name === 'tosca.nodes.nfv.VDU.Tacker')!;
    expect(vdu.heatType).toBe('OS::Nova::Server');
    expect(vdu.properties.find((p) => p.name === 'flavor')).toMatchObject({ type: 'string', required: false });
    expect(vdu.properties.find((p) => p.name === 'config_drive')).toMatchObject({ type: 'boolean', default: false });
    const nfv = vdu.capabilities.find((c) => c.name === 'nfv_compute')!;
    expect(nfv.properties.map((p) => p.name)).toEqual(expect.arrayContaining(['num_cpus', 'mem_size', 'disk_size', 'mem_page_size', 'numa_nodes', 'cpu_allocation']));
    const vl = NODE_TYPE_CATALOG.find((t) => t.name === 'tosca.nodes.nfv.VL')!;
    expect(vl.properties.find((p) => p.name === 'vendor')).toMatchObject({ required: true });
    const cp = NODE_TYPE_CATALOG.find((t) => t.name === 'tosca.nodes.nfv.CP.Tacker')!;
    expect(cp.requirements).toEqual(expect.arrayContaining(['virtualLink', 'virtualBinding']));
    for (const t of NODE_TYPE_CATALOG) expect(t.description, t.name).toBeTruthy();
    expect(NODE_TYPE_CATALOG.some((t) => t.name === 'tosca.nodes.LoadBalancer')).toBe(false);
    expect(POLICY_TYPE_CATALOG.find((t) => t.name === 'tosca.policies.tacker.Scaling')!.properties.find((p) => p.name === 'max_instances')).toMatchObject({ required: true, type: 'integer' });
  });
});
