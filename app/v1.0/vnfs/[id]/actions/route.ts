import { apiRoute, json } from '@/lib/server/api/route';
import { scaleBody } from '@/lib/server/vnfs/attributes';
import { findVnfFor } from '@/lib/server/vnfs/queries';
import { scaleVnf } from '@/lib/server/vnfs/service';

export const dynamic = 'force-dynamic';

/** POST /v1.0/vnfs/{id}/actions {"scale": {"type": "out"|"in", "policy": "SP1"}} -> 202. */
export const POST = apiRoute({ name: 'vnfs.scale', body: scaleBody }, async (ctx) => {
  await findVnfFor(ctx, ctx.params.id, 'create_vnf_scale');
  await scaleVnf(ctx.identity, ctx.params.id, ctx.body.scale);
  return json({ scale: ctx.body.scale }, 202);
});
