// Every VNF status change goes through here: the row, its Event and the job's end are written in
// one transaction (fenced on the job lease), then the change is published to the stream.
import { db, type Tx } from '../db';
import { eventView, recordEvent } from '../events';
import { fenced } from './lease';
import { vnfBus } from './bus';
import { canSettle, eventTypeFor, type VnfState } from '@/lib/lifecycle/vnf-states';
import { vnfView, type VnfRow } from './view';

type EventRow = Awaited<ReturnType<typeof recordEvent>>;

export async function publishVnf(row: VnfRow, events: EventRow[] = [], at = Date.now()) {
  const bus = vnfBus();
  const vim = await db().vim.findUnique({ where: { id: row.vimId }, select: { id: true, name: true } });
  if (row.deletedAt) bus.publish(row.tenantId, row.id, { kind: 'vnf_deleted', vnfId: row.id }, at);
  else bus.publish(row.tenantId, row.id, { kind: 'vnf', vnf: vnfView(row, vim) }, at);
  for (const e of events) bus.publish(row.tenantId, row.id, { kind: 'event', event: eventView(e) }, at);
}

export interface Settlement {
  outcome: VnfState | 'DELETED';
  patch?: Partial<Pick<VnfRow, 'mgmtUrl' | 'errorReason' | 'instanceId' | 'attributes'>>;
  details: string;
  /** ms timestamp when the tracker saw the Heat change (for latency figures) */
  observedAt?: number;
  /** extra writes in the same transaction (e.g. deleting an inline VNFD) */
  extra?: (tx: Tx, vnf: VnfRow) => Promise<void>;
}

/**
 * Settles the pending VNF of `jobId` (held by `owner`). Returns false (and writes nothing)
 * when the VNF is no longer in a state this settlement may leave.
 */
export async function settle(jobId: string, owner: string, vnfId: string, s: Settlement): Promise<boolean> {
  const result = await fenced(jobId, owner, async (tx) => {
    const vnf = await tx.vnf.findUnique({ where: { id: vnfId } });
    if (!vnf || !canSettle(vnf.status, s.outcome)) {
      await tx.job.update({ where: { id: jobId }, data: { status: 'FAILED', lastError: `VNF is ${vnf?.status ?? 'gone'}; cannot settle to ${s.outcome}`, leaseOwner: null, leaseUntil: null } });
      return null;
    }
    const failed = s.outcome === 'ERROR';
    const row = await tx.vnf.update({
      where: { id: vnfId },
      data: {
        ...s.patch,
        status: s.outcome === 'DELETED' ? 'PENDING_DELETE' : s.outcome,
        ...(s.outcome === 'DELETED' ? { deletedAt: new Date() } : {}),
        ...(failed ? {} : { errorReason: s.patch?.errorReason ?? null }),
      },
    });
    await tx.job.update({ where: { id: jobId }, data: { status: failed ? 'FAILED' : 'DONE', lastError: failed ? s.patch?.errorReason ?? null : null, leaseOwner: null, leaseUntil: null } });
    const event = await recordEvent(tx, {
      tenantId: vnf.tenantId,
      resourceId: vnf.id,
      resourceType: 'vnf',
      resourceState: s.outcome === 'DELETED' ? 'PENDING_DELETE' : s.outcome,
      eventType: eventTypeFor(vnf.status),
      details: s.details,
    });
    vnfBus().markLocal(event.id);
    if (s.extra) await s.extra(tx, row);
    return { row, event };
  });
  if (!result) return false;
  await publishVnf(result.row, [result.event], s.observedAt);
  return true;
}

/** A non-status change by the job (instance_id known, payload progress), fenced on the lease. */
export async function recordProgress(jobId: string, owner: string, vnfId: string, jobData: { status?: string; payload?: string; attempts?: number; nextRunAt?: Date; lastError?: string | null; leaseOwner?: null; leaseUntil?: null }, vnfData?: Partial<Pick<VnfRow, 'instanceId'>>) {
  const row = await fenced(jobId, owner, async (tx) => {
    await tx.job.update({ where: { id: jobId }, data: jobData });
    return vnfData ? tx.vnf.update({ where: { id: vnfId }, data: vnfData }) : null;
  });
  if (row) await publishVnf(row);
}
