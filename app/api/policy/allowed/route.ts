// POST /api/policy/allowed {rules: string[], target: object} -> {allowed: {rule: boolean}}
// For the UI to hide actions the policy forbids: the caller's own credentials against a target
// the page already holds (e.g. a VIM's API view), so nothing is learned that the page did not know.
import { z } from 'zod';
import { apiRoute } from '@/lib/server/api/route';

export const dynamic = 'force-dynamic';

const body = z.strictObject({
  rules: z.array(z.string().min(1).max(200)).min(1).max(50),
  target: z.record(z.string(), z.unknown()).default({}),
});

export const POST = apiRoute({ name: 'policy.allowed', body }, async (ctx) => {
  // the caller's own project unless the page names the resource's
  const target = { tenant_id: ctx.identity.projectId, project_id: ctx.identity.projectId, ...ctx.body.target };
  const allowed: Record<string, boolean> = {};
  for (const rule of new Set(ctx.body.rules)) allowed[rule] = await ctx.allowed(rule, target);
  return { allowed };
});
