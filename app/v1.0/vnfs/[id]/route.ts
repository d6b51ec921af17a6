import { z } from 'zod';
import { projectFields } from '@/lib/server/api/collection';
import { apiRoute, json } from '@/lib/server/api/route';
import { updateVnfBody } from '@/lib/server/vnfs/attributes';
import { findVnfFor, viewsOf } from '@/lib/server/vnfs/queries';
import { deleteVnf, updateVnfConfig } from '@/lib/server/vnfs/service';

export const dynamic = 'force-dynamic';

export const GET = apiRoute({ name: 'vnfs.show' }, async (ctx) => {
  const { view } = await findVnfFor(ctx, ctx.params.id, 'get_vnf');
  return { vnf: projectFields(view, ctx.query) };
});

/** PUT: attributes.config only (Tacker: update_vnf) -> PENDING_UPDATE. */
export const PUT = apiRoute({ name: 'vnfs.update', body: updateVnfBody }, async (ctx) => {
  await findVnfFor(ctx, ctx.params.id, 'update_vnf');
  const attributes = ((ctx.body.vnf as { attributes?: { config?: unknown; param_values?: unknown } }).attributes ?? {});
  const row = await updateVnfConfig(ctx.identity, ctx.params.id, attributes);
  const [view] = await viewsOf([row]);
  return { vnf: view };
});

// python-tackerclient sends `{}` or `{"vnf": {"attributes": {"force": true}}}` with the DELETE.
const deleteBody = z.strictObject({ vnf: z.strictObject({ attributes: z.strictObject({ force: z.boolean().optional() }).optional() }).optional() });

export const DELETE = apiRoute({ name: 'vnfs.delete', body: deleteBody }, async (ctx) => {
  await findVnfFor(ctx, ctx.params.id, 'delete_vnf');
  await deleteVnf(ctx.identity, ctx.params.id, ctx.body.vnf?.attributes?.force === true);
  return json(null, 204);
});
