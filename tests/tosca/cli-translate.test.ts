// `trellis translate` end to end: spawns `node bin/trellis.js translate ...` as a user would.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { translate } from '@/lib/tosca';
import { loadYaml, read, TACKER_DIR } from './shared';

const ROOT = path.resolve(__dirname, '../..');
const D = (rel: string) => path.join(TACKER_DIR, rel);

function trellis(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/trellis.js'), 'translate', ...args], { encoding: 'utf8', timeout: 60_000, cwd: os.tmpdir() });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('trellis translate', () => {
  it('prints the main HOT as YAML and exits 0', () => {
    const file = D('unit-openstack-data/test_tosca_openwrt.yaml');
    const r = trellis(file);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('heat_template_version: 2013-05-23\n')).toBe(true);
    expect(parse(r.stdout)).toEqual(loadYaml(D('unit-openstack-data/hot_tosca_openwrt.yaml')));
  });

  it('--json prints template, files, monitoring_policy, scaling_group_names and errors', () => {
    const r = trellis(D('unit-openstack-data/tosca_scale.yaml'), '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['template', 'files', 'monitoring_policy', 'scaling_group_names', 'errors']);
    expect(out.template).toEqual(loadYaml(D('unit-openstack-data/hot_scale_main.yaml')));
    expect(out.files).toEqual({ 'SP1_res.yaml': loadYaml(D('unit-openstack-data/hot_scale_custom.yaml')) });
    expect(out.monitoring_policy).toBeNull();
    expect(out.scaling_group_names).toEqual({ SP1: 'SP1_group' });
    expect(out.errors).toEqual([]);
  });

  it('--param-values FILE applies the values; monitoring_policy appears in --json', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-cli-'));
    const params = path.join(dir, 'params.yaml');
    fs.writeFileSync(params, 'image: cirros\nflavor: m1.large\n');
    const r = trellis(D('unit-openstack-data/tosca_generic_vnfd_params.yaml'), '--param-values', params, '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.template).toEqual(loadYaml(D('unit-openstack-data/hot_tosca_generic_vnfd_params.yaml')));
    expect(out.monitoring_policy).toEqual({ vdus: { VDU1: { ping: { name: 'ping', actions: { failure: 'respawn' }, parameters: { count: 3, interval: 10 }, monitoring_params: { count: 3, interval: 10 } } } } });
    expect(out.files).toEqual({});
    expect(out.scaling_group_names).toBeNull();
  });

  it('invalid template: exit 1, errors with file:line:column on stderr, nothing on stdout', () => {
    const file = D('unit-openstack-data/tosca_alarm_metadata.yaml');
    const r = trellis(file);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const [err] = translate(read(file)).errors;
    expect(r.stderr).toBe(`${file}:${err.line}:${err.column}: ${err.path}: ${err.message}\n`);
  });

  it('invalid template with --json: exit 1 and the errors in `errors`', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-cli-'));
    const file = path.join(dir, 'bad.yaml');
    fs.writeFileSync(file, 'tosca_definitions_version: tosca_simple_profile_for_nfv_1_0_0\ntopology_template:\n  node_templates:\n    VDU1:\n      type: tosca.nodes.nfv.Nope\n');
    const r = trellis(file, '--json');
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.template).toBeNull();
    expect(out.errors).toEqual([{ message: 'node template "VDU1": unknown node type "tosca.nodes.nfv.Nope"', path: 'topology_template.node_templates.VDU1.type', code: 'unknown_type', line: 5, column: 7 }]);
  });

  it('reads a VNFC install script next to the VNFD; names it when missing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-cli-'));
    const file = path.join(dir, 'vnfc.yaml');
    fs.copyFileSync(D('samples-vnfd/test_tosca_vnfc.yaml'), file);
    const missing = trellis(file);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('install script "install_vnfc.sh"');
    fs.writeFileSync(path.join(dir, 'install_vnfc.sh'), 'echo "installed"\n');
    const ok = trellis(file, '--json');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).template.resources.firewall_vnfc_create_config.properties.config).toBe('echo "installed"\n');
  });

  it('bad usage exits 2', () => {
    const none = trellis();
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('usage: trellis translate FILE');
    const missing = trellis(path.join(os.tmpdir(), 'does-not-exist.yaml'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read');
    expect(trellis(D('unit-openstack-data/tosca_scale.yaml'), '--bogus').code).toBe(2);
  });
});
