// The job runner: makes the one Heat call of each QUEUED job (stack create, delete, scaling
// signal, update) under the job's lease, idempotently, then hands the job to the tracker (WAITING).
// Idempotency: a create first looks the deterministic stack name up, so a retry after a crash
// adopts the stack instead of making a second one; a signal is recorded as 'signaling' first and,
// on retry, Heat's events tell whether it arrived.
import { isOpenStackError, type Cloud } from '@/lib/openstack';
import { log } from '../log';
import { recordProgress, settle } from './changes';
import { MAX_ATTEMPTS, parsePayload, retryDelayMs, type CreatePayload, type DeletePayload, type JobPayload, type ScalePayload, type UpdatePayload } from './jobs';
import { claimJobs, LostLease, newOwnerId, releaseLeases } from './lease';
import { connectVimCloud } from './vim-cloud';
import { deletedVnfCleanup } from './cleanup';
import { processTracker } from './tracker';

type ClaimedJob = Awaited<ReturnType<typeof claimJobs>>[number];

export interface RunnerOptions {
  owner?: string;
  pollMs?: number;
  concurrency?: number;
  /** Test hook, called right after the Heat call and before anything is recorded. */
  afterHeatCall?: (job: ClaimedJob) => Promise<void>;
}

/** Heat refused the request itself: retrying will not help. */
function permanent(e: unknown): boolean {
  return isOpenStackError(e) && (e.kind === 'badRequest' || e.kind === 'conflict' || e.kind === 'notFound');
}

export class JobRunner {
  readonly owner: string;
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private stopped = true;
  private readonly inFlight = new Set<string>();
  private waiters: (() => void)[] = [];

  constructor(private readonly opts: RunnerOptions = {}) {
    this.owner = opts.owner ?? newOwnerId('runner');
  }

  start() {
    this.stopped = false;
    this.schedule(0);
  }

  /** Stops taking work. `release` gives the leases back (clean shutdown); a crash does not. */
  async stop(opts: { release?: boolean } = {}) {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (opts.release) await releaseLeases(this.owner);
  }

  /** Looks for work now; resolves when that pass is over (the API waits on it for instance_id). */
  kick(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      this.schedule(0);
    });
  }

  private schedule(ms: number) {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), ms);
  }

  private async tick() {
    this.timer = null;
    if (this.running) {
      this.schedule(20);
      return;
    }
    this.running = true;
    const waiters = this.waiters;
    this.waiters = [];
    let started: Promise<void>[] = [];
    try {
      const free = (this.opts.concurrency ?? 8) - this.inFlight.size;
      if (free > 0) {
        const jobs = (await claimJobs(this.owner, ['QUEUED'], free + this.inFlight.size)).filter((j) => !this.inFlight.has(j.id)).slice(0, free);
        // Jobs run independently: one slow (or stuck) Heat call does not hold up the others.
        if (!this.stopped) started = jobs.map((j) => this.run(j));
      }
    } catch (e) {
      log.error('job runner tick failed', { error: (e as Error).stack });
    } finally {
      this.running = false;
      void Promise.allSettled(started).then(() => waiters.forEach((w) => w()));
      this.schedule(this.opts.pollMs ?? 1000);
    }
  }

  private async run(job: ClaimedJob) {
    this.inFlight.add(job.id);
    const payload = parsePayload(job.payload);
    try {
      const cloud = await connectVimCloud(job.vnf.vim, job.vnf.regionName);
      if (this.stopped) return;
      await this.step(job, payload, cloud);
    } catch (e) {
      if (e instanceof LostLease || this.stopped) return;
      await this.failed(job, payload, e);
    } finally {
      this.inFlight.delete(job.id);
    }
  }

  private async step(job: ClaimedJob, payload: JobPayload, cloud: Cloud) {
    switch (payload.kind) {
      case 'create':
        return this.create(job, payload, cloud);
      case 'delete':
        return this.delete(job, payload, cloud);
      case 'scale':
        return this.scale(job, payload, cloud);
      case 'update':
        return this.update(job, payload, cloud);
    }
  }

  private async waiting(job: ClaimedJob, payload: JobPayload, instanceId?: string) {
    if (this.opts.afterHeatCall) await this.opts.afterHeatCall(job);
    if (this.stopped) return;
    await recordProgress(job.id, this.owner, job.vnfId, { status: 'WAITING', payload: JSON.stringify({ ...payload, startedAt: payload.startedAt ?? Date.now() }), lastError: null, leaseOwner: null, leaseUntil: null }, instanceId ? { instanceId } : undefined);
    processTracker()?.kick();
  }

  private async create(job: ClaimedJob, p: CreatePayload, cloud: Cloud) {
    let stackId = p.stackId;
    if (!stackId) {
      const existing = await cloud.heat.findByName(p.stackName);
      stackId = existing
        ? existing.id
        : (await cloud.heat.create({ name: p.stackName, template: p.template, files: p.files, parameters: p.parameters, timeoutMins: p.timeoutMins, disableRollback: true })).id;
    }
    await this.waiting(job, { ...p, stackId }, stackId);
  }

  private async delete(job: ClaimedJob, p: DeletePayload, cloud: Cloud) {
    // The stack may exist without instance_id if a create crashed right after Heat took it.
    const stackId = job.vnf.instanceId ?? (await cloud.heat.findByName(job.vnf.stackName))?.id;
    if (!stackId) {
      await settle(job.id, this.owner, job.vnfId, { outcome: 'DELETED', details: 'VNF Delete Complete (no Heat stack existed)', extra: deletedVnfCleanup });
      return;
    }
    try {
      await cloud.heat.delete(stackId);
    } catch (e) {
      if (!(isOpenStackError(e) && e.kind === 'notFound')) throw e;
    }
    await this.waiting(job, { ...p, stackId });
  }

  private async scale(job: ClaimedJob, p: ScalePayload, cloud: Cloud) {
    const stack = { name: job.vnf.stackName, id: job.vnf.instanceId! };
    const group = await cloud.heat.resource(stack, p.groupResource);
    const groupStackId = group.physical_resource_id ?? undefined;
    let since = p.since;
    let baseline = p.baseline;
    if (p.phase === 'signaling') {
      // A previous attempt may have signalled already: Heat records a SIGNAL event on the policy.
      const events = await cloud.heat.events(stack, { resourceName: p.policyResource, sortDir: 'desc', limit: 20 });
      const arrived = events.some((e) => e.resource_status === 'SIGNAL_COMPLETE' && Date.parse(e.event_time.endsWith('Z') ? e.event_time : `${e.event_time}Z`) >= Math.floor((since ?? 0) / 1000) * 1000);
      if (arrived) return this.waiting(job, { ...p, phase: 'signaled', groupStackId });
    }
    if (groupStackId) {
      const before = (await cloud.heat.list({ id: [groupStackId], showNested: true }))[0];
      baseline = before ? `${before.stack_status}|${before.updated_time ?? ''}` : '';
    }
    since = Date.now();
    await recordProgress(job.id, this.owner, job.vnfId, { payload: JSON.stringify({ ...p, phase: 'signaling', since, baseline, groupStackId }) });
    await cloud.heat.signal(stack, p.policyResource);
    await this.waiting(job, { ...p, phase: 'signaled', since, baseline, groupStackId });
  }

  private async update(job: ClaimedJob, p: UpdatePayload, cloud: Cloud) {
    const stack = { name: job.vnf.stackName, id: job.vnf.instanceId! };
    const before = (await cloud.heat.list({ id: [stack.id] }))[0];
    const baseline = before ? `${before.stack_status}|${before.updated_time ?? ''}` : '';
    // PATCH with nothing changed: Heat re-runs the stack update with the stored template.
    await cloud.heat.update(stack, { parameters: {} });
    await this.waiting(job, { ...p, baseline, stackId: stack.id });
  }

  private async failed(job: ClaimedJob, payload: JobPayload, e: unknown) {
    const message = isOpenStackError(e) ? `${e.service}: ${e.message}` : (e as Error).message;
    const attempts = job.attempts + 1;
    if (permanent(e) || attempts >= MAX_ATTEMPTS) {
      log.warn('vnf job failed', { job: job.id, vnf: job.vnfId, kind: payload.kind, error: message });
      await settle(job.id, this.owner, job.vnfId, { outcome: 'ERROR', patch: { errorReason: message }, details: `VNF ${payload.kind} failed: ${message}` }).catch((err) => {
        if (!(err instanceof LostLease)) throw err;
      });
      return;
    }
    log.info('vnf job will retry', { job: job.id, vnf: job.vnfId, attempts, error: message });
    await recordProgress(job.id, this.owner, job.vnfId, { attempts, lastError: message, nextRunAt: new Date(Date.now() + retryDelayMs(attempts)) }).catch(() => {});
  }
}

const globalRunner = globalThis as unknown as { trellisJobRunner?: JobRunner };

/** The runner of this process (started by the background task). */
export function processRunner(): JobRunner | undefined {
  return globalRunner.trellisJobRunner;
}

export async function startJobRunner() {
  globalRunner.trellisJobRunner ??= new JobRunner();
  globalRunner.trellisJobRunner.start();
}
