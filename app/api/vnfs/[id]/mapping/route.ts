import { apiRoute } from '@/lib/server/api/route';
import { vnfMapping } from '@/lib/server/vnfs/mapping';
import { findVnfFor } from '@/lib/server/vnfs/queries';

export const dynamic = 'force-dynamic';

/** UI: VNF -> stack -> resources -> Nova servers (scaling group members included). */
export const GET = apiRoute({ name: 'vnfs.mapping' }, async (ctx) => {
  const { row } = await findVnfFor(ctx, ctx.params.id, 'get_vnf_resources');
  return vnfMapping(row);
});
