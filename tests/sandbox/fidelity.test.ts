// Fidelity bar: replays the recorded real OpenStack calls (shared/openstack-api) against the
// sandbox and compares status codes, the headers that matter and the body shapes (keys and value
// types, not values). Recorded ids and names are mapped onto the sandbox's own objects.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, startTestSandbox, waitFor, waitStack, type ApiResponse, type Session, type TestSandbox } from './helpers';
import { parseRecordedHeaders, shapeDiff, type ShapeOptions } from './shape';

const REC = path.resolve(__dirname, '../../../shared/openstack-api');
const HOSTS: Record<string, string> = {
  'http://127.0.0.1:5000': '/identity',
  'http://127.0.0.1:8004': '/orchestration',
  'http://127.0.0.1:8774': '/compute',
  'http://127.0.0.1:9292': '/image',
  'http://127.0.0.1:9696': '/network',
};

let sb: TestSandbox;
let s: Session;
/** recorded value -> sandbox value (ids, names, passwords, tokens) */
const subs = new Map<string, string>();

const read = (rel: string) => fs.readFileSync(path.join(REC, rel), 'utf8');
const readJson = (rel: string) => JSON.parse(read(rel));
const substitute = (text: string) => [...subs].reduce((t, [from, to]) => t.split(from).join(to), text);

interface Replayed { rel: string; res: ApiResponse }

/** Sends the recorded request `rel` (without extension) to the sandbox. */
async function replay(rel: string, transformBody?: (body: any) => any, subject?: string): Promise<Replayed> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const lines = read(`${rel}.request`).split(/\r?\n/).filter(Boolean);
  const [method, recordedUrl] = lines[0].split(' ');
  const origin = Object.keys(HOSTS).find((h) => recordedUrl.startsWith(h))!;
  const url = `${sb.url}${HOSTS[origin]}${substitute(recordedUrl.slice(origin.length))}`;
  // heat/ recordings list no request headers; every call there was authenticated
  const headers: Record<string, string> = HOSTS[origin] === '/identity' ? {} : { 'X-Auth-Token': s.token };
  for (const line of lines.slice(1)) {
    const [name, ...rest] = line.split(':');
    const value = rest.join(':').trim();
    if (/^x-auth-token$/i.test(name)) headers['X-Auth-Token'] = s.token;
    else if (/^x-subject-token$/i.test(name)) headers['X-Subject-Token'] = value === '<token>' ? subject ?? s.token : value;
    else if (/^openstack-api-version$/i.test(name)) headers['OpenStack-API-Version'] = value;
  }
  let rawBody: string | undefined;
  const bodyFile = path.join(REC, `${rel}.request-body.json`);
  if (fs.existsSync(bodyFile)) {
    const text = substitute(fs.readFileSync(bodyFile, 'utf8'));
    rawBody = text.trim() === '' ? '' : JSON.stringify(transformBody ? transformBody(JSON.parse(text)) : JSON.parse(text));
    headers['Content-Type'] = 'application/json';
  }
  const res = await call(url, { method, headers, rawBody });
  return { rel, res };
}

/** Everything in which the sandbox answer differs from the recording. */
function compare({ rel, res }: Replayed, opts: ShapeOptions = {}): string[] {
  const recorded = parseRecordedHeaders(read(`${rel}.headers`));
  const problems: string[] = [];
  const p = (msg: string) => problems.push(`${rel}: ${msg}`);
  if (res.status !== recorded.status) p(`status ${res.status}, recorded ${recorded.status} (${res.text.slice(0, 200)})`);
  if (recorded.headers['x-openstack-request-id'] && !res.headers.get('x-openstack-request-id')?.startsWith('req-')) p('no x-openstack-request-id');
  for (const name of ['location', 'x-subject-token', 'www-authenticate', 'openstack-api-version', 'x-compute-request-id']) {
    if (recorded.headers[name] && !res.headers.get(name)) p(`header ${name} missing`);
  }
  if (recorded.headers.location && !res.headers.get('location')?.startsWith(sb.url)) p(`Location ${res.headers.get('location')} is not on the sandbox`);
  const recordedBody = read(`${rel}.json`);
  if (recordedBody.trim() === '') {
    if (res.text !== '') p(`body should be empty, got ${res.text.slice(0, 100)}`);
    return problems;
  }
  const recordedType = recorded.headers['content-type']?.split(';')[0];
  const actualType = res.headers.get('content-type')?.split(';')[0];
  if (recordedType && recordedType !== actualType) p(`content-type ${actualType}, recorded ${recordedType}`);
  if (recordedType === 'application/json') {
    if (res.json === undefined && res.text !== 'null') p(`body is not JSON: ${res.text.slice(0, 100)}`);
    else problems.push(...shapeDiff(JSON.parse(recordedBody), res.json ?? null, opts).map((d) => `${rel}: ${d}`));
  }
  return problems;
}

beforeAll(async () => {
  sb = await startTestSandbox({ resourceDelayMs: 25 });
  s = await login(sb.url);
  subs.set('"adminpass"', '"admin"');
});
afterAll(async () => sb?.close());

describe('shape comparison', () => {
  it('detects missing keys, extra keys and type changes, tolerates nulls', () => {
    expect(shapeDiff({ a: 1, b: 'x' }, { a: 2, b: 'y' })).toEqual([]);
    expect(shapeDiff({ a: 1, b: 'x' }, { a: 2 })).toEqual(['$.b: missing in sandbox']);
    expect(shapeDiff({ a: 1 }, { a: 1, c: true })).toEqual(['$.c: not in the recording']);
    expect(shapeDiff({ a: 1 }, { a: '1' })).toEqual(['$.a: recorded number, sandbox string']);
    expect(shapeDiff({ a: null }, { a: 'x' })).toEqual([]);
    expect(shapeDiff([{ a: 1 }, { a: 1, p: 'x' }], [{ a: 3 }, { a: 4, p: 'y' }])).toEqual([]);
    expect(shapeDiff([{ a: 1 }], [{ a: 1, q: 2 }])).toEqual(['$[].q: not in the recording']);
  });
});

describe('fidelity with recorded real OpenStack answers', () => {
  it('keystone', async () => {
    const rec = readJson('keystone/03-post-auth-tokens-password-project.json').token;
    subs.set(rec.user.id, s.userId);
    subs.set(rec.project.id, s.projectId);
    const other = await login(sb.url);
    const problems: string[] = [];
    for (const rel of ['01-get-root', '02-get-v3', '03-post-auth-tokens-password-project', '08-get-auth-tokens-invalid-subject-404', '09-get-auth-tokens-no-auth-401', '10-post-auth-tokens-bad-password-401', '11-get-regions', '12-get-auth-projects', '13-get-auth-catalog']) {
      problems.push(...compare(await replay(`keystone/${rel}`)));
    }
    for (const rel of ['04-get-auth-tokens-validate', '05-get-auth-tokens-validate-nocatalog']) problems.push(...compare(await replay(`keystone/${rel}`, undefined, other.token)));
    const created = await replay('keystone/14-post-application-credential', (b) => ({ application_credential: { ...b.application_credential, secret: 'fidelity-secret' } }));
    problems.push(...compare(created));
    subs.set(readJson('keystone/14-post-application-credential.json').application_credential.id, created.res.json.application_credential.id);
    subs.set('<secret>', 'fidelity-secret');
    problems.push(...compare(await replay('keystone/15-post-auth-tokens-application-credential')));
    problems.push(...compare(await replay('keystone/16-delete-application-credential')));
    expect(problems).toEqual([]);
  });

  it('heat: stack lifecycle, ASG signals, errors, delete (T.yaml)', async () => {
    const problems: string[] = [];
    const recProject = readJson('heat/01-post-stacks.json').stack.links[0].href.split('/')[4];
    subs.set(recProject, s.projectId);
    // the recording used wait=8 seconds; the shape does not depend on it
    const created = await replay('heat/01-post-stacks', (b) => ({ ...b, parameters: { wait: 1 } }));
    problems.push(...compare(created));
    if (created.res.status !== 201) throw new Error(`create failed: ${created.res.text}`);
    subs.set(readJson('heat/01-post-stacks.json').stack.id, created.res.json.stack.id);
    for (const rel of ['02-get-stack-by-name-redirect', '03-get-stack-in-progress', '04-get-resources-in-progress', '05-get-events-in-progress', '06-post-stacks-duplicate-409', '07-post-stacks-invalid-400', '08-get-stack-notfound-404']) {
      problems.push(...compare(await replay(`heat/${rel}`)));
    }
    await waitStack(s, 's2', created.res.json.stack.id);
    const asgNested = readJson('heat/12-get-resources-nested2.json').resources.find((r: { resource_name: string }) => r.resource_name === 'asg');
    void asgNested;
    for (const rel of ['09-get-stack-complete', '10-list-stacks', '11-get-resources', '12-get-resources-nested2', '13-get-resource-scale_out', '14-get-resource-asg', '15-get-events', '16-get-resource-events-slow', '17-get-outputs', '18-get-output-asg_size', '19-get-template', '20-signal-scale_out', '21-get-stack-after-signal', '22-get-resources-nested2-after-signal']) {
      problems.push(...compare(await replay(`heat/${rel}`)));
    }
    const size = async () => (await call(`${s.heat}/stacks/s2/${created.res.json.stack.id}/outputs/asg_size`, { token: s.token })).json.output.output_value;
    // like the recording, signal again only once the group's nested stack has settled
    const groupSettled = async (want: number) => waitFor(async () => {
      const asg = await call(`${s.heat}/stacks/s2/${created.res.json.stack.id}/resources/asg`, { token: s.token });
      const nested = await call(asg.json.resource.links.find((l: { rel: string }) => l.rel === 'nested').href, { token: s.token });
      return !nested.json.stack.stack_status.endsWith('IN_PROGRESS') && (await size()) === want ? true : undefined;
    }, `asg settled at ${want}`);
    await groupSettled(2);
    for (const rel of ['23-get-stack-after-signal-settled', '24-get-resources-nested2-after-signal-settled', '25-get-events-after-signal', '26-signal-scale_out-again-nobody']) {
      problems.push(...compare(await replay(`heat/${rel}`)));
    }
    await groupSettled(3);
    for (const rel of ['27-signal-scale_out-at-max', '28-get-resource-asg-after-max', '29-get-events-after-max', '30-signal-scale_in']) {
      problems.push(...compare(await replay(`heat/${rel}`)));
    }
    await groupSettled(2);
    for (const rel of ['31-get-output-asg_size-after-scale-in', '32-delete-stack', '33-get-stack-deleting']) problems.push(...compare(await replay(`heat/${rel}`)));
    await waitStack(s, 's2', created.res.json.stack.id);
    for (const rel of ['34-get-stack-after-delete', '35-get-stack-after-delete-showdeleted']) problems.push(...compare(await replay(`heat/${rel}`)));
    expect(problems).toEqual([]);
  });

  it('heat: failing resource and stack update (extra/)', async () => {
    const problems: string[] = [];
    subs.set(readJson('heat/extra/02-get-failed-stack.json').message.split('/')[4], s.projectId);
    const failing = await replay('heat/extra/01-post-failing-stack');
    problems.push(...compare(failing));
    subs.set(readJson('heat/extra/01-post-failing-stack.json').stack.id, failing.res.json.stack.id);
    await waitStack(s, 'sfail', failing.res.json.stack.id);
    for (const rel of ['02-get-failed-stack', '03-get-failed-stack-by-id', '04-get-failed-resources', '05-get-failed-events', '06-list-stacks-filter-status', '07-delete-failed']) {
      problems.push(...compare(await replay(`heat/extra/${rel}`)));
    }
    const upd = await replay('heat/extra/08-post-stack-for-update');
    problems.push(...compare(upd));
    subs.set(readJson('heat/extra/08-post-stack-for-update.json').stack.id, upd.res.json.stack.id);
    await waitStack(s, 'supd', upd.res.json.stack.id);
    for (const rel of ['09-patch-stack-update', '10-get-stack-update-in-progress']) problems.push(...compare(await replay(`heat/extra/${rel}`)));
    await waitStack(s, 'supd', upd.res.json.stack.id);
    for (const rel of ['11-get-stack-update-complete', '12-get-events-after-update', '13-delete-stack-upd']) problems.push(...compare(await replay(`heat/extra/${rel}`)));
    await waitStack(s, 'supd', upd.res.json.stack.id);
    for (const rel of ['14-delete-again-after-complete', '15-get-stack-by-name-after-delete-404']) problems.push(...compare(await replay(`heat/extra/${rel}`)));
    expect(problems).toEqual([]);
  });

  it('heat tacker-vnf/, nova, glance and the neutron stand-in', async () => {
    const problems: string[] = [];
    const T = 'heat/tacker-vnf';
    const vnf = await replay(`${T}/01-post-stack-tacker-vnf`);
    problems.push(...compare(vnf));
    subs.set(readJson(`${T}/01-post-stack-tacker-vnf.json`).stack.id, vnf.res.json.stack.id);
    problems.push(...compare(await replay(`${T}/02-get-stack-in-progress`)));
    await waitStack(s, 'rig-rec-vnf', vnf.res.json.stack.id);
    // map the recorded server / port / subnet / image ids onto the sandbox's
    const mine = async (res: string) => (await call(`${s.heat}/stacks/rig-rec-vnf/${vnf.res.json.stack.id}/resources/${res}`, { token: s.token })).json.resource;
    const vdu = await mine('VDU1');
    const cp = await mine('CP1');
    subs.set(readJson(`${T}/05-get-resource-VDU1.json`).resource.physical_resource_id, vdu.physical_resource_id);
    subs.set(readJson(`${T}/07-get-resource-CP1.json`).resource.physical_resource_id, cp.physical_resource_id);
    for (const rel of ['03-get-stack-complete', '04-get-resources-nested_depth-2', '05-get-resource-VDU1', '06-get-resource-VDU1-with_attr-show', '07-get-resource-CP1', '08-get-resource-VL1_subnet', '09-get-outputs', '10-get-output-mgmt_ip-VDU1', '11-get-events']) {
      problems.push(...compare(await replay(`${T}/${rel}`)));
    }
    const asg = await replay(`${T}/20-post-stack-tacker-vnf-asg`);
    problems.push(...compare(asg));
    subs.set(readJson(`${T}/20-post-stack-tacker-vnf-asg.json`).stack.id, asg.res.json.stack.id);
    await waitStack(s, 'rig-rec-vnf-asg', asg.res.json.stack.id);
    for (const rel of ['21-get-asg-stack-complete', '22-get-asg-resources-nested_depth-2', '23-get-asg-resource-SP1_group', '24-post-signal-SP1_scale_out']) {
      problems.push(...compare(await replay(`${T}/${rel}`)));
    }
    await waitFor(async () => {
      const out = await call(`${s.heat}/stacks/rig-rec-vnf-asg/${asg.res.json.stack.id}/outputs/size`, { token: s.token });
      const group = await call(`${s.heat}/stacks/rig-rec-vnf-asg/${asg.res.json.stack.id}/resources/SP1_group`, { token: s.token });
      const nested = await call(group.json.resource.links.find((l: { rel: string }) => l.rel === 'nested').href, { token: s.token });
      return out.json.output.output_value === 2 && nested.json.stack.stack_status === 'UPDATE_COMPLETE' ? true : undefined;
    }, 'asg scale out');
    for (const rel of ['25-get-asg-stack-after-scale-out', '26-get-asg-resources-nested_depth-2-after-scale-out', '27-get-asg-events-SP1_scale_out']) {
      problems.push(...compare(await replay(`${T}/${rel}`)));
    }
    // the member stack: map the recorded member name/id onto one of ours
    const rows = (await call(`${s.heat}/stacks/rig-rec-vnf-asg/${asg.res.json.stack.id}/resources?nested_depth=1`, { token: s.token })).json.resources;
    const member = rows.find((r: { parent_resource?: string }) => r.parent_resource === 'SP1_group');
    const memberStack = (await call(member.links.find((l: { rel: string }) => l.rel === 'nested').href, { token: s.token })).json.stack;
    const recordedMember = read(`${T}/28-get-member-stack.request`).split(/\r?\n/)[0].split(' ')[1].split('/');
    subs.set(recordedMember[6], memberStack.stack_name);
    subs.set(recordedMember[7], memberStack.id);
    for (const rel of ['28-get-member-stack', '29-get-member-resource-VDU1', '30-get-member-resource-CP1']) {
      problems.push(...compare(await replay(`${T}/${rel}`)));
    }

    // nova: the recorded server is the VNF's VDU1
    const recServer = read('nova/04-get-server-with-port.request').split(/\r?\n/)[0].split(' ')[1].split('/').pop()!;
    subs.set(recServer, vdu.physical_resource_id);
    for (const rel of ['01-get-root', '02-get-v2.1', '03-get-servers-detail', '04-get-server-with-port', '05-get-server-with-port-microversion-latest', '06-get-server-os-interface', '07-get-flavors-detail', '08-get-server-notfound-404', '09-get-servers']) {
      problems.push(...compare(await replay(`nova/${rel}`)));
    }
    // glance: the recorded image is "tiny"
    const images = (await call(`${sb.url}/image/v2/images?name=tiny`, { token: s.token })).json.images;
    subs.set(readJson('glance/03-get-v2-image.json').id, images[0].id);
    for (const rel of ['01-get-root', '02-get-v2-images', '03-get-v2-image', '04-get-v2-image-notfound-404']) problems.push(...compare(await replay(`glance/${rel}`)));
    // neutron stand-in (not real Neutron, but what Heat and Nova were happy with)
    for (const rel of ['01-get-root', '02-get-networks', '03-get-subnets', '04-get-ports-by-device_id', '05-get-port', '06-get-network-notfound-404', '07-get-extensions']) {
      problems.push(...compare(await replay(`neutron-standin/${rel}`)));
    }
    for (const rel of ['40-delete-stack-tacker-vnf', '41-delete-stack-tacker-vnf-asg']) problems.push(...compare(await replay(`${T}/${rel}`)));
    await waitStack(s, 'rig-rec-vnf', vnf.res.json.stack.id);
    problems.push(...compare(await replay(`${T}/42-get-stack-after-delete`)));
    expect(problems).toEqual([]);
  });
});
