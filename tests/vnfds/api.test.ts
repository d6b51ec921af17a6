// /v1.0/vnfds through the real route handlers, a real Keystone (sandbox) and a fresh database.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startHarness, type Harness } from '../support/harness';

let h: Harness;
let list: typeof import('@/app/v1.0/vnfds/route');
let item: typeof import('@/app/v1.0/vnfds/[id]/route');
let versions: typeof import('@/app/api/vnfds/[id]/versions/route');
let version: typeof import('@/app/api/vnfds/[id]/versions/[version]/route');
let catalog: typeof import('@/app/api/vnfds/route');
let using: typeof import('@/app/api/vnfds/[id]/vnfs/route');
let events: typeof import('@/app/v1.0/events/route');
let admin: string;
let demo: string;

const SAMPLES = path.resolve(__dirname, '../../public/samples/vnfd');
const helloText = fs.readFileSync(path.join(SAMPLES, 'tosca-vnfd-hello-world.yaml'), 'utf8');
const helloObject = parse(helloText) as Record<string, unknown>;

beforeAll(async () => {
  h = await startHarness();
  list = await import('@/app/v1.0/vnfds/route');
  item = await import('@/app/v1.0/vnfds/[id]/route');
  versions = await import('@/app/api/vnfds/[id]/versions/route');
  version = await import('@/app/api/vnfds/[id]/versions/[version]/route');
  catalog = await import('@/app/api/vnfds/route');
  using = await import('@/app/api/vnfds/[id]/vnfs/route');
  events = await import('@/app/v1.0/events/route');
  admin = await h.token('admin');
  demo = await h.token('demo');
});
afterAll(async () => h?.close());

const create = (token: string, vnfd: Record<string, unknown>) => call(list.POST, 'POST', '/v1.0/vnfds', { token, body: { vnfd } });
const show = (token: string, id: string) => call(item.GET, 'GET', `/v1.0/vnfds/${id}`, { token, params: { id } });

describe('onboarding', () => {
  it('accepts attributes.vnfd as an object (python-tackerclient) and answers with YAML text', async () => {
    const res = await create(demo, { name: 'vnfd-obj', description: 'from object', attributes: { vnfd: helloObject } });
    expect(res.status).toBe(201);
    const v = res.json.vnfd;
    expect(Object.keys(v).sort()).toEqual(['attributes', 'created_at', 'description', 'id', 'name', 'service_types', 'template_source', 'tenant_id', 'updated_at']);
    expect(v).toMatchObject({ name: 'vnfd-obj', description: 'from object', template_source: 'onboarded', updated_at: null });
    expect(v.service_types).toEqual([{ service_type: 'vnfd', id: expect.any(String) }]);
    expect(v.created_at).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect(typeof v.attributes.vnfd).toBe('string');
    expect(parse(v.attributes.vnfd)).toEqual(helloObject);
  });

  it('accepts a YAML string verbatim and takes name/description from the template', async () => {
    const res = await create(demo, { attributes: { vnfd: helloText } });
    expect(res.status).toBe(201);
    expect(res.json.vnfd.name).toBe('sample-tosca-vnfd');
    expect(res.json.vnfd.description).toBe('Demo example');
    expect(res.json.vnfd.attributes.vnfd).toBe(helloText); // comments and layout survive
    const shown = await show(demo, res.json.vnfd.id);
    expect(shown.status).toBe(200);
    expect(shown.json.vnfd.attributes.vnfd).toBe(helloText);
  });

  it('refuses an invalid VNFD with 400 listing each error with TOSCA path, line and column', async () => {
    // Two independent mistakes: both are reported, each where it is.
    const broken = helloText.replace('type: tosca.nodes.nfv.VDU.Tacker', 'type: tosca.nodes.nfv.VDU.Tackr').replace('node: VL2', 'node: VLnope');
    const lineOf = (needle: string) => broken.split('\n').findIndex((l) => l.includes(needle)) + 1;
    const res = await create(demo, { name: 'bad', attributes: { vnfd: broken } });
    expect(res.status).toBe(400);
    expect(res.json.TackerError.type).toBe('ToscaParserFailed');
    expect(res.json.TackerError.detail).toEqual([
      expect.objectContaining({ path: 'topology_template.node_templates.VDU1.type', line: lineOf('VDU.Tackr'), column: 7, code: 'unknown_type' }),
      // located at the requirement's key, the line above `node: VLnope`
      expect.objectContaining({ path: 'topology_template.node_templates.CP2.requirements.0.virtualLink', line: lineOf('node: VLnope') - 1, column: 11, code: 'bad_reference' }),
    ]);
    expect(res.json.TackerError.message).toContain(`line ${lineOf('VDU.Tackr')}, column 7`);
    expect(res.json.TackerError.message).toContain('tosca.nodes.nfv.VDU.Tackr');
    expect(res.json.TackerError.message).toContain('VLnope');
  });

  it('reports YAML syntax errors at their line and column', async () => {
    const res = await create(demo, { name: 'bad', attributes: { vnfd: 'tosca_definitions_version: x\nfoo: [\n' } });
    expect(res.status).toBe(400);
    expect(res.json.TackerError.detail[0]).toMatchObject({ code: 'yaml_syntax', line: expect.any(Number), column: expect.any(Number) });
  });

  it('refuses unknown keys, a missing template and a wrong attributes shape, naming the field', async () => {
    const unknown = await create(demo, { name: 'x', attributes: { vnfd: helloText }, flavour: 'big' });
    expect(unknown.status).toBe(400);
    expect(unknown.json.TackerError.message).toContain("'flavour'");
    const extraAttr = await create(demo, { name: 'x', attributes: { vnfd: helloText, other: 1 } });
    expect(extraAttr.status).toBe(400);
    expect(extraAttr.json.TackerError.message).toContain("'other'");
    const missing = await create(demo, { name: 'x' });
    expect(missing.status).toBe(400);
    expect(missing.json.TackerError.message).toContain('attributes');
    const wrong = await create(demo, { name: 'x', attributes: { vnfd: 42 } });
    expect(wrong.status).toBe(400);
    expect(wrong.json.TackerError.message).toContain('attributes.vnfd');
  });

  it('needs a name from the request or metadata.template_name', async () => {
    const text = helloText.replace(/metadata:\n  template_name: .*\n/, '');
    const res = await create(demo, { attributes: { vnfd: text } });
    expect(res.status).toBe(400);
    expect(res.json.TackerError.message).toContain('name');
  });

  it('every sample in the template catalog onboards', async () => {
    const { VNFD_SAMPLES } = await import('@/lib/samples/vnfd-samples');
    for (const s of VNFD_SAMPLES) {
      const text = fs.readFileSync(path.join(SAMPLES, s.file), 'utf8');
      expect(text.startsWith('# From OpenStack Tacker')).toBe(true);
      const res = await create(admin, { name: `sample-${s.file}`, attributes: { vnfd: text } });
      expect(res.status, `${s.file}: ${res.text}`).toBe(201);
    }
  });

  it('writes a CREATE event (OnBoarded)', async () => {
    const res = await create(demo, { name: 'evented', attributes: { vnfd: helloText } });
    const ev = await call(events.GET, 'GET', `/v1.0/events?resource_id=${res.json.vnfd.id}`, { token: demo });
    expect(ev.json.events).toEqual([expect.objectContaining({ resource_type: 'vnfd', event_type: 'CREATE', resource_state: 'OnBoarded' })]);
  });
});

describe('list, filters and isolation', () => {
  it('lists the caller project only; admin sees all; tackerclient name/id lookups work', async () => {
    const mine = await create(demo, { name: 'demo-only', attributes: { vnfd: helloText } });
    const theirs = await create(admin, { name: 'admin-only', attributes: { vnfd: helloText } });
    const demoList = await call(list.GET, 'GET', '/v1.0/vnfds', { token: demo });
    const names = demoList.json.vnfds.map((v: { name: string }) => v.name);
    expect(names).toContain('demo-only');
    expect(names).not.toContain('admin-only');
    expect(demoList.json.vnfds.every((v: { tenant_id: string }) => v.tenant_id === mine.json.vnfd.tenant_id)).toBe(true);
    const adminList = await call(list.GET, 'GET', '/v1.0/vnfds', { token: admin });
    expect(adminList.json.vnfds.map((v: { name: string }) => v.name)).toEqual(expect.arrayContaining(['demo-only', 'admin-only']));

    const byName = await call(list.GET, 'GET', '/v1.0/vnfds?name=demo-only&fields=id', { token: demo });
    expect(byName.json.vnfds).toEqual([{ id: mine.json.vnfd.id }]);

    // Another project's VNFD is invisible: 404 on show, update and delete, not 403.
    const id = theirs.json.vnfd.id;
    expect((await show(demo, id)).status).toBe(404);
    expect((await call(item.PUT, 'PUT', `/v1.0/vnfds/${id}`, { token: demo, params: { id }, body: { vnfd: { name: 'stolen' } } })).status).toBe(404);
    expect((await call(item.DELETE, 'DELETE', `/v1.0/vnfds/${id}`, { token: demo, params: { id } })).status).toBe(404);
    expect((await show(admin, id)).json.vnfd.name).toBe('admin-only');
  });

  it('a member cannot onboard into another project', async () => {
    const res = await create(demo, { name: 'x', tenant_id: 'someone-else', attributes: { vnfd: helloText } });
    expect(res.status).toBe(403);
  });

  it('lists onboarded VNFDs by default; template_source=inline|all selects others', async () => {
    const inline = await create(demo, { name: 'inline-one', template_source: 'inline', attributes: { vnfd: helloText } });
    const byDefault = await call(list.GET, 'GET', '/v1.0/vnfds', { token: demo });
    expect(byDefault.json.vnfds.map((v: { id: string }) => v.id)).not.toContain(inline.json.vnfd.id);
    const all = await call(list.GET, 'GET', '/v1.0/vnfds?template_source=all', { token: demo });
    expect(all.json.vnfds.map((v: { id: string }) => v.id)).toContain(inline.json.vnfd.id);
    const bad = await call(list.GET, 'GET', '/v1.0/vnfds?template_source=bogus', { token: demo });
    expect(bad.status).toBe(400);
  });
});

describe('versions', () => {
  it('a changed template becomes version 2 (author recorded); name/description edits do not', async () => {
    const created = await create(demo, { name: 'versioned', attributes: { vnfd: helloText } });
    const id = created.json.vnfd.id;
    const rename = await call(item.PUT, 'PUT', `/v1.0/vnfds/${id}`, { token: demo, params: { id }, body: { vnfd: { description: 'renamed' } } });
    expect(rename.status).toBe(200);
    expect(rename.json.vnfd.description).toBe('renamed');
    expect(rename.json.vnfd.updated_at).not.toBeNull();

    const edited = helloText.replace('num_cpus: 1', 'num_cpus: 2');
    const upd = await call(item.PUT, 'PUT', `/v1.0/vnfds/${id}`, { token: demo, params: { id }, body: { vnfd: { attributes: { vnfd: edited } } } });
    expect(upd.status).toBe(200);
    expect(upd.json.vnfd.attributes.vnfd).toBe(edited);
    expect(upd.json.vnfd.name).toBe('versioned');

    const hist = await call(versions.GET, 'GET', `/api/vnfds/${id}/versions`, { token: demo, params: { id } });
    expect(hist.json.versions.map((v: { version: number; author: string; current: boolean }) => [v.version, v.author, v.current])).toEqual([
      [2, 'demo', true],
      [1, 'demo', false],
    ]);
    const v1 = await call(version.GET, 'GET', `/api/vnfds/${id}/versions/1`, { token: demo, params: { id, version: '1' } });
    expect(v1.json.version.template).toBe(helloText);
    const v2 = await call(version.GET, 'GET', `/api/vnfds/${id}/versions/2`, { token: demo, params: { id, version: '2' } });
    expect(v2.json.version.template).toBe(edited);
    const v9 = await call(version.GET, 'GET', `/api/vnfds/${id}/versions/9`, { token: demo, params: { id, version: '9' } });
    expect(v9.status).toBe(404);

    // The same template again is not a new version.
    await call(item.PUT, 'PUT', `/v1.0/vnfds/${id}`, { token: demo, params: { id }, body: { vnfd: { attributes: { vnfd: edited } } } });
    const again = await call(versions.GET, 'GET', `/api/vnfds/${id}/versions`, { token: demo, params: { id } });
    expect(again.json.versions).toHaveLength(2);

    const ev = await call(events.GET, 'GET', `/v1.0/events?resource_id=${id}&event_type=UPDATE`, { token: demo });
    expect(ev.json.events.length).toBe(3);
    expect(JSON.parse(ev.json.events.find((e: { event_details: string }) => e.event_details.includes('template')).event_details)).toMatchObject({ changed: ['template'], version: 2, author: 'demo' });

    const summary = await call(catalog.GET, 'GET', '/api/vnfds', { token: demo });
    expect(summary.json.vnfds.find((v: { id: string }) => v.id === id)).toMatchObject({ version_count: 2, current_version: 2, vnf_count: 0 });
  });

  it('an invalid new template is refused and leaves the versions alone', async () => {
    const created = await create(demo, { name: 'guarded', attributes: { vnfd: helloText } });
    const id = created.json.vnfd.id;
    const res = await call(item.PUT, 'PUT', `/v1.0/vnfds/${id}`, { token: demo, params: { id }, body: { vnfd: { attributes: { vnfd: 'topology_template: [' } } } });
    expect(res.status).toBe(400);
    expect(res.json.TackerError.detail[0].line).toBe(1);
    const hist = await call(versions.GET, 'GET', `/api/vnfds/${id}/versions`, { token: demo, params: { id } });
    expect(hist.json.versions).toHaveLength(1);
    const empty = await call(item.PUT, 'PUT', `/v1.0/vnfds/${id}`, { token: demo, params: { id }, body: { vnfd: {} } });
    expect(empty.status).toBe(400);
  });
});

describe('delete', () => {
  it('409 while a live VNF uses it; 204 once the VNF is gone; events recorded', async () => {
    const created = await create(demo, { name: 'in-use', attributes: { vnfd: helloText } });
    const id = created.json.vnfd.id;
    const tenantId = created.json.vnfd.tenant_id;
    const { db } = await import('@/lib/server/db');
    // A VNF row as the VNF manager writes it (its own API is another module).
    await db().vim.create({ data: { id: 'vim-for-vnfd-test', tenantId, name: 'v', authUrl: 'http://127.0.0.1:1/v3', authCred: '{}', secretEnc: '', vimProject: '{}' } });
    await db().vnf.create({ data: { id: 'vnf-using-it', tenantId, name: 'vnf1', vnfdId: id, vimId: 'vim-for-vnfd-test', stackName: 'vnf-vnf-using-it', status: 'ACTIVE' } });

    const used = await call(using.GET, 'GET', `/api/vnfds/${id}/vnfs`, { token: demo, params: { id } });
    expect(used.json.vnfs).toEqual([expect.objectContaining({ id: 'vnf-using-it', name: 'vnf1', vnfd_version: 1 })]);

    const refused = await call(item.DELETE, 'DELETE', `/v1.0/vnfds/${id}`, { token: demo, params: { id } });
    expect(refused.status).toBe(409);
    expect(refused.json.TackerError.type).toBe('VNFDInUse');
    expect(refused.json.TackerError.message).toContain('vnf-using-it');
    expect((await show(demo, id)).status).toBe(200);

    await db().vnf.update({ where: { id: 'vnf-using-it' }, data: { deletedAt: new Date(), status: 'DELETED' } });
    const gone = await call(item.DELETE, 'DELETE', `/v1.0/vnfds/${id}`, { token: demo, params: { id } });
    expect(gone.status).toBe(204);
    expect((await show(demo, id)).status).toBe(404);
    const ev = await call(events.GET, 'GET', `/v1.0/events?resource_id=${id}&event_type=DELETE`, { token: demo });
    expect(ev.json.events).toHaveLength(1);
    expect(ev.json.events[0].resource_state).toBe('Not Applicable');
  });

  it('unknown id: 404 with Tacker error type', async () => {
    const res = await show(demo, 'no-such-vnfd');
    expect(res.status).toBe(404);
    expect(res.json.TackerError.type).toBe('VNFDNotFound');
  });
});

describe('policy', () => {
  it('a VNFD the caller sees but may not change is 403 (policy file: update/delete for admins only)', async () => {
    const created = await create(demo, { name: 'read-only-for-members', attributes: { vnfd: helloText } });
    const id = created.json.vnfd.id;
    const file = path.join(h.dataDir, 'policy.yaml');
    fs.writeFileSync(file, 'update_vnfd: "role:admin"\ndelete_vnfd: "role:admin"\n');
    process.env.TRELLIS_POLICY_FILE = file;
    try {
      const put = await call(item.PUT, 'PUT', `/v1.0/vnfds/${id}`, { token: demo, params: { id }, body: { vnfd: { description: 'x' } } });
      expect(put.status).toBe(403);
      expect(put.json.TackerError.message).toContain('update_vnfd');
      expect((await call(item.DELETE, 'DELETE', `/v1.0/vnfds/${id}`, { token: demo, params: { id } })).status).toBe(403);
      expect((await show(demo, id)).status).toBe(200);
      expect((await call(item.PUT, 'PUT', `/v1.0/vnfds/${id}`, { token: admin, params: { id }, body: { vnfd: { description: 'by admin' } } })).status).toBe(200);
    } finally {
      delete process.env.TRELLIS_POLICY_FILE;
    }
  });
});
