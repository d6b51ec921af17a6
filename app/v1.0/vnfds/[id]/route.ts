import { projectFields } from '@/lib/server/api/collection';
import { apiRoute, json } from '@/lib/server/api/route';
import { updateVnfdBody } from '@/lib/server/vnfds/attributes';
import { deleteVnfd, findVnfd, updateVnfd } from '@/lib/server/vnfds/service';

export const dynamic = 'force-dynamic';

export const GET = apiRoute({ name: 'vnfds.show' }, async (ctx) => {
  const { view } = await findVnfd(ctx, ctx.params.id);
  return { vnfd: projectFields(view, ctx.query) };
});

/** PUT: name/description; a changed attributes.vnfd becomes a new version. */
export const PUT = apiRoute({ name: 'vnfds.update', body: updateVnfdBody }, async (ctx) => ({
  vnfd: await updateVnfd(ctx, ctx.params.id, ctx.body.vnfd),
}));

export const DELETE = apiRoute({ name: 'vnfds.delete' }, async (ctx) => {
  await deleteVnfd(ctx, ctx.params.id);
  return json(null, 204);
});
