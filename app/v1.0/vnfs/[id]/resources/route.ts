import { apiRoute } from '@/lib/server/api/route';
import { findVnfFor } from '@/lib/server/vnfs/queries';
import { vnfResources } from '@/lib/server/vnfs/mapping';

export const dynamic = 'force-dynamic';

/** GET /v1.0/vnfs/{id}/resources: the stack's resources as {name, type, id}. */
export const GET = apiRoute({ name: 'vnfs.resources' }, async (ctx) => {
  const { row } = await findVnfFor(ctx, ctx.params.id, 'get_vnf_resources');
  return { resources: await vnfResources(row) };
});
