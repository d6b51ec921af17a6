// Tacker v1.0 VIMs: list and register.
import { forbidden } from '@/lib/server/api/errors';
import { collectionBody } from '@/lib/server/api/collection';
import { apiRoute, json } from '@/lib/server/api/route';
import { vimCreateBody, type VimCreateInput } from '@/lib/server/vims/attributes';
import { listVisibleVims, viewFor } from '@/lib/server/vims/queries';
import { registerVim } from '@/lib/server/vims/service';

export const dynamic = 'force-dynamic';

export const GET = apiRoute({ name: 'vims.list' }, async (ctx) => collectionBody(ctx, 'vims', (await listVisibleVims(ctx)) as unknown as Record<string, unknown>[]));

export const POST = apiRoute(
  {
    name: 'vims.create',
    body: vimCreateBody,
    policy: { rule: 'create_vim', target: (ctx) => ({ ...ctx.body.vim, auth_cred: undefined, tenant_id: ctx.body.vim.tenant_id ?? ctx.identity.projectId }) },
  },
  async (ctx) => {
    const input = ctx.body.vim as VimCreateInput;
    // Sharing a cloud with every project is an operator decision.
    if (input.shared && !(await ctx.allowed('context_is_admin', {}))) throw forbidden('Only an admin may register a shared VIM (shared: true)');
    const row = await registerVim(ctx.identity, input);
    return json({ vim: await viewFor(ctx, row) }, 201);
  },
);
