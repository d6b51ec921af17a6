// The stack tracker: follows every WAITING job's Heat stack until its VNF settles.
// Per VIM (+ region) it makes ONE stack list call per tick, filtered by the stack ids it follows,
// backs off while nothing changes, and reads details (outputs, members) only of stacks whose
// status changed. Jobs are held under database leases, so after a restart (or in another
// process, once the leases expire) the work resumes where it was.
import { isOpenStackError, type Cloud, type StackSummary } from '@/lib/openstack';
import { log } from '../log';
import { vnfBus } from './bus';
import { settle } from './changes';
import { deletedVnfCleanup } from './cleanup';
import { NO_CHANGE_GRACE_MS, parsePayload, type JobPayload } from './jobs';
import { claimJobs, LostLease, newOwnerId, releaseLeases } from './lease';
import { mgmtUrl } from './mgmt';
import { parseAttributes } from './view';
import { connectVimCloud } from './vim-cloud';

type ClaimedJob = Awaited<ReturnType<typeof claimJobs>>[number];

export interface TrackerOptions {
  owner?: string;
  /** fastest poll per VIM (after a change) */
  minIntervalMs?: number;
  /** slowest poll per VIM (after a quiet spell) */
  maxIntervalMs?: number;
  claimEveryMs?: number;
}

interface Group {
  key: string;
  nextPollAt: number;
  intervalMs: number;
}

export interface TrackerStats {
  listCalls: number;
  detailReads: number;
  ticks: number;
}

const TICK_MS = 25;
/** Scale, update and delete give up like a create does (Tacker: stack_retries x stack_retry_wait). */
const ACTION_TIMEOUT_MINS = Number(process.env.TRELLIS_STACK_TIMEOUT_MINS || 10);
const PROGRESS_EVERY_MS = 300;

export class StackTracker {
  readonly owner: string;
  readonly stats: TrackerStats = { listCalls: 0, detailReads: 0, ticks: 0 };
  private readonly minMs: number;
  private readonly maxMs: number;
  private readonly claimEveryMs: number;
  private timer: NodeJS.Timeout | null = null;
  private stopped = true;
  private busy = false;
  private lastClaimAt = 0;
  private jobs: ClaimedJob[] = [];
  private readonly groups = new Map<string, Group>();
  /** job id -> "status|updated_time" last seen */
  private readonly seen = new Map<string, string>();
  private readonly progressAt = new Map<string, number>();
  private readonly progressInFlight = new Set<string>();

  constructor(opts: TrackerOptions = {}) {
    this.owner = opts.owner ?? newOwnerId('tracker');
    this.minMs = opts.minIntervalMs ?? Number(process.env.TRELLIS_TRACKER_MIN_MS || 100);
    this.maxMs = opts.maxIntervalMs ?? Number(process.env.TRELLIS_TRACKER_MAX_MS || 300);
    this.claimEveryMs = opts.claimEveryMs ?? 250;
  }

  start() {
    this.stopped = false;
    this.schedule();
  }

  async stop(opts: { release?: boolean } = {}) {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (opts.release) await releaseLeases(this.owner);
  }

  /** New WAITING work: claim it on the next tick. */
  kick() {
    this.lastClaimAt = 0;
  }

  private schedule() {
    if (!this.stopped) this.timer = setTimeout(() => void this.tick(), TICK_MS);
  }

  private async tick() {
    if (this.busy || this.stopped) return this.schedule();
    this.busy = true;
    this.stats.ticks++;
    try {
      const now = Date.now();
      if (now - this.lastClaimAt >= this.claimEveryMs) {
        this.lastClaimAt = now;
        this.jobs = await claimJobs(this.owner, ['WAITING'], 500);
      }
      const byGroup = new Map<string, ClaimedJob[]>();
      for (const j of this.jobs) {
        const key = `${j.vnf.vimId}|${j.vnf.regionName ?? ''}`;
        byGroup.set(key, [...(byGroup.get(key) ?? []), j]);
      }
      for (const key of this.groups.keys()) if (!byGroup.has(key)) this.groups.delete(key);
      await Promise.all(
        [...byGroup].map(async ([key, jobs]) => {
          const group = this.groups.get(key) ?? { key, nextPollAt: 0, intervalMs: this.minMs };
          this.groups.set(key, group);
          if (group.nextPollAt > Date.now()) return;
          let failed = false;
          const changed = await this.poll(jobs).catch((e) => {
            failed = true;
            log.warn('stack tracker poll failed', { vim: key, error: isOpenStackError(e) ? e.message : (e as Error).stack });
            return false;
          });
          // An unreachable VIM is retried less and less often (up to every 10 s), not every tick.
          group.intervalMs = failed ? Math.min(10_000, Math.max(1000, group.intervalMs * 2)) : changed ? this.minMs : Math.min(this.maxMs, Math.round(group.intervalMs * 1.5));
          group.nextPollAt = Date.now() + group.intervalMs;
        }),
      );
    } catch (e) {
      log.error('stack tracker tick failed', { error: (e as Error).stack });
    } finally {
      this.busy = false;
      this.schedule();
    }
  }

  /** One list call for the jobs of one VIM; returns whether any followed stack changed. */
  private async poll(jobs: ClaimedJob[]): Promise<boolean> {
    const cloud = await connectVimCloud(jobs[0].vnf.vim, jobs[0].vnf.regionName);
    const watched = jobs.map((j) => ({ job: j, payload: parsePayload(j.payload) })).map((w) => ({ ...w, stackId: watchedStack(w.payload) }));
    const ids = [...new Set(watched.map((w) => w.stackId).filter((id): id is string => !!id))];
    if (!ids.length) return false;
    this.stats.listCalls++;
    const stacks = await cloud.heat.list({ id: ids, showDeleted: true, showNested: watched.some((w) => w.payload.kind === 'scale') });
    const observedAt = Date.now();
    const byId = new Map(stacks.map((s) => [s.id, s]));
    let changed = false;
    for (const w of watched) {
      if (this.stopped) break;
      const stack = w.stackId ? byId.get(w.stackId) : undefined;
      const key = stack ? `${stack.stack_status}|${stack.updated_time ?? ''}` : 'MISSING';
      const isNew = this.seen.get(w.job.id) !== key;
      if (isNew) {
        changed = true;
        this.seen.set(w.job.id, key);
      }
      try {
        const done = await this.handle(cloud, w.job, w.payload, stack, key, isNew, observedAt);
        if (done) {
          this.seen.delete(w.job.id);
          this.progressAt.delete(w.job.id);
          this.jobs = this.jobs.filter((j) => j.id !== w.job.id);
        } else if (stack?.stack_status.endsWith('IN_PROGRESS')) {
          // Not awaited: resource progress must never delay the detection of status changes.
          this.publishProgress(cloud, w.job, stack);
        }
      } catch (e) {
        if (e instanceof LostLease) {
          this.jobs = this.jobs.filter((j) => j.id !== w.job.id);
          continue;
        }
        log.warn('stack tracker could not settle a VNF', { vnf: w.job.vnfId, error: isOpenStackError(e) ? e.message : (e as Error).stack });
      }
    }
    return changed;
  }

  /** Acts on one followed stack; true when the VNF settled. */
  private async handle(cloud: Cloud, job: ClaimedJob, p: JobPayload, stack: StackSummary | undefined, key: string, isNew: boolean, observedAt: number): Promise<boolean> {
    const status = stack?.stack_status ?? 'MISSING';
    const reason = stack?.stack_status_reason ?? '';
    const elapsed = Date.now() - (p.startedAt ?? Date.now());
    const s = (outcome: 'ACTIVE' | 'ERROR' | 'DELETED', details: string, patch: Parameters<typeof settle>[3]['patch'] = {}, extra?: Parameters<typeof settle>[3]['extra']) =>
      settle(job.id, this.owner, job.vnfId, { outcome, details, patch, observedAt, extra }).then(() => true);

    const timeoutMins = p.kind === 'create' ? p.timeoutMins : ACTION_TIMEOUT_MINS;
    if (p.kind !== 'create' && status.endsWith('IN_PROGRESS') && elapsed > timeoutMins * 60_000) {
      const msg = `Stack ${p.kind} timed out after ${timeoutMins} minutes (Heat status ${status})`;
      return s('ERROR', `VNF ${p.kind} failed: ${msg}`, { errorReason: msg });
    }
    switch (p.kind) {
      case 'create': {
        if (status === 'CREATE_COMPLETE') {
          this.stats.detailReads++;
          const detail = await cloud.heat.get({ name: stack!.stack_name, id: stack!.id });
          return s('ACTIVE', 'VNF status updated: stack CREATE_COMPLETE', { mgmtUrl: await mgmtUrl(cloud, detail, scalingGroups(job)), errorReason: null });
        }
        if (status === 'CREATE_FAILED') return s('ERROR', `VNF create failed: ${reason}`, { errorReason: reason || 'Heat stack create failed' });
        if (status === 'MISSING') return s('ERROR', 'VNF create failed: Heat stack disappeared', { errorReason: `Heat stack ${p.stackId} no longer exists` });
        if (elapsed > p.timeoutMins * 60_000) {
          const msg = `Stack create timed out after ${p.timeoutMins} minutes (Heat status ${status})`;
          return s('ERROR', `VNF create failed: ${msg}`, { errorReason: msg });
        }
        return false;
      }
      case 'delete': {
        if (status === 'DELETE_COMPLETE' || status === 'MISSING') return s('DELETED', 'VNF Delete Complete', {}, deletedVnfCleanup);
        if (status === 'DELETE_FAILED') return s('ERROR', `VNF delete failed: ${reason}`, { errorReason: reason || 'Heat stack delete failed' });
        return false;
      }
      case 'update':
      case 'scale': {
        const moved = key !== p.baseline;
        if (status.endsWith('_FAILED')) return s('ERROR', `VNF ${p.kind} failed: ${reason}`, { errorReason: reason || `Heat stack ${p.kind} failed` });
        const settledWithChange = moved && status.endsWith('_COMPLETE');
        const quiet = !isNew && !status.endsWith('IN_PROGRESS') && elapsed > NO_CHANGE_GRACE_MS;
        if (!settledWithChange && !quiet) return false;
        if (p.kind === 'update') return s('ACTIVE', settledWithChange ? 'VNF configuration updated' : 'VNF configuration updated (Heat reported no change)');
        this.stats.detailReads++;
        const top = await cloud.heat.get({ name: job.vnf.stackName, id: job.vnf.instanceId! });
        const details = settledWithChange ? `VNF scaled ${p.type} by policy ${p.policy}` : `VNF scale ${p.type} by policy ${p.policy}: no change (group at its limit or in cooldown)`;
        return s('ACTIVE', details, { mgmtUrl: await mgmtUrl(cloud, top, scalingGroups(job)) });
      }
    }
  }

  /** "4/7 resources created" for the stream, only while someone is watching; one fetch per VNF at a time. */
  private publishProgress(cloud: Cloud, job: ClaimedJob, stack: StackSummary) {
    if (vnfBus().subscriberCount === 0 || this.progressInFlight.has(job.id)) return;
    const last = this.progressAt.get(job.id) ?? 0;
    if (Date.now() - last < PROGRESS_EVERY_MS) return;
    this.progressAt.set(job.id, Date.now());
    this.progressInFlight.add(job.id);
    const top = { name: job.vnf.stackName, id: job.vnf.instanceId ?? stack.id };
    cloud.heat
      .resources(top, { nestedDepth: 3 })
      .then((resources) => {
        if (this.stopped || !this.jobs.some((j) => j.id === job.id)) return; // settled meanwhile: stale
        const action = stack.stack_status.split('_')[0];
        const done = resources.filter((r) => r.resource_status === `${action}_COMPLETE` || (action === 'UPDATE' && r.resource_status === 'CREATE_COMPLETE')).length;
        vnfBus().publish(job.vnf.tenantId, job.vnfId, {
          kind: 'progress',
          vnfId: job.vnfId,
          stackStatus: stack.stack_status,
          done,
          total: resources.length,
          resources: resources.map((r) => ({ name: r.resource_name, type: r.resource_type, status: r.resource_status, ...(r.parent_resource ? { parent: r.parent_resource } : {}) })),
        });
      })
      .catch(() => {})
      .finally(() => this.progressInFlight.delete(job.id));
  }
}

function watchedStack(p: JobPayload): string | undefined {
  if (p.kind === 'scale') return p.groupStackId;
  return p.stackId;
}

function scalingGroups(job: ClaimedJob): string[] {
  const text = parseAttributes(job.vnf.attributes).scaling_group_names;
  if (!text) return [];
  try {
    return Object.values(JSON.parse(text) as Record<string, string>);
  } catch {
    return [];
  }
}

const globalTracker = globalThis as unknown as { trellisStackTracker?: StackTracker };

export function processTracker(): StackTracker | undefined {
  return globalTracker.trellisStackTracker;
}

export async function startStackTracker() {
  globalTracker.trellisStackTracker ??= new StackTracker();
  globalTracker.trellisStackTracker.start();
}
