// GET /v1.0/events and /v1.0/events/{id}: Tacker's filters (resource_id, resource_type, event_type,
// resource_state), newest-first paging with events_links, and project scoping (Tacker's were not scoped).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startHarness, type Harness } from '../support/harness';

let h: Harness;
let list: typeof import('@/app/v1.0/events/route');
let show: typeof import('@/app/v1.0/events/[id]/route');
let adminToken: string;
let demoToken: string;
let adminProject: string;
let demoProject: string;

// Events written the way services write them (recordEvent), oldest first.
const VIM_A = '0a0a0a0a-0000-4000-8000-00000000000a';
const VNF_A = '0a0a0a0a-0000-4000-8000-0000000000f1';
const VNF_DEMO = '0d0d0d0d-0000-4000-8000-0000000000f2';

async function projectOf(token: string): Promise<string> {
  const res = await fetch(`${h.keystoneUrl}/auth/tokens`, { headers: { 'x-auth-token': token, 'x-subject-token': token } });
  const body = (await res.json()) as { token: { project: { id: string } } };
  return body.token.project.id;
}

beforeAll(async () => {
  h = await startHarness();
  list = await import('@/app/v1.0/events/route');
  show = await import('@/app/v1.0/events/[id]/route');
  adminToken = await h.token('admin');
  demoToken = await h.token('demo');
  adminProject = await projectOf(adminToken);
  demoProject = await projectOf(demoToken);
  const { db } = await import('@/lib/server/db');
  const { recordEvent } = await import('@/lib/server/events');
  const rows = [
    { tenantId: adminProject, resourceId: VIM_A, resourceType: 'vim', resourceState: 'PENDING', eventType: 'CREATE' },
    { tenantId: adminProject, resourceId: VIM_A, resourceType: 'vim', resourceState: 'REACHABLE', eventType: 'MONITOR' },
    { tenantId: adminProject, resourceId: VNF_A, resourceType: 'vnf', resourceState: 'PENDING_CREATE', eventType: 'CREATE' },
    { tenantId: adminProject, resourceId: VNF_A, resourceType: 'vnf', resourceState: 'ACTIVE', eventType: 'CREATE' },
    { tenantId: adminProject, resourceId: VNF_A, resourceType: 'vnf', resourceState: 'PENDING_SCALE_OUT', eventType: 'SCALE' },
    { tenantId: adminProject, resourceId: VNF_A, resourceType: 'vnf', resourceState: 'ACTIVE', eventType: 'SCALE' },
    { tenantId: demoProject, resourceId: VNF_DEMO, resourceType: 'vnf', resourceState: 'PENDING_CREATE', eventType: 'CREATE' },
    { tenantId: demoProject, resourceId: VNF_DEMO, resourceType: 'vnf', resourceState: 'ACTIVE', eventType: 'CREATE' },
  ] as const;
  for (const r of rows) await recordEvent(db(), { ...r, details: { note: `${r.resourceType} ${r.resourceState}` } });
});
afterAll(async () => h?.close());

const get = (url: string, token: string) => call(list.GET, 'GET', url, { token });
type EventView = { id: number; resource_id: string; resource_type: string; resource_state: string; event_type: string; tenant_id: string; timestamp: string; event_details: string };

describe('GET /v1.0/events', () => {
  it('needs a token', async () => {
    expect((await call(list.GET, 'GET', '/v1.0/events')).status).toBe(401);
  });

  it('lists newest first, in Tacker shape', async () => {
    const res = await get('/v1.0/events', adminToken);
    expect(res.status).toBe(200);
    const events = res.json.events as EventView[];
    expect(events).toHaveLength(8);
    expect(events.map((e) => e.id)).toEqual([...events.map((e) => e.id)].sort((a, b) => b - a));
    expect(Object.keys(events[0]).sort()).toEqual(['event_details', 'event_type', 'id', 'resource_id', 'resource_state', 'resource_type', 'tenant_id', 'timestamp']);
    expect(events[0].timestamp).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect(JSON.parse(events[0].event_details)).toEqual({ note: 'vnf ACTIVE' });
    expect(res.json.events_links).toBeUndefined();
  });

  it('scopes by project: a member sees only its project, an admin everything', async () => {
    const demo = (await get('/v1.0/events', demoToken)).json.events as EventView[];
    expect(demo).toHaveLength(2);
    expect(new Set(demo.map((e) => e.tenant_id))).toEqual(new Set([demoProject]));
    // filters cannot reach around the scope
    expect((await get(`/v1.0/events?resource_id=${VNF_A}`, demoToken)).json.events).toEqual([]);
    expect((await get(`/v1.0/events?resource_id=${VNF_DEMO}`, adminToken)).json.events).toHaveLength(2);
  });

  it('filters by resource_id', async () => {
    const events = (await get(`/v1.0/events?resource_id=${VIM_A}`, adminToken)).json.events as EventView[];
    expect(events.map((e) => [e.resource_id, e.resource_state])).toEqual([
      [VIM_A, 'REACHABLE'],
      [VIM_A, 'PENDING'],
    ]);
  });

  it('filters by resource_type, event_type and resource_state, combined', async () => {
    const vnfs = (await get('/v1.0/events?resource_type=vnf', adminToken)).json.events as EventView[];
    expect(vnfs).toHaveLength(6);
    expect(vnfs.every((e) => e.resource_type === 'vnf')).toBe(true);

    const scale = (await get('/v1.0/events?event_type=SCALE', adminToken)).json.events as EventView[];
    expect(scale.map((e) => e.resource_state)).toEqual(['ACTIVE', 'PENDING_SCALE_OUT']);

    const combined = (await get(`/v1.0/events?resource_type=vnf&event_type=CREATE&resource_state=ACTIVE&resource_id=${VNF_A}`, adminToken)).json.events as EventView[];
    expect(combined).toHaveLength(1);
    expect(combined[0]).toMatchObject({ resource_id: VNF_A, event_type: 'CREATE', resource_state: 'ACTIVE' });

    expect((await get('/v1.0/events?resource_type=vnfd', adminToken)).json.events).toEqual([]);
  });

  it('pages with limit/marker and follows events_links to the end without gaps or repeats', async () => {
    const all = ((await get('/v1.0/events', adminToken)).json.events as EventView[]).map((e) => e.id);
    const seen: number[] = [];
    let url: string | undefined = '/v1.0/events?limit=3';
    let pages = 0;
    while (url && pages < 10) {
      const res = await get(url, adminToken);
      expect(res.status).toBe(200);
      const ids = (res.json.events as EventView[]).map((e) => e.id);
      expect(ids.length).toBeLessThanOrEqual(3);
      seen.push(...ids);
      pages++;
      const next = (res.json.events_links as { rel: string; href: string }[] | undefined)?.find((l) => l.rel === 'next');
      url = next ? new URL(next.href).pathname + new URL(next.href).search : undefined;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(all);
  });

  it('keeps the filters on the next link', async () => {
    const res = await get(`/v1.0/events?resource_id=${VNF_A}&limit=2`, adminToken);
    expect((res.json.events as EventView[]).map((e) => e.resource_state)).toEqual(['ACTIVE', 'PENDING_SCALE_OUT']);
    const next = new URL(res.json.events_links[0].href);
    expect(next.searchParams.get('resource_id')).toBe(VNF_A);
    expect(next.searchParams.get('limit')).toBe('2');
    const page2 = await get(next.pathname + next.search, adminToken);
    expect((page2.json.events as EventView[]).map((e) => e.resource_state)).toEqual(['ACTIVE', 'PENDING_CREATE']);
    expect(page2.json.events_links).toBeUndefined();
  });

  it('refuses a bad limit or marker with a 400 naming it', async () => {
    for (const q of ['limit=0', 'limit=abc', 'limit=-1']) {
      const res = await get(`/v1.0/events?${q}`, adminToken);
      expect(res.status).toBe(400);
      expect(res.json.TackerError.message).toContain('limit');
    }
    const res = await get('/v1.0/events?marker=not-an-id', adminToken);
    expect(res.status).toBe(400);
    expect(res.json.TackerError.message).toContain('marker');
  });
});

describe('GET /v1.0/events/{id}', () => {
  it('shows an event of the own project, and hides other projects behind a 404', async () => {
    const demoEvents = (await get('/v1.0/events', demoToken)).json.events as EventView[];
    const own = await call(show.GET, 'GET', `/v1.0/events/${demoEvents[0].id}`, { token: demoToken, params: { id: String(demoEvents[0].id) } });
    expect(own.status).toBe(200);
    expect(own.json.event).toEqual(demoEvents[0]);

    const adminEvent = ((await get(`/v1.0/events?resource_id=${VIM_A}`, adminToken)).json.events as EventView[])[0];
    const hidden = await call(show.GET, 'GET', `/v1.0/events/${adminEvent.id}`, { token: demoToken, params: { id: String(adminEvent.id) } });
    expect(hidden.status).toBe(404);
    expect(hidden.json.TackerError.type).toMatch(/NotFound/);

    const asAdmin = await call(show.GET, 'GET', `/v1.0/events/${demoEvents[0].id}`, { token: adminToken, params: { id: String(demoEvents[0].id) } });
    expect(asAdmin.status).toBe(200);
  });

  it('answers 404 for an id that is not a number or does not exist', async () => {
    for (const id of ['abc', '999999']) {
      const res = await call(show.GET, 'GET', `/v1.0/events/${id}`, { token: adminToken, params: { id } });
      expect(res.status).toBe(404);
    }
  });
});
