import { apiRoute } from '@/lib/server/api/route';
import { ensureBusFeed } from '@/lib/server/vnfs/bus-feed';
import { vnfEventStream } from '@/lib/server/vnfs/stream';

export const dynamic = 'force-dynamic';

/**
 * GET /api/stream?vnf=<id>[&vnf=<id>...]  (no vnf = every VNF the caller may see)
 * text/event-stream of `vnf`, `vnf_deleted`, `progress` and `event` messages; reconnects send Last-Event-ID.
 */
export const GET = apiRoute({ name: 'stream' }, async (ctx) => {
  ensureBusFeed(); // changes made by other server processes, via the event log
  const vnfIds = ctx.query.getAll('vnf').flatMap((v) => v.split(',')).filter(Boolean);
  const lastEventId = ctx.req.headers.get('last-event-id') ?? ctx.query.get('lastEventId');
  const body = vnfEventStream(ctx.identity, ctx.allowed, { vnfIds }, lastEventId, ctx.req.signal);
  return new Response(body, {
    headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' },
  });
});
