import { apiRoute } from '@/lib/server/api/route';
import { vnfsUsing } from '@/lib/server/vnfds/versions';

export const dynamic = 'force-dynamic';

/** Live VNFs launched from this VNFD, with their VNFD version. */
export const GET = apiRoute({ name: 'ui.vnfds.vnfs' }, async (ctx) => vnfsUsing(ctx, ctx.params.id));
