import { apiRoute } from '@/lib/server/api/route';
import { showEvent } from '@/lib/server/events-query';

export const dynamic = 'force-dynamic';

export const GET = apiRoute({ name: 'events.show' }, async (ctx) => showEvent(ctx));
