// Database leases on jobs: a process may only drive a job while it holds the lease, so two
// processes never drive the same VNF. Claims are single UPDATE statements (atomic on SQLite and
// PostgreSQL); every write that finishes a step is fenced on the owner (see `fenced`).
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { db, type Tx } from '../db';

export const LEASE_MS = Number(process.env.TRELLIS_JOB_LEASE_MS || 15_000);

export function newOwnerId(role: string): string {
  return `${hostname()}:${process.pid}:${role}:${randomUUID().slice(0, 8)}`;
}

export class LostLease extends Error {
  constructor(jobId: string) {
    super(`lease on job ${jobId} was lost`);
  }
}

/** Takes (or renews) the lease on up to `limit` due jobs in `statuses`; returns the jobs now held. */
export async function claimJobs(owner: string, statuses: string[], limit = 50, leaseMs = LEASE_MS) {
  const now = new Date();
  const due = await db().job.findMany({
    where: {
      status: { in: statuses },
      nextRunAt: { lte: now },
      OR: [{ leaseOwner: null }, { leaseUntil: null }, { leaseUntil: { lt: now } }, { leaseOwner: owner }],
    },
    select: { id: true },
    orderBy: { createdAt: 'asc' },
    take: limit,
  });
  if (!due.length) return [];
  // The WHERE is evaluated again by the UPDATE itself: a job another process claimed meanwhile is skipped.
  await db().job.updateMany({
    where: {
      id: { in: due.map((j) => j.id) },
      status: { in: statuses },
      OR: [{ leaseOwner: null }, { leaseUntil: null }, { leaseUntil: { lt: now } }, { leaseOwner: owner }],
    },
    data: { leaseOwner: owner, leaseUntil: new Date(now.getTime() + leaseMs) },
  });
  return db().job.findMany({ where: { id: { in: due.map((j) => j.id) }, leaseOwner: owner, status: { in: statuses } }, include: { vnf: { include: { vim: true } } } });
}

export async function renewLeases(owner: string, jobIds: string[], leaseMs = LEASE_MS) {
  if (!jobIds.length) return;
  await db().job.updateMany({ where: { id: { in: jobIds }, leaseOwner: owner }, data: { leaseUntil: new Date(Date.now() + leaseMs) } });
}

/** Runs `fn` in a transaction that first proves this process still holds the job's lease. */
export async function fenced<T>(jobId: string, owner: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db().$transaction(async (tx) => {
    const held = await tx.job.updateMany({ where: { id: jobId, leaseOwner: owner }, data: { leaseUntil: new Date(Date.now() + LEASE_MS) } });
    if (held.count !== 1) throw new LostLease(jobId);
    return fn(tx);
  });
}

/** Gives up every lease of `owner` (clean shutdown; a crash leaves them to expire instead). */
export async function releaseLeases(owner: string) {
  await db().job.updateMany({ where: { leaseOwner: owner }, data: { leaseOwner: null, leaseUntil: null } });
}
