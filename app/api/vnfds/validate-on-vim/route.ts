import { apiRoute } from '@/lib/server/api/route';
import { validateOnVim, validateOnVimBody } from '@/lib/server/vnfds/validate-on-vim';

export const dynamic = 'force-dynamic';

/** POST {vim_id, vnfd, param_values?}: translate, then Heat template-validate on that VIM. */
export const POST = apiRoute({ name: 'ui.vnfds.validate', body: validateOnVimBody }, async (ctx) => validateOnVim(ctx, ctx.body));
