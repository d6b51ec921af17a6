// Reads behind the API: visible VNFs as Tacker views, policy-checked.
import type { ApiContext } from '../api/route';
import { notFound } from '../api/errors';
import { db } from '../db';
import { visibleVnfsWhere } from './service';
import { vnfView, type VnfRow, type VnfView } from './view';

type Ctx = Pick<ApiContext<unknown>, 'identity' | 'allowed' | 'authorize'>;

async function vimNames(ids: string[]) {
  const vims = await db().vim.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true } });
  return new Map(vims.map((v) => [v.id, v]));
}

export async function viewsOf(rows: VnfRow[]): Promise<VnfView[]> {
  const vims = await vimNames(rows.map((r) => r.vimId));
  return rows.map((r) => vnfView(r, vims.get(r.vimId)));
}

export async function listVisibleVnfs(ctx: Ctx): Promise<VnfView[]> {
  const rows = await db().vnf.findMany({ where: visibleVnfsWhere(ctx.identity), orderBy: { createdAt: 'asc' } });
  const views = await viewsOf(rows);
  const allowed: VnfView[] = [];
  for (const v of views) if (await ctx.allowed('get_vnf', v)) allowed.push(v);
  return allowed;
}

/** A VNF the caller may `rule`; one they may not even see is a 404, never a 403. */
export async function findVnfFor(ctx: Ctx, id: string, rule: string): Promise<{ row: VnfRow; view: VnfView }> {
  const missing = notFound('VNF', id);
  const row = await db().vnf.findFirst({ where: { id, ...visibleVnfsWhere(ctx.identity) } });
  if (!row) throw missing;
  const [view] = await viewsOf([row]);
  await ctx.authorize('get_vnf', view, missing);
  if (rule !== 'get_vnf') await ctx.authorize(rule, view);
  return { row, view };
}
