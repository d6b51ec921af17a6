import { z } from 'zod';
import { apiRoute } from '@/lib/server/api/route';
import { currentPolicy } from '@/lib/server/policy';

export const dynamic = 'force-dynamic';

const body = z.strictObject({
  rule: z.string().min(1).max(255),
  target: z.record(z.string(), z.unknown()).default({}),
  creds: z
    .strictObject({
      user_id: z.string().default('user'),
      project_id: z.string().default('project'),
      roles: z.array(z.string()).default([]),
      is_admin: z.boolean().optional(),
    })
    .default({ user_id: 'user', project_id: 'project', roles: [] }),
});

/** "Try it": would this rule allow these credentials on this target, and why. */
export const POST = apiRoute({ name: 'policy.try', body, policy: { rule: 'context_is_admin' } }, async ({ body }) => {
  const creds = { ...body.creds, tenant_id: body.creds.project_id, is_admin: body.creds.is_admin ?? body.creds.roles.some((r) => r.toLowerCase() === 'admin') };
  const decision = await currentPolicy().enforcer.enforceAsync(body.rule, body.target, creds);
  return { rule: body.rule, allowed: decision.allowed, reason: decision.reason, error: decision.error };
});
