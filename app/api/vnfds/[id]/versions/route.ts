import { apiRoute } from '@/lib/server/api/route';
import { listVersions } from '@/lib/server/vnfds/versions';

export const dynamic = 'force-dynamic';

export const GET = apiRoute({ name: 'ui.vnfds.versions' }, async (ctx) => listVersions(ctx, ctx.params.id));
