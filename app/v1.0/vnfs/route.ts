import { collectionBody } from '@/lib/server/api/collection';
import { apiRoute, json } from '@/lib/server/api/route';
import { createVnfBody, type CreateVnfInput } from '@/lib/server/vnfs/attributes';
import { listVisibleVnfs, viewsOf } from '@/lib/server/vnfs/queries';
import { launchVnf } from '@/lib/server/vnfs/service';

export const dynamic = 'force-dynamic';

/** GET /v1.0/vnfs (filters: ?vim_id= ?vnfd_id= ?name= ?id= ?status= ?tenant_id=, fields=, paging). */
export const GET = apiRoute({ name: 'vnfs.list' }, async (ctx) => collectionBody(ctx, 'vnfs', await listVisibleVnfs(ctx)));

/** POST /v1.0/vnfs: launch from vnfd_id or an inline vnfd_template. */
export const POST = apiRoute(
  {
    name: 'vnfs.create',
    body: createVnfBody,
    policy: { rule: 'create_vnf', target: (ctx) => ({ ...(ctx.body.vnf as Record<string, unknown>), tenant_id: ctx.identity.projectId }) },
  },
  async (ctx) => {
    const row = await launchVnf(ctx.identity, ctx.body.vnf as unknown as CreateVnfInput);
    const [view] = await viewsOf([row]);
    return json({ vnf: view }, 201);
  },
);
