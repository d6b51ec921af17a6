// Tacker v1.0 VIM: show, update, delete.
import { projectFields } from '@/lib/server/api/collection';
import { apiRoute, json } from '@/lib/server/api/route';
import { vimUpdateBody, type VimUpdateInput } from '@/lib/server/vims/attributes';
import { findVimFor, viewFor } from '@/lib/server/vims/queries';
import { deleteVim, updateVim } from '@/lib/server/vims/service';
import { vimView } from '@/lib/server/vims/view';

export const dynamic = 'force-dynamic';

export const GET = apiRoute({ name: 'vims.show' }, async (ctx) => {
  const row = await findVimFor(ctx, ctx.params.id, 'get_vim');
  return { vim: projectFields(await viewFor(ctx, row) as unknown as Record<string, unknown>, ctx.query) };
});

export const PUT = apiRoute({ name: 'vims.update', body: vimUpdateBody }, async (ctx) => {
  const input = ctx.body.vim as VimUpdateInput;
  const row = await findVimFor(ctx, ctx.params.id, 'update_vim');
  if (input.is_default !== undefined) await ctx.authorize('update_vim:is_default', vimView(row));
  const updated = await updateVim(ctx.identity, row, input);
  return { vim: await viewFor(ctx, updated) };
});

export const DELETE = apiRoute({ name: 'vims.delete' }, async (ctx) => {
  const row = await findVimFor(ctx, ctx.params.id, 'delete_vim');
  await deleteVim(ctx.identity, row);
  return json(null, 204);
});
