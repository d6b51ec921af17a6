// The SSE stream: VNF state changes, resource progress and events, scoped by project and policy,
// replay after Last-Event-ID, and the latency from a Heat status change in the sandbox to the
// react-query cache of the page (p95 printed and required to be <= 1 s).
import { QueryClient } from '@tanstack/react-query';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { call, startHarness, type Harness } from '../support/harness';
import { insertVim, projectOf, sample, waitFor, startVnfWorkers, stopVnfWorkers } from './helpers';
import { openStream, type SseEvent } from './sse';

let h: Harness;
let admin: string;
let demo: string;
let vimId: string;
let stream: typeof import('@/app/api/stream/route');
let list: typeof import('@/app/v1.0/vnfs/route');
let item: typeof import('@/app/v1.0/vnfs/[id]/route');

beforeAll(async () => {
  h = await startHarness({ resourceDelayMs: 150 });
  admin = await h.token('admin');
  demo = await h.token('demo');
  vimId = await insertVim(h, { user: 'admin', tenantId: await projectOf(h, admin) });
  stream = await import('@/app/api/stream/route');
  list = await import('@/app/v1.0/vnfs/route');
  item = await import('@/app/v1.0/vnfs/[id]/route');
  await startVnfWorkers();
});
afterAll(async () => {
  await stopVnfWorkers();
  await h?.close();
});

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

it('streams state changes, progress and events; latency from Heat to the page cache p95 <= 1 s', async () => {
  const { applyStreamMessage, vnfKeys } = await import('@/lib/client/stream');
  const page = new QueryClient();
  page.setQueryData(vnfKeys.list, []);
  const cacheStatusAt = new Map<string, { status: string; at: number }[]>();

  const adminStream = await openStream(stream.GET, '/api/stream', admin);
  const demoStream = await openStream(stream.GET, '/api/stream', demo);
  expect(adminStream.status).toBe(200);
  expect(adminStream.contentType).toContain('text/event-stream');
  adminStream.onEvent((e: SseEvent) => {
    if (!['vnf', 'vnf_deleted', 'progress', 'event'].includes(e.event)) return;
    applyStreamMessage(page, { kind: e.event, ...e.data });
    // what the page now shows for each VNF
    for (const v of page.getQueryData<{ id: string; status: string }[]>(vnfKeys.list) ?? []) {
      const seen = cacheStatusAt.get(v.id) ?? [];
      if (seen.at(-1)?.status !== v.status) seen.push({ status: v.status, at: Date.now() });
      cacheStatusAt.set(v.id, seen);
    }
    if (e.event === 'vnf_deleted') cacheStatusAt.get(e.data.vnfId)?.push({ status: 'GONE', at: Date.now() });
  });

  // The moment the sandbox's stacks change status (its state, watched every 2 ms).
  const flips = new Map<string, Map<string, number>>();
  const watch = setInterval(() => {
    for (const s of Object.values(h.sandbox.store.state.heat.stacks)) {
      if (s.parentStackId) continue;
      const status = `${s.action}_${s.status}`;
      const m = flips.get(s.id) ?? new Map<string, number>();
      if (!m.has(status)) m.set(status, Date.now());
      flips.set(s.id, m);
    }
  }, 2);

  try {
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await call(list.POST, 'POST', '/v1.0/vnfs', { token: admin, body: { vnf: { name: `live${i}`, vnfd_template: sample(i % 3 === 0 ? 'tosca-vnfd-scale.yaml' : 'tosca-vnfd-hello-world.yaml'), vim_id: vimId } } });
      expect(res.status).toBe(201);
      ids.push(res.json.vnf.id);
      await new Promise((r) => setTimeout(r, 150 + Math.random() * 200));
    }
    await waitFor(async () => ids.every((id) => cacheStatusAt.get(id)?.some((s) => s.status === 'ACTIVE')), 30_000);

    const instance = new Map<string, string>();
    for (const id of ids) instance.set(id, (await call(item.GET, 'GET', `/v1.0/vnfs/${id}`, { token: admin, params: { id } })).json.vnf.instance_id);
    const createLatency = ids.map((id) => cacheStatusAt.get(id)!.find((s) => s.status === 'ACTIVE')!.at - flips.get(instance.get(id)!)!.get('CREATE_COMPLETE')!);

    for (const id of ids) expect((await call(item.DELETE, 'DELETE', `/v1.0/vnfs/${id}`, { token: admin, params: { id }, body: {} })).status).toBe(204);
    await waitFor(async () => ids.every((id) => cacheStatusAt.get(id)?.some((s) => s.status === 'GONE')), 30_000);
    const deleteLatency = ids.map((id) => cacheStatusAt.get(id)!.find((s) => s.status === 'GONE')!.at - flips.get(instance.get(id)!)!.get('DELETE_COMPLETE')!);

    const all = [...createLatency, ...deleteLatency];
    const p50 = percentile(all, 50);
    const p95 = percentile(all, 95);
    console.log(`VNF stream latency (Heat status change -> page cache), n=${all.length}: p50 ${p50} ms, p95 ${p95} ms, max ${Math.max(...all)} ms`);
    for (const l of all) expect(l).toBeGreaterThanOrEqual(0);
    expect(p95).toBeLessThanOrEqual(1000);

    // The page went through the states in order, from the stream alone.
    for (const id of ids) expect(cacheStatusAt.get(id)!.map((s) => s.status)).toEqual(['PENDING_CREATE', 'ACTIVE', 'PENDING_DELETE', 'GONE']);
    // Resource progress ("done/total") was streamed while stacks were building.
    const progress = adminStream.events.filter((e) => e.event === 'progress');
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.some((p) => p.data.total > 0 && p.data.done < p.data.total)).toBe(true);
    expect(progress.every((p) => p.data.resources.length === p.data.total)).toBe(true);
    // Events arrive too.
    const evs = adminStream.events.filter((e) => e.event === 'event').map((e) => `${e.data.event.event_type}:${e.data.event.resource_state}`);
    expect(evs.filter((e) => e === 'CREATE:ACTIVE')).toHaveLength(12);

    // Project scoping: demo saw none of it.
    expect(demoStream.events.filter((e) => e.event !== 'resync')).toEqual([]);

    // Reconnect with Last-Event-ID: the missed messages are replayed, in order.
    const middle = adminStream.events[Math.floor(adminStream.events.length / 2)];
    const again = await openStream(stream.GET, '/api/stream', admin, { 'last-event-id': middle.id! });
    await waitFor(async () => again.events.length > 0);
    await new Promise((r) => setTimeout(r, 100));
    const expected = adminStream.events.filter((e) => e.id && Number(e.id.split('-')[1]) > Number(middle.id!.split('-')[1])).map((e) => e.id);
    expect(again.events.map((e) => e.id)).toEqual(expected);
    await again.close();
    // An id from another server boot: the client is told to resync.
    const stale = await openStream(stream.GET, '/api/stream', admin, { 'last-event-id': 'deadbeef-5' });
    await waitFor(async () => stale.events.length > 0);
    expect(stale.events[0].event).toBe('resync');
    await stale.close();
  } finally {
    clearInterval(watch);
    await adminStream.close();
    await demoStream.close();
  }
}, 120_000);

it('a stream narrowed to one VNF carries only that VNF', async () => {
  const a = await call(list.POST, 'POST', '/v1.0/vnfs', { token: admin, body: { vnf: { name: 'one', vnfd_template: sample('tosca-vnfd-hello-world.yaml'), vim_id: vimId } } });
  const s = await openStream(stream.GET, `/api/stream?vnf=${a.json.vnf.id}`, admin);
  const b = await call(list.POST, 'POST', '/v1.0/vnfs', { token: admin, body: { vnf: { name: 'two', vnfd_template: sample('tosca-vnfd-hello-world.yaml'), vim_id: vimId } } });
  try {
    await waitFor(async () => s.events.some((e) => e.event === 'vnf' && e.data.vnf.status === 'ACTIVE'), 20_000);
    await waitFor(async () => (await call(item.GET, 'GET', `/v1.0/vnfs/${b.json.vnf.id}`, { token: admin, params: { id: b.json.vnf.id } })).json.vnf.status === 'ACTIVE', 20_000);
    const ids = new Set(s.events.map((e) => e.data.vnf?.id ?? e.data.vnfId ?? e.data.event?.resource_id));
    expect([...ids]).toEqual([a.json.vnf.id]);
  } finally {
    await s.close();
  }
}, 60_000);

it('changes written by another server process reach the stream through the event log', async () => {
  const { db } = await import('@/lib/server/db');
  const { recordEvent } = await import('@/lib/server/events');
  const a = await call(list.POST, 'POST', '/v1.0/vnfs', { token: admin, body: { vnf: { name: 'remote', vnfd_template: sample('tosca-vnfd-hello-world.yaml'), vim_id: vimId } } });
  const id = a.json.vnf.id;
  await waitFor(async () => (await call(item.GET, 'GET', `/v1.0/vnfs/${id}`, { token: admin, params: { id } })).json.vnf.status === 'ACTIVE', 20_000);
  const s = await openStream(stream.GET, `/api/stream?vnf=${id}`, admin);
  try {
    await new Promise((r) => setTimeout(r, 700)); // the feed has found the end of the log
    // What another process's tracker would write: status + Event in one transaction, no local publish.
    await db().$transaction(async (tx) => {
      const row = await tx.vnf.update({ where: { id }, data: { status: 'ERROR', errorReason: 'set by another process' } });
      await recordEvent(tx, { tenantId: row.tenantId, resourceId: id, resourceType: 'vnf', resourceState: 'ERROR', eventType: 'UPDATE', details: 'remote change' });
    });
    const msg = await waitFor(async () => s.events.find((e) => e.event === 'vnf' && e.data.vnf.status === 'ERROR'), 5_000);
    expect(msg.data.vnf.error_reason).toBe('set by another process');
    await waitFor(async () => s.events.find((e) => e.event === 'event' && e.data.event.event_details === 'remote change'), 5_000);
    expect(s.events.filter((e) => e.event === 'event' && e.data.event.event_details === 'remote change')).toHaveLength(1);
  } finally {
    await s.close();
  }
}, 60_000);
