import { collectionBody } from '@/lib/server/api/collection';
import { apiRoute, json } from '@/lib/server/api/route';
import { createVnfdBody } from '@/lib/server/vnfds/attributes';
import { createVnfd, listVnfds } from '@/lib/server/vnfds/service';

export const dynamic = 'force-dynamic';

/** GET /v1.0/vnfds (onboarded by default; ?template_source=inline|all), filters, fields, paging. */
export const GET = apiRoute({ name: 'vnfds.list' }, async (ctx) => {
  const views = await listVnfds(ctx, ctx.query.get('template_source'));
  // template_source was applied above ('all' is not an attribute value).
  const query = new URLSearchParams(ctx.query);
  query.delete('template_source');
  return collectionBody({ ...ctx, query }, 'vnfds', views);
});

/** POST /v1.0/vnfds: onboard a VNFD (attributes.vnfd as an object or YAML text). */
export const POST = apiRoute(
  {
    name: 'vnfds.create',
    body: createVnfdBody,
    policy: { rule: 'create_vnfd', target: (ctx) => ({ ...ctx.body.vnfd, tenant_id: ctx.body.vnfd.tenant_id || ctx.identity.projectId }) },
  },
  async (ctx) => json({ vnfd: await createVnfd(ctx, ctx.body.vnfd) }, 201),
);
