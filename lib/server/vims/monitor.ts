// VIM reachability: every TRELLIS_VIM_CHECK_INTERVAL_S seconds (default 60) each live VIM is
// authenticated against; its status moves PENDING -> REACHABLE / UNREACHABLE, with a MONITOR
// event for every change (Tacker pinged the host through Mistral instead).
import { db } from '../db';
import { recordEvent } from '../events';
import { log } from '../log';
import { connectVim } from './connect';
import { onVimChanged } from './service';

export type Reachability = 'REACHABLE' | 'UNREACHABLE';

/** Checks are quick and not retried: the next round comes soon enough. */
const CHECK_HTTP = { timeoutMs: 10_000, retries: 0 };

export function checkIntervalMs(env: Record<string, string | undefined> = process.env): number {
  const raw = env.TRELLIS_VIM_CHECK_INTERVAL_S;
  const seconds = raw === undefined || raw === '' ? 60 : Number(raw);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new Error(`TRELLIS_VIM_CHECK_INTERVAL_S must be a positive number of seconds, got "${raw}"`);
  return seconds * 1000;
}

/** Authenticates against one VIM and records a status change; returns the new status (null if gone). */
export async function checkVim(vimId: string): Promise<Reachability | null> {
  const row = await db().vim.findFirst({ where: { id: vimId, deletedAt: null } });
  if (!row) return null;
  let status: Reachability = 'REACHABLE';
  let reason = 'Keystone issued a project-scoped token';
  try {
    const cloud = await connectVim(row, CHECK_HTTP);
    cloud.close();
  } catch (e) {
    status = 'UNREACHABLE';
    reason = (e as Error).message;
  }
  if (status === row.status) return status;
  await db().$transaction(async (tx) => {
    // only if nobody changed the status meanwhile (an update, a delete, another check)
    const { count } = await tx.vim.updateMany({ where: { id: row.id, status: row.status, deletedAt: null }, data: { status } });
    if (!count) return;
    await recordEvent(tx, { tenantId: row.tenantId, resourceId: row.id, resourceType: 'vim', resourceState: status, eventType: 'MONITOR', details: { previous: row.status, reason } });
  });
  log.info('vim status changed', { vim: row.id, from: row.status, to: status, reason });
  return status;
}

/** One round over all live VIMs (sequential: a few VIMs, and each check is bounded by its timeout). */
export async function checkAllVims(): Promise<void> {
  const vims = await db().vim.findMany({ where: { deletedAt: null }, select: { id: true } });
  for (const { id } of vims) {
    try {
      await checkVim(id);
    } catch (e) {
      log.error('vim check failed', { vim: id, error: (e as Error).message });
    }
  }
}

/** A check soon after a VIM was registered or got new credentials, outside the request. */
export function scheduleVimCheck(vimId: string) {
  setTimeout(() => {
    checkVim(vimId).catch((e) => log.error('vim check failed', { vim: vimId, error: (e as Error).message }));
  }, 0).unref?.();
}

let timer: NodeJS.Timeout | undefined;
let round: Promise<void> | null = null;

/** The background task: a first round at once, then one per interval (rounds never overlap). */
export async function startVimMonitor(): Promise<void> {
  const interval = checkIntervalMs();
  onVimChanged(scheduleVimCheck);
  const tick = () => {
    if (round) return;
    round = checkAllVims().finally(() => (round = null));
  };
  if (timer) clearInterval(timer);
  timer = setInterval(tick, interval);
  timer.unref?.();
  tick();
}

export function stopVimMonitor() {
  if (timer) clearInterval(timer);
  timer = undefined;
}
