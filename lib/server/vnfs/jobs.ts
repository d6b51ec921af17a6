// Durable jobs on VNFs: what each kind carries, and how it is queued. A job is QUEUED until the
// runner has made its Heat call, WAITING while the tracker follows the stack, then DONE or FAILED.
import { randomUUID } from 'node:crypto';
import type { Tx } from '../db';

export type JobKind = 'create' | 'delete' | 'scale' | 'update';
export type JobStatus = 'QUEUED' | 'WAITING' | 'DONE' | 'FAILED';

export interface CreatePayload {
  kind: 'create';
  stackName: string;
  template: Record<string, unknown>;
  files: Record<string, string>;
  parameters: Record<string, unknown>;
  timeoutMins: number;
  /** set once Heat accepted the stack */
  stackId?: string;
  startedAt?: number;
}
export interface DeletePayload {
  kind: 'delete';
  stackId?: string;
  startedAt?: number;
}
export interface ScalePayload {
  kind: 'scale';
  type: 'out' | 'in';
  policy: string;
  /** the Heat resources: "<policy>_scale_out|in" and the group "<policy>_group" */
  policyResource: string;
  groupResource: string;
  /** 'signaling' is written before the signal, so a retry can tell whether Heat got it */
  phase?: 'signaling' | 'signaled';
  since?: number;
  groupStackId?: string;
  baseline?: string;
  startedAt?: number;
}
export interface UpdatePayload {
  kind: 'update';
  stackId?: string;
  baseline?: string;
  startedAt?: number;
}
export type JobPayload = CreatePayload | DeletePayload | ScalePayload | UpdatePayload;

export function parsePayload(text: string): JobPayload {
  return JSON.parse(text) as JobPayload;
}

export function enqueueJob(tx: Tx, vnfId: string, payload: JobPayload) {
  return tx.job.create({ data: { id: randomUUID(), vnfId, kind: payload.kind, status: 'QUEUED', payload: JSON.stringify(payload) } });
}

/** How long to wait before retrying a failed Heat call (attempt 1, 2, ...). */
export function retryDelayMs(attempt: number): number {
  return Math.min(30_000, 500 * 2 ** (attempt - 1));
}
export const MAX_ATTEMPTS = 8;
/** Scale/update settle deadline when Heat never reports a change (e.g. a scale that was a no-op). */
export const NO_CHANGE_GRACE_MS = Number(process.env.TRELLIS_SCALE_GRACE_MS || 10000);
