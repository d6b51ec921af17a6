// The editor's pure parts: the TOSCA JSON schema from the translator catalog, the live preview's
// translation (keeps the last good HOT while the text is broken) and the resource graph.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildVnfdSchema } from '@/components/editor/tosca-schema';
import { resourceGraph } from '@/components/vnfds/resource-graph';
import { translateForPreview } from '@/components/vnfds/live-translation';
import { NODE_TYPE_CATALOG, POLICY_TYPE_CATALOG } from '@/lib/tosca';

const sample = (f: string) => fs.readFileSync(path.resolve(__dirname, '../../public/samples/vnfd', f), 'utf8');

describe('VNFD JSON schema', () => {
  const schema = buildVnfdSchema() as any;
  const node = schema.properties.topology_template.properties.node_templates.additionalProperties;

  it('offers every node type of the translator catalog, with its description for hover', () => {
    const types = node.properties.type.anyOf.map((t: { const: string }) => t.const);
    expect(types).toEqual(NODE_TYPE_CATALOG.map((t) => t.name));
    const vdu = node.properties.type.anyOf.find((t: { const: string }) => t.const === 'tosca.nodes.nfv.VDU.Tacker');
    expect(vdu.markdownDescription).toContain('OS::Nova::Server');
  });

  it('completes the properties and capabilities of the chosen type', () => {
    const vdu = node.allOf.find((c: any) => c.if.properties.type.const === 'tosca.nodes.nfv.VDU.Tacker').then.properties;
    expect(Object.keys(vdu.properties.properties)).toEqual(expect.arrayContaining(['image', 'flavor', 'availability_zone', 'monitoring_policy']));
    expect(vdu.properties.properties.image.markdownDescription).toContain('Glance image');
    expect(Object.keys(vdu.capabilities.properties)).toContain('nfv_compute');
    expect(Object.keys(vdu.capabilities.properties.nfv_compute.properties.properties.properties)).toEqual(expect.arrayContaining(['num_cpus', 'mem_size', 'disk_size']));
  });

  it('lists the policy types, with scaling properties', () => {
    const policy = schema.properties.topology_template.properties.policies.anyOf[0].items.additionalProperties;
    expect(policy.properties.type.anyOf.map((t: { const: string }) => t.const)).toEqual(POLICY_TYPE_CATALOG.map((t) => t.name));
    const scaling = policy.allOf.find((c: any) => c.if.properties.type.const === 'tosca.policies.tacker.Scaling');
    expect(Object.keys(scaling.then.properties.properties.properties)).toEqual(expect.arrayContaining(['increment', 'max_instances', 'targets']));
  });
});

describe('live preview translation', () => {
  it('gives the HOT YAML, nested files and the monitoring policy', () => {
    const scale = translateForPreview(sample('tosca-vnfd-scale.yaml'), 1);
    expect(scale.errors).toEqual([]);
    expect(scale.hotYaml).toContain('OS::Heat::AutoScalingGroup');
    expect(scale.files.map((f) => f.name)).toEqual(['SP1_res.yaml']);
    expect(scale.files[0].yaml).toContain('OS::Nova::Server');
    const monitor = translateForPreview(sample('tosca-vnfd-monitor.yaml'), 1);
    expect(monitor.monitoringPolicy).not.toBeNull();
  });

  it('keeps the last good HOT (stale) while the text has errors, with located errors', () => {
    const good = translateForPreview(sample('tosca-vnfd-hello-world.yaml'), 1);
    const broken = translateForPreview(sample('tosca-vnfd-hello-world.yaml').replace('VDU.Tacker', 'VDU.Nope'), 2, good);
    expect(broken.seq).toBe(2);
    expect(broken.stale).toBe(true);
    expect(broken.hotYaml).toBe(good.hotYaml);
    expect(broken.errors[0]).toMatchObject({ line: 13, column: 7, code: 'unknown_type' });
  });
});

describe('resource graph', () => {
  it('links ports to their server and lays resources out by dependency depth', () => {
    const hot = translateForPreview(sample('tosca-vnfd-hello-world.yaml'), 1).hot!;
    const g = resourceGraph(hot);
    const ids = g.nodes.map((n) => n.id);
    expect(ids).toEqual(expect.arrayContaining(['VDU1', 'CP1', 'CP2', 'CP3']));
    expect(g.edges).toContainEqual({ from: 'VDU1', to: 'CP1', kind: 'reference' });
    const col = (id: string) => g.nodes.find((n) => n.id === id)!.column;
    expect(col('VDU1')).toBeGreaterThan(col('CP1'));
  });

  it('handles depends_on, cycles and an empty template', () => {
    const g = resourceGraph({ resources: { a: { type: 'X', depends_on: ['b'] }, b: { type: 'Y', depends_on: 'a' } } });
    expect(g.edges).toEqual([
      { from: 'a', to: 'b', kind: 'depends_on' },
      { from: 'b', to: 'a', kind: 'depends_on' },
    ]);
    expect(resourceGraph(null)).toEqual({ nodes: [], edges: [], columns: 0, rows: 0 });
  });
});
