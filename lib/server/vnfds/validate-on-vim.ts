// "Validate on VIM": translate a VNFD and ask a registered VIM's Heat whether it accepts the HOT
// (POST /validate). Heat's refusal is an answer, not a failure of this request.
import { z } from 'zod';
import { toYaml, translate } from '@/lib/tosca';
import { OpenStackError } from '@/lib/openstack/errors';
import { badRequest, notFound } from '../api/errors';
import type { ApiContext } from '../api/route';
import { db } from '../db';
import { visibleVimScope } from '../scope';
import { connectVim } from '../vims/connect';
import { invalidTemplate } from './template';

export const validateOnVimBody = z.strictObject({
  vim_id: z.string().min(1),
  vnfd: z.string().min(1, 'must not be empty'),
  param_values: z.string().optional(),
});
export type ValidateOnVimInput = z.infer<typeof validateOnVimBody>;

export type ValidateOnVimResult =
  | { valid: true; vim: { id: string; name: string }; parameters: Record<string, unknown>; description: string | null }
  | { valid: false; vim: { id: string; name: string }; reason: string; status: number };

export async function validateOnVim(ctx: Pick<ApiContext<unknown>, 'identity' | 'authorize'>, input: ValidateOnVimInput): Promise<ValidateOnVimResult> {
  const result = translate(input.vnfd, { paramValues: input.param_values });
  if (result.errors.length || !result.template) throw invalidTemplate(result.errors);

  const vim = await db().vim.findFirst({ where: { id: input.vim_id, deletedAt: null, ...visibleVimScope(ctx.identity) } });
  if (!vim) throw notFound('Vim', input.vim_id);
  await ctx.authorize('get_vim', { id: vim.id, tenant_id: vim.tenantId, shared: vim.shared }, notFound('Vim', input.vim_id));
  const who = { id: vim.id, name: vim.name };

  const files = Object.fromEntries(Object.entries(result.files).map(([name, hot]) => [name, toYaml(hot)]));
  try {
    const cloud = await connectVim(vim, { timeoutMs: 15_000, retries: 0 });
    const answer = await cloud.heat.validate({ template: toYaml(result.template), files });
    return { valid: true, vim: who, parameters: answer.Parameters ?? {}, description: answer.Description ?? null };
  } catch (err) {
    if (err instanceof OpenStackError) {
      // Heat said no (400): that is the answer. Anything else (auth, unreachable) is a failed check.
      if (err.service === 'heat' && err.status === 400) return { valid: false, vim: who, reason: err.message, status: err.status };
      throw badRequest(`Could not validate on VIM ${vim.name}: ${err.service} ${err.status || err.kind}: ${err.message}`);
    }
    throw err;
  }
}
