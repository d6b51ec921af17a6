import { apiRoute } from '@/lib/server/api/route';
import { db } from '@/lib/server/db';
import { listVisibleVnfs } from '@/lib/server/vnfs/queries';

export const dynamic = 'force-dynamic';

/** UI list: the Tacker views plus the VNFD name and version each VNF was launched from. */
export const GET = apiRoute({ name: 'vnfs.ui-list' }, async (ctx) => {
  const views = await listVisibleVnfs(ctx);
  const rows = await db().vnf.findMany({ where: { id: { in: views.map((v) => v.id) } }, select: { id: true, vnfdVersion: true, vnfd: { select: { name: true, templateSource: true } } } });
  const extra = new Map(rows.map((r) => [r.id, r]));
  return {
    vnfs: views.map((v) => ({
      ...v,
      vnfd_name: extra.get(v.id)?.vnfd.templateSource === 'inline' ? '(inline template)' : extra.get(v.id)?.vnfd.name ?? null,
      vnfd_version: extra.get(v.id)?.vnfdVersion ?? null,
    })),
  };
});
