// Which VIMs a caller can see, and how each is shown to them (policy-filtered views).
import type { ApiContext } from '../api/route';
import { notFound } from '../api/errors';
import { db } from '../db';
import type { Vim } from '../db/generated/sqlite/client';
import { visibleVimScope } from '../scope';
import type { VimView } from './attributes';
import { vimView } from './view';

type Ctx = Pick<ApiContext<unknown>, 'identity' | 'allowed' | 'authorize'>;

/** Own project's VIMs (all for admins) and shared ones; deleted ones never. */
export function visibleWhere(ctx: Pick<Ctx, 'identity'>) {
  return { deletedAt: null, ...visibleVimScope(ctx.identity) };
}

/** The API view for this caller: auth_cred only where `get_vim:auth_cred` allows it. */
export async function viewFor(ctx: Ctx, row: Vim): Promise<VimView> {
  const view = vimView(row);
  if (!(await ctx.allowed('get_vim:auth_cred', view))) delete view.auth_cred;
  return view;
}

export async function listVisibleVims(ctx: Ctx): Promise<VimView[]> {
  const rows = await db().vim.findMany({ where: visibleWhere(ctx), orderBy: { createdAt: 'asc' } });
  const views: VimView[] = [];
  for (const row of rows) if (await ctx.allowed('get_vim', vimView(row))) views.push(await viewFor(ctx, row));
  return views;
}

/** A VIM the caller may `rule` (get/update/delete); invisible ones are a 404, never a 403. */
export async function findVimFor(ctx: Ctx, id: string, rule: string): Promise<Vim> {
  const missing = notFound('Vim', id);
  const row = await db().vim.findFirst({ where: { id, ...visibleWhere(ctx) } });
  if (!row) throw missing;
  const view = vimView(row);
  await ctx.authorize('get_vim', view, missing);
  if (rule !== 'get_vim') await ctx.authorize(rule, view);
  return row;
}
