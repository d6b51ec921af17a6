// Connection settings of the running rig (exported by scripts/test-openstack.sh from
// $RIG_STATE/admin-openrc) and small bounded polling helpers.
import fs from 'node:fs';
import path from 'node:path';
import { Cloud, OpenStackError, type CloudConnectOptions, type StackRef } from '@/lib/openstack';

export const rigAvailable = Boolean(process.env.OS_AUTH_URL && process.env.OS_PASSWORD);
export const novaAvailable = rigAvailable && process.env.RIG_NOVA === '1';
if (!rigAvailable) {
  console.log('[tests-openstack] skipped: OS_AUTH_URL / OS_PASSWORD not set (run `npm run test:openstack`, which starts the rig)');
}

export const kitTemplates = path.join(process.env.RIG_KIT ?? path.resolve(__dirname, '../../shared/openstack-rig'), 'templates');

export function adminOptions(): CloudConnectOptions {
  return {
    authUrl: process.env.OS_AUTH_URL ?? '',
    username: process.env.OS_USERNAME ?? 'admin',
    password: process.env.OS_PASSWORD ?? '',
    userDomainName: process.env.OS_USER_DOMAIN_NAME ?? 'Default',
    projectName: process.env.OS_PROJECT_NAME ?? 'admin',
    projectDomainName: process.env.OS_PROJECT_DOMAIN_NAME ?? 'Default',
    region: process.env.OS_REGION_NAME,
    timeoutMs: 60_000,
  };
}

export function connectAdmin(extra: Partial<CloudConnectOptions> = {}): Promise<Cloud> {
  return Cloud.connect({ ...adminOptions(), ...extra });
}

/** Poll `probe` every `intervalMs` until it returns a value other than undefined; bounded by `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 120_000, intervalMs = 1000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown = undefined;
  while (Date.now() < deadline) {
    try {
      const v = await probe();
      if (v !== undefined) return v;
    } catch (e) {
      if ((e as { fatal?: boolean }).fatal) throw e; // e.g. the stack went *_FAILED: no point waiting
      last = e;
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${(last as Error).message})` : ''}`);
}

/** Unique stack names so reruns against a kept rig never collide. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}

/**
 * Delete a stack and wait until Heat reports it DELETE_COMPLETE (or no longer knows it).
 * The rig's Nova runs on SQLite and now and then answers a server delete with HTTP 500
 * "database is locked" (nova-api.log), which leaves the stack DELETE_FAILED; an operator
 * re-issues the delete, and so do we (at most `attempts` times, each logged).
 */
export async function deleteStackAndWait(cloud: Cloud, ref: StackRef, attempts = 3): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    await cloud.heat.delete(ref);
    const outcome = await waitFor('stack deletion', async () => {
      try {
        const s = await cloud.heat.get(ref);
        if (s.stack_status === 'DELETE_FAILED') return `DELETE_FAILED: ${s.stack_status_reason}`;
        return s.stack_status === 'DELETE_COMPLETE' ? 'DELETE_COMPLETE' : undefined;
      } catch (e) {
        if (e instanceof OpenStackError && e.kind === 'notFound') return 'gone';
        throw e;
      }
    }, 180_000, 1500);
    if (!outcome.startsWith('DELETE_FAILED')) return outcome;
    console.log(`[tests-openstack] stack delete attempt ${attempt} failed on the rig side (${outcome})`);
    if (attempt >= attempts) return 'DELETE_FAILED';
  }
}

// ---------------------------------------------------------------- rig-side failures
//
// The rig runs Nova and Heat on SQLite. On a busy machine they sometimes fail internally with
// "(sqlite3.OperationalError) database is locked" (nova-conductor / nova-compute / nova-api
// logs): a server build then errors or hangs in BUILD, which no client can cause or fix.
// Scenarios that create servers may be retried once when, and only when, the rig's own logs
// show that error during the attempt.

const RIG_LOGS = ['nova-api.log', 'nova-conductor.log', 'nova-compute.log', 'nova-scheduler.log', 'nova-compute.stdout', 'heat.log'];

function logDir(): string | null {
  return process.env.RIG_STATE ? path.join(process.env.RIG_STATE, 'log') : null;
}

/** Current sizes of the rig's service logs (a mark to compare against later). */
export function markRigLogs(): Record<string, number> {
  const dir = logDir();
  const mark: Record<string, number> = {};
  if (!dir) return mark;
  for (const f of RIG_LOGS) {
    try {
      mark[f] = fs.statSync(path.join(dir, f)).size;
    } catch {
      mark[f] = 0;
    }
  }
  return mark;
}

/** The first rig log that reported "database is locked" since `mark`, or null. */
export function rigDatabaseLockedSince(mark: Record<string, number>): string | null {
  const dir = logDir();
  if (!dir) return null;
  for (const f of RIG_LOGS) {
    const file = path.join(dir, f);
    let fd: number | null = null;
    try {
      const size = fs.statSync(file).size;
      const from = Math.min(mark[f] ?? 0, size);
      const len = Math.min(size - from, 8 * 1024 * 1024);
      fd = fs.openSync(file, 'r');
      const buf = Buffer.alloc(len);
      fs.readSync(fd, buf, 0, len, from);
      if (buf.toString('utf8').includes('database is locked')) return f;
    } catch {
      /* log not there: nothing to report */
    } finally {
      if (fd !== null) fs.closeSync(fd);
    }
  }
  return null;
}
