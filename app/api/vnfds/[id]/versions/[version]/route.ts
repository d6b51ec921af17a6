import { apiRoute } from '@/lib/server/api/route';
import { showVersion } from '@/lib/server/vnfds/versions';

export const dynamic = 'force-dynamic';

/** One version's template text. */
export const GET = apiRoute({ name: 'ui.vnfds.version' }, async (ctx) => showVersion(ctx, ctx.params.id, ctx.params.version));
