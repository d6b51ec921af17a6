import { apiRoute } from '@/lib/server/api/route';
import { catalogSummary } from '@/lib/server/vnfds/versions';

export const dynamic = 'force-dynamic';

/** Dashboard catalog: VNFDs with version and usage counts (not part of Tacker's API). */
export const GET = apiRoute({ name: 'ui.vnfds.catalog' }, async (ctx) => catalogSummary(ctx, ctx.query.get('template_source')));
