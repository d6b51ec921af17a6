// Benchmark: latency from a Heat stack status change in the sandbox to the moment a subscriber's
// react-query cache (what the page renders) shows the new VNF status, through the SSE stream.
//   npx tsx bench/vnf-stream.ts [vnfs=20] [resourceDelayMs=150]
// Prints p50/p95/max for CREATE_COMPLETE -> ACTIVE and DELETE_COMPLETE -> removed, and the
// tracker's Heat call counts (one stack list per VIM per poll; details only for changed stacks).
import { QueryClient } from '@tanstack/react-query';
import { call, startHarness } from '../tests/support/harness';
import { insertVim, projectOf, sample, waitFor } from '../tests/vnfs/helpers';
import { openStream } from '../tests/vnfs/sse';

/** Runs the measurement; returns the overall p95 in ms. */
export async function benchVnfStream(count = 20, delay = 150): Promise<number> {
  const h = await startHarness({ resourceDelayMs: delay });
  const admin = await h.token('admin');
  const vimId = await insertVim(h, { user: 'admin', tenantId: await projectOf(h, admin) });
  const { startJobRunner, processRunner } = await import('../lib/server/vnfs/runner');
  const { startStackTracker, processTracker } = await import('../lib/server/vnfs/tracker');
  const { applyStreamMessage, vnfKeys } = await import('../lib/client/stream');
  const stream = await import('../app/api/stream/route');
  const list = await import('../app/v1.0/vnfs/route');
  const item = await import('../app/v1.0/vnfs/[id]/route');
  await startJobRunner();
  await startStackTracker();

  const page = new QueryClient();
  page.setQueryData(vnfKeys.list, []);
  const shown = new Map<string, Map<string, number>>();
  const sub = await openStream(stream.GET, '/api/stream', admin);
  sub.onEvent((e) => {
    if (!['vnf', 'vnf_deleted', 'progress', 'event'].includes(e.event)) return;
    applyStreamMessage(page, { kind: e.event, ...e.data } as never);
    const now = Date.now();
    for (const v of page.getQueryData<{ id: string; status: string }[]>(vnfKeys.list) ?? []) {
      const m = shown.get(v.id) ?? new Map<string, number>();
      if (!m.has(v.status)) m.set(v.status, now);
      shown.set(v.id, m);
    }
    if (e.event === 'vnf_deleted') shown.get(e.data.vnfId)?.set('GONE', now);
  });
  const flips = new Map<string, Map<string, number>>();
  const watch = setInterval(() => {
    for (const s of Object.values(h.sandbox.store.state.heat.stacks)) {
      if (s.parentStackId) continue;
      const m = flips.get(s.id) ?? new Map<string, number>();
      const st = `${s.action}_${s.status}`;
      if (!m.has(st)) m.set(st, Date.now());
      flips.set(s.id, m);
    }
  }, 2);

  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const res = await call(list.POST, 'POST', '/v1.0/vnfs', { token: admin, body: { vnf: { name: `bench${i}`, vnfd_template: sample(i % 4 === 0 ? 'tosca-vnfd-scale.yaml' : 'tosca-vnfd-hello-world.yaml'), vim_id: vimId } } });
    if (res.status !== 201) throw new Error(`launch ${i}: ${res.status} ${res.text}`);
    ids.push(res.json.vnf.id);
    await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
  }
  await waitFor(async () => ids.every((id) => shown.get(id)?.has('ACTIVE')), 120_000);
  const instance = new Map<string, string>();
  for (const id of ids) instance.set(id, (await call(item.GET, 'GET', `/v1.0/vnfs/${id}`, { token: admin, params: { id } })).json.vnf.instance_id);
  for (const id of ids) await call(item.DELETE, 'DELETE', `/v1.0/vnfs/${id}`, { token: admin, params: { id }, body: {} });
  await waitFor(async () => ids.every((id) => shown.get(id)?.has('GONE')), 120_000);
  clearInterval(watch);

  const lat = (from: string, to: string) => ids.map((id) => shown.get(id)!.get(to)! - flips.get(instance.get(id)!)!.get(from)!).sort((a, b) => a - b);
  const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];
  for (const [label, xs] of [['CREATE_COMPLETE -> ACTIVE', lat('CREATE_COMPLETE', 'ACTIVE')], ['DELETE_COMPLETE -> removed', lat('DELETE_COMPLETE', 'GONE')]] as const) {
    console.log(`${label}: n=${xs.length} p50 ${pct(xs, 50)} ms  p95 ${pct(xs, 95)} ms  max ${xs.at(-1)} ms`);
  }
  const all = [...lat('CREATE_COMPLETE', 'ACTIVE'), ...lat('DELETE_COMPLETE', 'GONE')].sort((a, b) => a - b);
  console.log(`all: p95 ${pct(all, 95)} ms (target <= 1000 ms)`);
  console.log('tracker:', processTracker()!.stats);

  await sub.close();
  await processRunner()?.stop();
  await processTracker()?.stop();
  await h.close();
  return pct(all, 95);
}

if (require.main === module) {
  benchVnfStream(Number(process.argv[2] ?? 20), Number(process.argv[3] ?? 150)).then(
    (p95) => process.exit(p95 <= 1000 ? 0 : 1),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
