import { apiRoute } from '@/lib/server/api/route';
import { listEvents } from '@/lib/server/events-query';

export const dynamic = 'force-dynamic';

/** GET /v1.0/events?resource_id=&resource_type=&event_type=&limit=&marker= (newest first). */
export const GET = apiRoute({ name: 'events.list' }, async (ctx) => listEvents(ctx));
