// Changes made by OTHER server processes reach this process's stream subscribers through the
// database: the Event table (written in the same transaction as every VNF status change) is
// tailed while someone is subscribed. Changes made here are published directly and skipped.
import { db } from '../db';
import { vnfBus } from './bus';
import { publishVnf } from './changes';
import { log } from '../log';

const FEED_EVERY_MS = Number(process.env.TRELLIS_STREAM_FEED_MS || 300);
const globalFeed = globalThis as unknown as { trellisVnfBusFeed?: { timer: NodeJS.Timeout } };

export function ensureBusFeed() {
  if (globalFeed.trellisVnfBusFeed) return;
  let lastId: number | null = null;
  let busy = false;
  const timer = setInterval(async () => {
    if (busy) return;
    busy = true;
    try {
      const bus = vnfBus();
      if (lastId === null || bus.subscriberCount === 0) {
        // nobody listening: just remember where the log ends
        lastId = (await db().event.aggregate({ _max: { id: true } }))._max.id ?? 0;
        return;
      }
      const events = await db().event.findMany({ where: { id: { gt: lastId }, resourceType: 'vnf' }, orderBy: { id: 'asc' }, take: 200 });
      for (const e of events) {
        lastId = e.id;
        if (bus.takeLocal(e.id)) continue;
        const row = await db().vnf.findUnique({ where: { id: e.resourceId } });
        if (row) await publishVnf(row, [e]);
      }
    } catch (e) {
      log.warn('vnf stream feed failed', { error: (e as Error).message });
    } finally {
      busy = false;
    }
  }, FEED_EVERY_MS);
  timer.unref();
  globalFeed.trellisVnfBusFeed = { timer };
}

export function stopBusFeed() {
  if (globalFeed.trellisVnfBusFeed) clearInterval(globalFeed.trellisVnfBusFeed.timer);
  globalFeed.trellisVnfBusFeed = undefined;
}
