// POST /api/vims/test-connection {vim: {...same body as POST /v1.0/vims}} -> what registering would
// find (the v3 URL, the project, the regions), without storing anything. For the Register VIM form.
import { apiRoute } from '@/lib/server/api/route';
import { vimCreateBody, type VimCreateInput } from '@/lib/server/vims/attributes';
import { credentialsOfInput, verifyVim } from '@/lib/server/vims/verify';

export const dynamic = 'force-dynamic';

export const POST = apiRoute(
  {
    name: 'vims.test-connection',
    body: vimCreateBody,
    policy: { rule: 'create_vim', target: (ctx) => ({ name: ctx.body.vim.name, tenant_id: ctx.body.vim.tenant_id ?? ctx.identity.projectId }) },
  },
  async (ctx) => {
    const verified = await verifyVim(credentialsOfInput(ctx.body.vim as VimCreateInput));
    return { auth_url: verified.authUrl, project_id: verified.projectId, project_name: verified.projectName, regions: verified.regions };
  },
);
