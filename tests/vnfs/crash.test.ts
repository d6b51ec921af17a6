// Process death while 10 VNFs are in flight: the first runner/tracker stop without finishing
// (some right after Heat accepted a stack, before anything was recorded) and keep their leases;
// a new runner/tracker takes over once the leases expire, and every VNF settles with exactly one stack.
process.env.TRELLIS_JOB_LEASE_MS = '1500';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { call, startHarness, type Harness } from '../support/harness';
import { insertVim, projectOf, sample, waitFor } from './helpers';

let h: Harness;
let admin: string;
let vimId: string;

beforeAll(async () => {
  h = await startHarness({ resourceDelayMs: 150 });
  admin = await h.token('admin');
  vimId = await insertVim(h, { user: 'admin', tenantId: await projectOf(h, admin) });
});
afterAll(async () => h?.close());

it('10 VNFs in flight survive the death of the runner and tracker; one stack each', async () => {
  const { JobRunner } = await import('@/lib/server/vnfs/runner');
  const { StackTracker } = await import('@/lib/server/vnfs/tracker');
  const { settle } = await import('@/lib/server/vnfs/changes');
  const { LostLease } = await import('@/lib/server/vnfs/lease');
  const { db } = await import('@/lib/server/db');
  const list = await import('@/app/v1.0/vnfs/route');

  const ids: string[] = [];
  for (let i = 0; i < 10; i++) {
    const res = await call(list.POST, 'POST', '/v1.0/vnfs', { token: admin, body: { vnf: { name: `crash${i}`, vnfd_template: sample('tosca-vnfd-scale.yaml'), vim_id: vimId } } });
    expect(res.status).toBe(201);
    expect(res.json.vnf.instance_id).toBeNull(); // no runner in this process yet: nothing sent to Heat
    ids.push(res.json.vnf.id);
  }

  // First process: half of the creates "die" right after Heat accepted the stack (the step never returns).
  let n = 0;
  const hung: string[] = [];
  const runnerA = new JobRunner({ pollMs: 100, afterHeatCall: async (job) => {
    if (n++ % 2 === 0) {
      hung.push(job.vnfId);
      await new Promise(() => {}); // frozen process
    }
  } });
  const trackerA = new StackTracker({ claimEveryMs: 100 });
  runnerA.start();
  trackerA.start();
  await waitFor(async () => Object.values(h.sandbox.store.state.heat.stacks).filter((s) => !s.parentStackId).length === 10, 15_000);
  await new Promise((r) => setTimeout(r, 200));
  // Death: stop without releasing leases.
  await runnerA.stop();
  await trackerA.stop();
  const atCrash = await db().vnf.findMany({ where: { id: { in: ids } } });
  const inFlight = atCrash.filter((v) => v.status === 'PENDING_CREATE').length;
  expect(hung).toHaveLength(5);
  expect(inFlight).toBeGreaterThanOrEqual(5);
  expect(atCrash.filter((v) => hung.includes(v.id)).every((v) => v.instanceId === null)).toBe(true);

  // Second process.
  const runnerB = new JobRunner({ pollMs: 100 });
  const trackerB = new StackTracker({ claimEveryMs: 100 });
  runnerB.start();
  trackerB.start();
  try {
    const settled = await waitFor(async () => {
      const rows = await db().vnf.findMany({ where: { id: { in: ids } } });
      return rows.every((v) => v.status === 'ACTIVE') ? rows : null;
    }, 30_000);

    const topStacks = Object.values(h.sandbox.store.state.heat.stacks).filter((s) => !s.parentStackId);
    expect(topStacks).toHaveLength(10);
    for (const v of settled) {
      const mine = topStacks.filter((s) => s.name === v.stackName);
      expect(mine).toHaveLength(1);
      expect(mine[0].id).toBe(v.instanceId);
      expect(JSON.parse(v.mgmtUrl!).VDU1).toHaveLength(2);
      const events = await db().event.findMany({ where: { resourceId: v.id }, orderBy: { id: 'asc' } });
      expect(events.map((e) => e.resourceState)).toEqual(['PENDING_CREATE', 'ACTIVE']);
    }
    const jobs = await db().job.findMany({ where: { vnfId: { in: ids } } });
    expect(jobs.every((j) => j.status === 'DONE' && j.leaseOwner === null)).toBe(true);

    // The dead process's owner id is fenced out: it can no longer write for any of these jobs.
    await expect(settle(jobs[0].id, runnerA.owner, jobs[0].vnfId, { outcome: 'ERROR', details: 'stale' })).rejects.toBeInstanceOf(LostLease);
    // Details were read once per settled stack; the polling itself is list calls only.
    expect(trackerB.stats.detailReads + trackerA.stats.detailReads).toBe(10);
  } finally {
    await runnerB.stop({ release: true });
    await trackerB.stop({ release: true });
  }
}, 90_000);
